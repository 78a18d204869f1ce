import DealKit
import XCTest

@testable import DealTUI

/// The column chooser (`|`): the table behind follows each key, and the sorted column stays.
final class ColumnKeysTests: XCTestCase {
    private func header(_ s: AppState, y: Int = 2) -> String { Screen.render(s).line(y) }

    func testHideReorderAndResetTheDealsTable() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 200)
        _ = keys(&s, .char("2"))
        XCTAssertTrue(header(s).contains("sponsor"))
        _ = keys(&s, .char("|"))
        guard case .columns = s.overlay else { return XCTFail("the chooser is open") }
        let grid = Screen.render(s).text()
        XCTAssertTrue(grid.contains("columns of the Deals view") && grid.contains("[x] sponsor"), grid)
        // The cursor starts on the column cursor's column (title); down three is sponsor.
        _ = keys(&s, .down, .down, .down, .char(" "))
        XCTAssertEqual(s.message, "sponsor hidden")
        XCTAssertFalse(s.dealsColumns.shown.contains(.sponsor))
        XCTAssertTrue(Screen.render(s).text().contains("[ ] sponsor"))
        _ = keys(&s, .escape)
        XCTAssertNil(s.overlay)
        XCTAssertFalse(header(s).contains("sponsor"), header(s))
        // `←` `→` and `s` go through the columns shown only.
        XCTAssertFalse(s.frame.dealColumns.contains(.sponsor))
        for _ in 0..<20 {
            _ = keys(&s, .char("s"))
            XCTAssertNotEqual(s.sort, .sponsor)
        }
        // Move the id column to the front, then back to the table's own order.
        _ = keys(&s, .char("|"), .end, .char("["))
        XCTAssertEqual(s.dealsColumns.order.suffix(2), [.id, .milestone])
        for _ in 0..<12 { _ = keys(&s, .char("[")) }
        XCTAssertEqual(s.dealsColumns.shown.first, .id)
        _ = keys(&s, .escape)
        XCTAssertTrue(header(s).hasPrefix("id"), header(s))
        _ = keys(&s, .char("|"), .char("r"), .escape)
        XCTAssertEqual(s.dealsColumns.shown, DealColumn.dealsView)
        XCTAssertTrue(header(s).hasPrefix("title"), header(s))
    }

    func testTheSortedColumnCannotBeHidden() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 200)
        _ = keys(&s, .char("2"), .char("|"))
        // Sorted by country: the cc column, second.
        _ = keys(&s, .down, .char(" "))
        XCTAssertTrue(s.dealsColumns.shown.contains(.country))
        XCTAssertEqual(s.message, "the table is sorted by cc: sort by another column (s) before hiding it")
    }

    /// The column cursor stays on its column when columns before it are hidden or moved.
    func testTheColumnCursorFollowsItsColumn() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 200)
        _ = keys(&s, .char("2"), .right, .right, .right)
        XCTAssertEqual(s.frame.focusColumn, .sponsor)
        _ = keys(&s, .char("|"))
        XCTAssertEqual(s.overlay, .columns(ListCursor(index: 3)), "the chooser opens on the focused column")
        _ = keys(&s, .home, .down, .down, .char(" "), .escape)
        XCTAssertEqual(s.frame.focusColumn, .sponsor)
    }

    /// The Countries view's deal table has a chooser of its own; the Vendors view has none.
    func testTheCountriesTableHasItsOwnChoice() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 200)
        _ = keys(&s, .char("|"))
        XCTAssertEqual(s.focus, .table)
        XCTAssertTrue(Screen.render(s).text().contains("columns of the country's deals"))
        _ = keys(&s, .down, .down, .char(" "), .escape)
        XCTAssertFalse(s.countryDealColumns.shown.contains(.sponsor))
        XCTAssertEqual(s.dealsColumns.shown, DealColumn.dealsView, "the Deals view's table is another choice")
        _ = keys(&s, .char("3"), .char("|"))
        XCTAssertNil(s.overlay)
    }

    func testTheChooserBoxAt80x24() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), rows: 24, cols: 80)
        _ = keys(&s, .char("2"), .char("|"), .down, .down, .down, .char(" "), .char("]"))
        assertSnapshot(Screen.render(s), named: "columns-80x24")
    }
}
