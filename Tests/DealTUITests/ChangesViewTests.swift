import DealKit
import XCTest

@testable import DealTUI

/// The Changes overlay: what moved in the last days, setbacks marked, Enter opens the deal.
final class ChangesViewTests: XCTestCase {
    private func feedWithRecentChanges() throws -> Feed {
        var feed = try TestFeeds.bundled()
        let recorder = RevisionRecorder(author: "alice")
        let i = try XCTUnwrap(feed.index(of: "kr-skt-nvidia-ai-cloud"))
        let before = feed.deals[i]
        feed.deals[i].capacity?.targetMW = 500
        var revisions = [recorder.revision(id: before.id, old: before, new: feed.deals[i], at: "2026-06-08T10:00:00Z")!]
        let j = try XCTUnwrap(feed.index(of: "gb-sovereign-ai-factory"))
        let old = feed.deals[j]
        feed.deals[j].status = .planned
        // Older than a week before TestFeeds.today (2026-06-10): shown only with a longer period.
        revisions.append(recorder.revision(id: old.id, old: old, new: feed.deals[j], at: "2026-05-25T10:00:00Z")!)
        History(revisions: revisions).store(in: &feed)
        return feed
    }

    func testChangesOfTheLastWeekAreListedAndEnterOpensTheDeal() throws {
        var s = TestFeeds.state(try feedWithRecentChanges(), rows: 30, cols: 120)
        AppReducer.reduce(&s, .char("C"))
        guard case .changes(let c)? = s.overlay else { return XCTFail("no Changes overlay") }
        XCTAssertEqual(c.changes.map(\.sentence), ["capacity.targetMW revised down by 500 MW (1000 → 500)"])
        let screen = Screen.render(s).text()
        XCTAssertTrue(screen.contains("Changes in the last 7 days: 1"), screen)
        XCTAssertTrue(screen.contains("! capacity.targetMW revised down by 500 MW"), screen)
        AppReducer.reduce(&s, .char("+"))
        AppReducer.reduce(&s, .char("+"))
        guard case .changes(let wider)? = s.overlay else { return XCTFail() }
        XCTAssertEqual(wider.days, 21)
        XCTAssertEqual(wider.changes.map(\.id), ["gb-sovereign-ai-factory", "kr-skt-nvidia-ai-cloud"])
        AppReducer.reduce(&s, .down)
        AppReducer.reduce(&s, .enter)
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.detail?.id, "kr-skt-nvidia-ai-cloud")
    }
}
