import XCTest
@testable import DealKit

final class PartialDateTests: XCTestCase {
    func testParsesEveryPrecisionAndPrintsItAsWritten() {
        for text in ["2026", "2026-H1", "2026-H2", "2026-Q1", "2026-Q4", "2026-06", "2026-06-07", "2024-02-29"] {
            XCTAssertEqual(PartialDate(text)?.description, text)
        }
    }

    func testRejectsMalformedDates() {
        for text in ["", "26", "2026-13", "2026-13-45", "2026-02-30", "2025-02-29", "2026-H3", "2026-Q0", "2026-Q5",
                     "2026-6", "2026-06-7", "2026/06/07", "2026-06-07T00:00", " 2026", "２０２６", "2026-h1"] {
            XCTAssertNil(PartialDate(text), text)
        }
    }

    func testOrdersByFirstDayThenLessPreciseFirst() {
        let sorted = ["2026-07-01", "2026-H2", "2026", "2026-Q3", "2026-07", "2026-01", "2026-H1", "2025-12-31", "2026-Q1"]
            .compactMap { PartialDate($0) }.sorted().map(\.description)
        XCTAssertEqual(sorted, ["2025-12-31", "2026", "2026-H1", "2026-Q1", "2026-01", "2026-H2", "2026-Q3", "2026-07", "2026-07-01"])
    }

    func testPeriodBounds() {
        XCTAssertEqual(PartialDate("2026-H2")!.startKey, 20260701)
        XCTAssertEqual(PartialDate("2026-H2")!.endKey, 20261231)
        XCTAssertEqual(PartialDate("2024-Q1")!.endKey, 20240331)
        XCTAssertEqual(PartialDate("2024-02")!.endKey, 20240229)
        XCTAssertEqual(PartialDate("2026-06-07")!.endKey, 20260607)
    }
}
