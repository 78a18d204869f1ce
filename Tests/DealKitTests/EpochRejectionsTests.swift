import XCTest

@testable import DealKit

/// Rejected Epoch rows: all counted, the first of each reason kept.
final class EpochRejectionsTests: XCTestCase {
    private func rejection(_ line: Int, _ reason: EpochRejection.Reason, _ detail: String) -> EpochRejection {
        EpochRejection(line: line, name: "row \(line)", reason: reason, detail: detail)
    }

    func testEveryRowIsCountedAndTheFirstOfEachReasonKept() {
        var all = EpochRejections()
        let limit = EpochRejections.keptPerReason
        for line in 2..<(2 + 3 * limit) { all.add(rejection(line, .noCountry, "the Country is empty")) }
        all.add(rejection(10_000, .unknownCountry, "Country \"A\" is not a known country"))
        all.add(rejection(10_001, .unknownCountry, "Country \"B\" is not a known country"))
        XCTAssertEqual(all.count, 3 * limit + 2)
        XCTAssertEqual(all.kept.count, limit + 2)
        XCTAssertEqual(all.kept.filter { $0.reason == .noCountry }.map(\.line), Array(2..<(2 + limit)))
        XCTAssertEqual(all.byReason.map(\.reason), [.noCountry, .unknownCountry])
        XCTAssertEqual(all.byReason.map(\.count), [3 * limit, 2])
        XCTAssertEqual(all.sharedDetail(.noCountry), "the Country is empty")
        XCTAssertNil(all.sharedDetail(.unknownCountry), "the details differ")
        XCTAssertNil(all.sharedDetail(.badDate), "no such row")
    }

    func testADetailThatDiffersPastTheKeptRowsStillCounts() {
        var all = EpochRejections()
        for line in 2..<(3 + EpochRejections.keptPerReason) { all.add(rejection(line, .badNumber, "same")) }
        XCTAssertEqual(all.sharedDetail(.badNumber), "same")
        all.add(rejection(5_000, .badNumber, "another"))
        XCTAssertNil(all.sharedDetail(.badNumber))
    }

    func testKeptRowsAreInFileOrder() {
        // Rows rejected while mapping are found after those rejected by the checks.
        let all = EpochRejections([
            rejection(3, .noName, "the Name is empty"), rejection(9, .noCountry, "the Country is empty"),
            rejection(2, .badDate, "d"), rejection(5, .noDate, "n"),
        ])
        XCTAssertEqual(all.kept.map(\.line), [2, 3, 5, 9])
        XCTAssertEqual(
            all.kept.map(\.position), ["line 2 \"row 2\"", "line 3 \"row 3\"", "line 5 \"row 5\"", "line 9 \"row 9\""])
    }
}
