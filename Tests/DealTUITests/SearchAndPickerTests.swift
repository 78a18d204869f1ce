import DealKit
import TestSupport
import XCTest

@testable import DealTUI

final class SearchAndPickerTests: XCTestCase {
    func testSearchMatchesAreHighlightedInTheRows() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), rows: 24, cols: 100)
        for e: InputEvent in [
            .char("2"), .char("/"), .char("H"), .char("y"), .char("N"), .char("i"), .char("x"), .enter,
        ] {
            AppReducer.reduce(&s, e)
        }
        let g = Screen.render(s)
        let row = try XCTUnwrap((0..<g.rows).first { g.line($0).contains("SK hynix and NVIDIA") })
        let line = g.line(row)
        let at = DisplayWidth.of(String(line[..<line.range(of: "hynix")!.lowerBound]))
        for x in at..<(at + 5) { XCTAssertEqual(g[row, x].style.role, .search, "column \(x) of \(line)") }
        XCTAssertNotEqual(g[row, at + 6].style.role, .search)
    }

    func testThePickerOffersNoneAndCtrlUClearsItsFilter() throws {
        var s = TestFeeds.state(FeedBuilder.generated(200), rows: 30, cols: 100)
        let without = s.catalog.deals.filter { $0.vendors.isEmpty }.count
        XCTAssertGreaterThan(without, 0)
        AppReducer.reduce(&s, .char("v"))
        guard case .picker(let p) = s.overlay else { return XCTFail("no picker") }
        let none = try XCTUnwrap(p.items.first { $0.value == Summary.noVendor })
        XCTAssertEqual(none.count, without)
        for e: InputEvent in [.char("z"), .char("q"), .control("u")] { AppReducer.reduce(&s, e) }
        guard case .picker(let cleared) = s.overlay else { return XCTFail("no picker") }
        XCTAssertEqual(cleared.query, "")
        // Pick (none) alone: the deals without a vendor.
        for e: InputEvent in [.char("("), .char("n"), .char("o"), .char("n"), .char("e"), .char(" "), .enter] {
            AppReducer.reduce(&s, e)
        }
        XCTAssertEqual(s.filter.vendors, [Summary.noVendor])
        XCTAssertEqual(s.shownCount, without)
        XCTAssertEqual(
            DealFilter(vendors: [Summary.noVendor]).apply(to: s.catalog.deals).count, without, "the CLI's filter agrees"
        )
    }

    func testEnterOnTheNoneVendorRowShowsItsDeals() throws {
        var s = TestFeeds.state(FeedBuilder.generated(200), rows: 30, cols: 100)
        AppReducer.reduce(&s, .char("3"))
        AppReducer.reduce(&s, .end)
        XCTAssertEqual(s.selectedVendor?.key, Summary.noVendor)
        AppReducer.reduce(&s, .enter)
        XCTAssertEqual(s.view, .deals)
        XCTAssertTrue(s.results.rows.allSatisfy { s.catalog.deals[Int($0)].vendors.isEmpty })
        XCTAssertGreaterThan(s.shownCount, 0)
    }
}
