import DealKit
import XCTest

@testable import DealTUI

/// The Detail view shows the deal's recorded history, newest first, and only that deal's.
final class DetailViewTests: XCTestCase {
    func testDetailListsTheDealsRevisionsNewestFirst() throws {
        var feed = try TestFeeds.bundled()
        let i = try XCTUnwrap(feed.index(of: "kr-skt-nvidia-ai-cloud"))
        let before = feed.deals[i]
        var after = before
        after.capacity?.targetMW = 500
        let recorder = RevisionRecorder(author: "alice", note: "SKT now says 500 MW")
        var history = History(revisions: [
            recorder.revision(id: before.id, old: before, new: after, at: "2026-06-12T09:31:02Z")!,
            recorder.revision(id: before.id, old: after, new: before, at: "2026-06-13T09:00:00Z")!,
        ])
        history.revisions.append(
            RevisionRecorder(author: "bob").revision(
                id: "kr-naver-nvidia-dsx-sejong", old: feed.deals[0], new: nil, at: "2026-06-12T00:00:00Z")!)
        history.store(in: &feed)
        let catalog = DealIndex(feed: feed, today: TestFeeds.today)
        let text = DetailView.lines(of: i, in: catalog, width: 160).map { $0.map(\.text).joined() }
        let start = try XCTUnwrap(text.firstIndex(of: "History"))
        XCTAssertEqual(
            Array(text[(start + 1)...]),
            [
                "  2026-06-13  alice · edit: capacity.targetMW revised up by 500 MW (500 → 1000) — SKT now says 500 MW",
                "  2026-06-12  alice · edit: capacity.targetMW revised down by 500 MW (1000 → 500) — SKT now says 500 MW",
            ])
        let other = try XCTUnwrap(feed.index(of: "gb-sovereign-ai-factory"))
        XCTAssertFalse(DetailView.lines(of: other, in: catalog, width: 160).contains { $0.first?.text == "History" })
    }
}
