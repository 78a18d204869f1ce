import DealKit
import XCTest

@testable import DealTUI

/// A deal a git merge left conflicted: the Detail view lists its conflicts first, and `<` / `>`
/// take ours or theirs for the first one, through the store (recorded, undone by `u`).
final class DetailConflictTests: XCTestCase {
    private let id = "kr-naver-nvidia-dsx-sejong"

    /// The bundled deals with two conflicts on the NAVER deal, as `sovtrack merge` leaves them.
    private func conflicted() throws -> (Feed, [MergeConflict]) {
        var feed = try TestFeeds.bundled()
        let conflicts = [
            MergeConflict(
                id: id, field: "capacity.targetMW", base: .number("1000"), ours: .number("700"), theirs: .number("500")),
            MergeConflict(
                id: id, field: "status", base: .string("announced"), ours: .string("planned"),
                theirs: .string("cancelled")),
        ]
        MergeConflict.store(conflicts, in: &feed)
        return (feed, conflicts)
    }

    private func openDetail(_ s: inout AppState, _ feed: Feed) throws {
        let i = try XCTUnwrap(s.catalog.index(ofID: id))
        s.detail = AppState.Detail(deal: Int32(i), id: id)
    }

    func testTheDetailListsTheConflictsFirstAndMarksTheOneTheKeysSettle() throws {
        let (feed, _) = try conflicted()
        var s = TestFeeds.state(feed, rows: 30, cols: 100)
        try openDetail(&s, feed)
        AppReducer.settle(&s)
        let grid = Screen.render(s)
        assertSnapshot(grid, named: "detail-merge-conflicts")
        let text = grid.text()
        XCTAssertTrue(text.contains("▶ capacity.targetMW: ours 700 · theirs 500"), text)
        XCTAssertTrue(text.contains("  status: ours planned · theirs cancelled"), text)
        let other = try XCTUnwrap(feed.index(of: "kr-skt-nvidia-ai-cloud"))
        XCTAssertFalse(
            DetailView.lines(of: other, in: s.catalog, width: 100).contains { $0.first?.text == "Merge conflicts" })
    }

    func testTakingASideEmitsTheSettlementAndTheStoresAnswerShowsTheNext() throws {
        let (feed, conflicts) = try conflicted()
        var s = TestFeeds.state(feed, rows: 30, cols: 100)
        _ = AppReducer.reduce(&s, .char(">"))
        XCTAssertEqual(s.message?.hasPrefix("open a deal with merge conflicts"), true, "outside a detail")
        try openDetail(&s, feed)
        let deal = feed.deals[feed.index(of: id)!]
        var theirs = deal
        theirs.capacity?.targetMW = 500
        let change = StoreSession.Change.settle(conflicts[0], side: .theirs, old: deal, new: theirs, reopen: false)
        XCTAssertEqual(AppReducer.reduce(&s, .char(">")), [.apply(change, undo: false)])

        // The store's answer: the deal takes their value, the other conflict is next.
        var after = feed
        try StoreSession.apply(change, to: &after)
        XCTAssertEqual(try MergeConflict.all(in: after), [conflicts[1]])
        EditReducer.store(&s, .applied(change, undo: false, feed: after))
        XCTAssertEqual(s.message, "saved · took theirs for \(id) capacity.targetMW")
        XCTAssertEqual(s.detail?.id, id, "the detail stays open")
        var ours = theirs
        ours.status = .planned
        XCTAssertEqual(
            AppReducer.reduce(&s, .char("<")),
            [.apply(.settle(conflicts[1], side: .ours, old: theirs, new: ours, reopen: false), undo: false)])
        // `u` reopens the first: its inverse puts our value and the conflict back.
        XCTAssertEqual(AppReducer.reduce(&s, .char("u")), [.apply(change.inverse, undo: true)])
        try StoreSession.apply(change.inverse, to: &after)
        XCTAssertEqual(try MergeConflict.all(in: after), [conflicts[1], conflicts[0]])
        XCTAssertEqual(after.deals[after.index(of: id)!], deal)
    }

    func testNoConflictSaysSoAndASettlementSomeoneElseMadeIsRefused() throws {
        let (feed, conflicts) = try conflicted()
        var s = TestFeeds.state(try TestFeeds.bundled(), rows: 30, cols: 100)
        try openDetail(&s, feed)
        XCTAssertEqual(AppReducer.reduce(&s, .char("<")), [])
        XCTAssertEqual(s.message, "no merge conflict in \(id)")
        // Settled on disk meanwhile (by `sovtrack resolve`): the dashboard's settlement is refused.
        let deal = feed.deals[feed.index(of: id)!]
        var disk = feed
        try conflicts[0].settle(taking: .ours, in: &disk)
        let change = StoreSession.Change.settle(conflicts[0], side: .theirs, old: deal, new: deal, reopen: false)
        XCTAssertThrowsError(try StoreSession.apply(change, to: &disk)) { e in
            guard case .changedOnDisk(let id, _)? = e as? StoreSession.Conflict else { return XCTFail("\(e)") }
            XCTAssertEqual(id, self.id)
        }
    }
}
