import XCTest

@testable import DealTUI

final class VendorsViewTests: XCTestCase {
    func testAShareThatIsNotZeroNeverReadsZero() {
        XCTAssertEqual(VendorsView.percent(0), "0%")
        XCTAssertEqual(VendorsView.percent(0.00008), "<0.1%")
        XCTAssertEqual(VendorsView.percent(0.004), "0.4%")
        XCTAssertEqual(VendorsView.percent(0.199), "19.9%")
        XCTAssertEqual(VendorsView.percent(0.99999), ">99.9%")
        XCTAssertEqual(VendorsView.percent(1), "100%")
    }

    /// On a narrow terminal columns are left out whole, never the sorted one, and every kept
    /// figure has its full width (at 40 columns `ambition` used to be cut at the edge).
    func testColumnsFitTheWidthAndKeepTheSortedOne() {
        for width in [40, 60, 80, 120] {
            for sorted in GroupColumn.vendorsView {
                let (columns, bar) = VendorsView.columns(width: width, sortedBy: sorted)
                let used = columns.reduce(0) { $0 + $1.1 + 2 } - 2
                XCTAssertLessThanOrEqual(used, width, "\(width) \(sorted)")
                XCTAssertGreaterThanOrEqual(bar, 0)
                XCTAssertTrue(columns.contains { $0.0 == sorted }, "\(sorted) at \(width)")
                XCTAssertEqual(columns.first?.0, .key)
            }
        }
        XCTAssertEqual(VendorsView.columns(width: 80, sortedBy: .ambition).columns.map(\.0), GroupColumn.vendorsView)
    }

    func testNarrowListsAt40x10() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 10, cols: 40)
        assertSnapshot(Screen.render(s), named: "wide-40x10-countries")
        AppReducer.reduce(&s, .char("3"))
        assertSnapshot(Screen.render(s), named: "wide-40x10-vendors")
    }
}
