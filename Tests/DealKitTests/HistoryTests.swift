import Foundation
import TestSupport
import XCTest

@testable import DealKit

final class HistoryTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try makeTemporaryDirectory("sovtrack-history")
    }

    private func deal(_ id: String, target: Double = 1000) -> Deal {
        Deal(
            id: id, title: "Deal \(id)", country: "KR", announced: PartialDate("2026-06")!,
            partners: [Partner(name: "NVIDIA", role: .vendor)], capacity: Capacity(initialMW: 55, targetMW: target),
            milestones: [Milestone(date: PartialDate("2026-H2")!, event: "Launch")])
    }

    /// A store of `deals` with a recorder whose clock reads each of `times` in turn.
    private func store(_ deals: [Deal], times: [String]) throws -> Store {
        let path = dir.appendingPathComponent("deals.json").path
        try Data(FeedEncoder.encode(Feed(deals: deals))).write(to: URL(fileURLWithPath: path))
        final class Clock: @unchecked Sendable {
            var times: [String]
            init(_ t: [String]) { times = t }
        }
        let clock = Clock(times)
        var s = Store(path: path, today: { PartialDate("2026-06-10")! })
        s.recorder = RevisionRecorder(author: "alice", note: "why", now: { clock.times.removeFirst() })
        return s
    }

    func testEachSaveRecordsItsRevisionInTheSameFileAndTheStoreAsOfADateUndoesLaterOnes() throws {
        let s = try store(
            [deal("kr-a"), deal("kr-b")],
            times: ["2026-06-01T10:00:00Z", "2026-06-05T10:00:00Z", "2026-06-09T10:00:00Z"])
        try s.update(deal: "kr-a") { $0!.capacity!.targetMW = 500 }
        try s.update(deal: "kr-c", createIfMissing: false) { $0 = self.deal("kr-c") }
        try s.update(deal: "kr-b") { $0 = nil }
        let feed = try s.load().feed
        let history = try History(of: feed)
        XCTAssertEqual(history.revisions.map(\.id), ["kr-a", "kr-b", "kr-c"], "kept in id order")
        XCTAssertEqual(history.newestFirst.map(\.action), ["remove", "add", "edit"])
        XCTAssertEqual(
            history.revisions[0].changes,
            [
                FieldChange(
                    field: "capacity",
                    old: .object([
                        JSONField("initialMW", .number("55")), JSONField("targetMW", .number("1000")),
                        JSONField("operationalMW", .null),
                    ]),
                    new: .object([
                        JSONField("initialMW", .number("55")), JSONField("targetMW", .number("500")),
                        JSONField("operationalMW", .null),
                    ]))
            ])
        XCTAssertEqual(history.revisions[0].note, "why")

        XCTAssertEqual(try History.feed(feed, asOf: 20_260_531).deals, [deal("kr-a"), deal("kr-b")])
        XCTAssertEqual(try History.feed(feed, asOf: 20_260_601).deals, [deal("kr-a", target: 500), deal("kr-b")])
        XCTAssertEqual(try History.feed(feed, asOf: 20_260_605).deals.map(\.id), ["kr-a", "kr-b", "kr-c"])
        XCTAssertEqual(try History.feed(feed, asOf: 20_260_609).deals, feed.deals)
        // One revision a line, after the deals.
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: s.path)), as: UTF8.self)
        XCTAssertTrue(text.contains("\"history\": [\n    {\"at\": \"2026-06-01T10:00:00Z\""), text)
        XCTAssertEqual(text.components(separatedBy: "\n").filter { $0.hasPrefix("    {\"at\": ") }.count, 3)
    }

    func testAStoreWithoutHistoryLoadsAsOneWithNoRevisionsAndAnUnchangedSaveAddsNone() throws {
        let s = try store([deal("kr-a")], times: ["2026-06-01T10:00:00Z"])
        let before = try Data(contentsOf: URL(fileURLWithPath: s.path))
        XCTAssertEqual(try History(of: s.load().feed).revisions, [])
        XCTAssertFalse(try s.update(deal: "kr-a") { _ in })
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: s.path)), before)
    }

    func testAHistoryThatDoesNotReadIsReportedAndNeverWrittenOver() throws {
        let s = try store([deal("kr-a")], times: ["2026-06-01T10:00:00Z"])
        var feed = try s.load().feed
        feed.extra = [JSONField("history", .array([.object([JSONField("at", .string("yesterday"))])]))]
        let bad = FeedEncoder.encode(feed)
        try Data(bad).write(to: URL(fileURLWithPath: s.path))
        XCTAssertThrowsError(try s.update(deal: "kr-a") { $0!.title = "New" }) { e in
            XCTAssertTrue("\(e)".contains("history[0].at: \"yesterday\" is not a UTC time"), "\(e)")
        }
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: s.path))), bad)
        XCTAssertEqual(History.issues(in: feed).count, 1)
    }

    func testASessionRecordsEachChangeAndARenameAsARemovalAndAnAddition() throws {
        let s = try store([deal("kr-a")], times: ["2026-06-01T10:00:00Z", "2026-06-02T10:00:00Z"])
        var session = try StoreSession(store: s)
        var renamed = deal("kr-z")
        renamed.title = "Renamed"
        try session.apply(.replace(old: deal("kr-a"), new: renamed))
        let history = try History(of: s.load().feed)
        XCTAssertEqual(history.revisions.map(\.action), ["remove", "add"])
        XCTAssertEqual(try History.feed(s.load().feed, asOf: 20_260_531).deals, [deal("kr-a")])
    }

    func testAnEditThatOnlyAddsAKeyIsNotTakenForAnAddedDeal() {
        var sponsored = deal("kr-a")
        sponsored.sponsor = "NAVER"
        let recorder = RevisionRecorder(author: "a")
        let edit = recorder.revision(id: "kr-a", old: deal("kr-a"), new: sponsored, at: "2026-06-01T10:00:00Z")!
        XCTAssertFalse(edit.created)
        XCTAssertEqual(RevisionExport.summary(edit), "sponsor set (none → NAVER)")
        XCTAssertTrue(recorder.revision(id: "kr-a", old: nil, new: sponsored, at: "2026-06-01T10:00:00Z")!.created)
        XCTAssertTrue(recorder.revision(id: "kr-a", old: sponsored, new: nil, at: "2026-06-01T10:00:00Z")!.deleted)
    }

    func testStrippedFeedHasNoHistoryNorConflicts() throws {
        var feed = Feed(deals: [deal("kr-a")], extra: [JSONField("other", .bool(true))])
        History(revisions: [Revision(at: "2026-06-01T10:00:00Z", author: "a", id: "kr-a", action: "add", changes: [])])
            .store(in: &feed)
        MergeConflict.store([MergeConflict(id: "kr-a", field: "title", base: nil, ours: nil, theirs: nil)], in: &feed)
        XCTAssertEqual(History.stripped(feed).extra, [JSONField("other", .bool(true))])
    }

    /// A store written at version 1, edited, upgraded to 2 by that save, then given version-2
    /// keys: `--as-of` rebuilds the version-1-era deal and the version-2 one from the same history.
    func testAsOfRebuildsDealsFromBeforeAndAfterTheUpgradeToVersion2() throws {
        let path = dir.appendingPathComponent("deals.json").path
        var v1 = Feed(deals: [deal("kr-a")])
        v1.version = 1
        try Data(FeedEncoder.encode(v1)).write(to: URL(fileURLWithPath: path))
        XCTAssertTrue(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self).contains(
                "\"version\": 1,"))
        final class Log: @unchecked Sendable {
            var times = ["2026-06-01T10:00:00Z", "2026-06-05T10:00:00Z"]
            var upgrades: [Int] = []
        }
        let log = Log()
        var s = Store(path: path, today: { PartialDate("2026-06-10")! })
        s.recorder = RevisionRecorder(author: "alice", now: { log.times.removeFirst() })
        s.onUpgrade = { log.upgrades.append($0) }
        try s.update(deal: "kr-a") { $0!.capacity!.targetMW = 500 }
        XCTAssertEqual(log.upgrades, [1], "the first save upgrades, and says so once")
        var v2 = deal("kr-a", target: 500)
        v2.kind = .partnership
        v2.announcedStated = false
        v2.products = ["Vera Rubin"]
        v2.partners = [Partner(name: "SK hynix", role: .vendor, supplies: "memory", to: "NVIDIA")]
        v2.capacity!.approx = [.target]
        v2.sources = [Source(title: "Report", url: "https://example.com/a")]
        v2.cite = Citations([(.announced, [1]), (.targetMW, [1])])
        v2.milestones[0].cite = [1]
        try s.update(deal: "kr-a") { $0 = v2 }
        XCTAssertEqual(log.upgrades, [1], "a version-2 store is not upgraded again")
        let feed = try s.load().feed
        XCTAssertEqual(feed.version, 2)
        XCTAssertEqual(
            try History(of: feed).revisions.map(\.action), ["edit", "edit"], "the upgrade itself records no revision")
        XCTAssertEqual(try History.feed(feed, asOf: 20_260_531).deals, [deal("kr-a")], "the version-1-era deal")
        XCTAssertEqual(try History.feed(feed, asOf: 20_260_601).deals, [deal("kr-a", target: 500)], "v2 keys undone")
        XCTAssertEqual(try History.feed(feed, asOf: 20_260_605).deals, [v2], "every version-2 key rebuilt")
    }
}
