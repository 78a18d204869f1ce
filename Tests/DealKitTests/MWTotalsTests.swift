import XCTest

@testable import DealKit

final class MWTotalsTests: XCTestCase {
    private func figures(_ d: Deal) -> MWTotals.Figures { withUnsafePointer(to: d) { MWTotals.Figures($0) } }

    func testUnknownIsNotZeroAndAKindWithoutMegawattsIsNeither() {
        let known = Deal(
            id: "a", title: "a", country: "KR", announced: PartialDate("2026")!,
            capacity: Capacity(initialMW: 100, targetMW: 1000, approx: [.target]))
        let unknown = Deal(id: "b", title: "b", country: "KR", announced: PartialDate("2026")!)
        let partnership = Deal(
            id: "c", title: "c", country: "KR", announced: PartialDate("2026")!,
            capacity: Capacity(targetMW: 50), kind: .partnership)
        var t = MWTotals()
        for d in [known, unknown, partnership] { t.add(figures(d)) }
        XCTAssertEqual(t.deals, 3)
        XCTAssertEqual(t.ambition, 1000)
        XCTAssertEqual(t.committed, 100)
        XCTAssertNil(t.operational, "no deal knows it: unknown, not 0")
        XCTAssertEqual(t.unknown, 1)
        XCTAssertEqual(t.notApplicable, 1)
        XCTAssertEqual(t.approx, 2, "only the ambition figure is approximate")
        XCTAssertNil(figures(partnership).ambition, "its figure would count as capacity")
    }
}
