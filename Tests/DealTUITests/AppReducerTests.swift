import DealKit
import TestSupport
import XCTest

@testable import DealTUI

/// The reducer as a whole: quitting, a too-small terminal, feed replacement, every view at every size.
final class AppReducerTests: XCTestCase {
    func testQuitKeys() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        XCTAssertEqual(keys(&s, .char("q")), [.quit])
        XCTAssertEqual(keys(&s, .control("c")), [.quit])
        // In a prompt q is text, but Ctrl-C still quits.
        _ = keys(&s, .char("/"))
        XCTAssertEqual(keys(&s, .char("q")), [])
        XCTAssertEqual(s.filter.search, "q")
        XCTAssertEqual(keys(&s, .control("c")), [.quit])
    }

    func testReplacingTheFeedKeepsTheSelectionByID() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        _ = keys(&s, .char("2"), .down, .down)
        let id = s.selectedDealID!
        var feed = try TestFeeds.bundled()
        feed.deals.insert(
            Deal(id: "aa-first", title: "A new first deal", country: "AE", announced: PartialDate("2026")!), at: 0)
        feed.deals.removeAll { $0.id == "gb-sovereign-ai-factory" && id != "gb-sovereign-ai-factory" }
        s.replaceFeed(feed)
        XCTAssertEqual(s.selectedDealID, id)
        XCTAssertEqual(s.totalCount, feed.deals.count)
        // An open detail follows its deal, and closes if the deal is gone.
        _ = keys(&s, .enter)
        s.replaceFeed(try TestFeeds.bundled())
        XCTAssertEqual(s.detail?.id, id)
        feed.deals.removeAll { $0.id == id }
        s.replaceFeed(feed)
        XCTAssertNil(s.detail)
    }

    func testATinyTerminalShowsANoteAndStillQuits() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        _ = keys(&s, .resize(rows: 8, cols: 30))
        XCTAssertTrue(Screen.render(s).line(0).hasPrefix("enlarge the terminal (40x10"))
        XCTAssertEqual(keys(&s, .down), [])
        XCTAssertEqual(keys(&s, .char("q")), [.quit])
    }

    func testEveryViewDrawsAtEverySizeWithoutCrashing() throws {
        for feed in [
            try TestFeeds.bundled(), try TestFeeds.wide(), try TestFeeds.hostile(), FeedBuilder.generated(300), Feed(),
        ] {
            var s = TestFeeds.state(feed)
            for (rows, cols) in [(10, 40), (11, 41), (24, 80), (13, 57), (48, 160), (50, 200), (5, 5), (1, 1), (0, 0)] {
                _ = keys(&s, .resize(rows: rows, cols: cols))
                for k: InputEvent in [
                    .char("1"), .right, .down, .enter, .escape, .char("2"), .right, .right, .enter,
                    .pageDown, .escape, .char("3"), .down, .char("4"), .end, .enter, .end, .escape,
                    .char("?"), .pageDown, .escape, .char("c"), .down, .escape, .char("/"), .char("a"), .escape,
                ] {
                    _ = keys(&s, k)
                    let g = Screen.render(s)
                    XCTAssertEqual(g.rows, max(rows, 0))
                }
            }
        }
    }
}
