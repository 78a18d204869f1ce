import DealKit
import TestSupport
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

extension FrameLayoutTests {
    /// A key and the frame drawn after it share one computation of the frame: the reducer's
    /// `settle` computes it, the render reads it, and the next key's handling (a page, a click)
    /// reads the frame on screen without computing it again.
    func testAKeyAndItsFrameComputeTheLayoutOnce() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 120)
        _ = Screen.render(s)
        for e: InputEvent in [
            .char("2"), .pageDown, .down, .right, .enter, .pageDown, .escape, .char("1"), .enter, .click(y: 5, x: 70),
        ] {
            let before = s.frameCache.computed
            AppReducer.reduce(&s, e)
            _ = Screen.render(s)
            XCTAssertLessThanOrEqual(s.frameCache.computed - before, 1, "\(e)")
        }
        // A key that changes nothing the frame depends on computes none.
        let before = s.frameCache.computed
        AppReducer.reduce(&s, .down)
        _ = Screen.render(s)
        XCTAssertEqual(s.frameCache.computed, before)
        // The frame is still the one a fresh computation gives.
        XCTAssertEqual(s.frame.key, FrameLayout(s).key)
        XCTAssertEqual(s.frame.detailLines?.count, FrameLayout(s).detailLines?.count)
    }

    /// Outside the Countries view the frame does not build the country list nobody looks at.
    func testTheDealsViewFrameDoesNotBuildTheCountryTotals() throws {
        var s = AppState(feed: FeedBuilder.generated(300), storeName: "x", today: TestFeeds.today, rows: 24, cols: 80)
        s.view = .deals
        AppReducer.settle(&s)
        _ = Screen.render(s)
        XCTAssertFalse(s.results.hasCountries)
    }
}
