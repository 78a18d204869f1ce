import DealKit
import XCTest
@testable import DealTUI

/// The frame's geometry is what the reducer scrolls by and what the views draw with.
final class FrameLayoutTests: XCTestCase {
    func testTheFocusColumnIsClampedToTheActiveTable() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 120)
        AppReducer.reduce(&s, .char("2"))
        s.dealsColumn = 99
        XCTAssertEqual(FrameLayout(s).focusColumn, DealColumn.dealsView.last)
        XCTAssertEqual(FrameLayout(s).dealColumns, DealColumn.dealsView)
        AppReducer.reduce(&s, .char("1"))
        s.countryColumn = -3
        XCTAssertEqual(FrameLayout(s).focusColumn, DealColumn.countryDeals.first)
    }

    /// The detail scrolls no further than its last page: the same wrapped lines the view draws and the footer counts.
    func testTheDetailScrollStopsAtTheFramesLastLine() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 12, cols: 60)
        AppReducer.reduce(&s, .char("2"))
        AppReducer.reduce(&s, .enter)
        let lines = try XCTUnwrap(FrameLayout(s).detailLines).count
        let height = FrameLayout(s).body.height
        XCTAssertGreaterThan(lines, height, "the detail must be taller than the screen for this test")
        AppReducer.reduce(&s, .end)
        XCTAssertEqual(s.detail?.scroll, lines - height)
        XCTAssertTrue(Screen.render(s).text().contains("lines \(lines - height + 1)-\(lines) of \(lines)"))
        XCTAssertNil(FrameLayout(TestFeeds.state(try TestFeeds.wide(), rows: 12, cols: 60)).detailLines)
    }
}
