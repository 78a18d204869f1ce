import TestSupport
import XCTest

@testable import DealKit

final class StoreSessionTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try makeTemporaryDirectory("session")
    }

    private func deal(_ id: String, title: String = "A deal", mw: Double? = nil) -> Deal {
        Deal(
            id: id, title: title, country: "KR", announced: PartialDate("2026-06")!,
            capacity: mw.map { Capacity(initialMW: $0) }, sources: [Source(title: "t")])
    }

    private func makeStore(_ deals: [Deal]) throws -> Store {
        let path = dir.appendingPathComponent("deals.json").path
        let store = Store(path: path, today: { PartialDate("2026-11-23")! })
        try FileSystem.writeAtomically(FeedEncoder.encode(Feed(deals: deals)), to: path)
        return store
    }

    func testAddEditRemoveAndUndoReachTheFile() throws {
        let store = try makeStore([deal("kr-a")])
        var session = try StoreSession(store: store)
        let added = deal("kr-네이버-test".filter { $0.isASCII }, title: "네이버 새 공장")
        try session.apply(.add(added))
        var edited = added
        edited.capacity = Capacity(initialMW: 55, targetMW: 1000)
        try session.apply(.replace(old: added, new: edited))
        XCTAssertEqual(try store.load().feed.deals.first { $0.id == added.id }?.capacity?.targetMW, 1000)
        try session.apply(StoreSession.Change.replace(old: added, new: edited).inverse)
        XCTAssertNil(try store.load().feed.deals.first { $0.id == added.id }?.capacity)
        try session.apply(.remove(added))
        XCTAssertEqual(try store.load().feed.deals.map(\.id), ["kr-a"])
        XCTAssertEqual(session.snapshot.feed, try store.load().feed)
        XCTAssertFalse(session.changedOnDisk)
    }

    /// The dashboard's `<` / `>`: the side taken reaches the file with a `resolve` revision,
    /// the conflict leaves the list, and the undo puts both back.
    func testSettlingAMergeConflictIsRecordedAsResolveAndItsInverseReopensIt() throws {
        let ours = deal("kr-a", mw: 700)
        var feed = Feed(deals: [ours])
        let conflict = MergeConflict(
            id: "kr-a", field: "capacity.initialMW", base: .number("1000"), ours: .number("700"), theirs: .number("500")
        )
        MergeConflict.store([conflict], in: &feed)
        let path = dir.appendingPathComponent("deals.json").path
        try FileSystem.writeAtomically(FeedEncoder.encode(feed), to: path)
        var store = Store(path: path, today: { PartialDate("2026-11-23")! })
        store.recorder = RevisionRecorder(author: "alice", now: { "2026-11-23T10:00:00Z" })
        var session = try StoreSession(store: store)
        let theirs = try XCTUnwrap(conflict.deal(taking: .theirs, in: feed))
        XCTAssertEqual(theirs.capacity?.initialMW, 500)
        let change = StoreSession.Change.settle(conflict, side: .theirs, old: ours, new: theirs, reopen: false)
        try session.apply(change)
        var onDisk = try store.load().feed
        XCTAssertEqual(onDisk.deals.map(\.capacity?.initialMW), [500])
        XCTAssertEqual(try MergeConflict.all(in: onDisk), [])
        XCTAssertEqual(try History(of: onDisk).revisions.map(\.action), ["resolve"])
        try session.apply(change.inverse)
        onDisk = try store.load().feed
        XCTAssertEqual(onDisk.deals.map(\.capacity?.initialMW), [700])
        XCTAssertEqual(try MergeConflict.all(in: onDisk), [conflict])
        XCTAssertEqual(try History(of: onDisk).revisions.map(\.action), ["resolve", "edit"])
        XCTAssertThrowsError(try session.apply(change.inverse), "already open: refused")
    }

    func testChangesReportWhatTheyTouchedAndKeepIdOrder() throws {
        var feed = Feed(deals: [deal("kr-a"), deal("kr-c")])
        XCTAssertEqual(try StoreSession.apply(.add(deal("kr-b")), to: &feed), 1..<2)
        XCTAssertEqual(feed.deals.map(\.id), ["kr-a", "kr-b", "kr-c"])
        XCTAssertEqual(
            try StoreSession.apply(.replace(old: deal("kr-c"), new: deal("kr-c", title: "New")), to: &feed), 2..<3)
        XCTAssertEqual(try StoreSession.apply(.remove(deal("kr-a")), to: &feed), 0..<0)
        XCTAssertEqual(feed.deals.map(\.id), ["kr-b", "kr-c"])
    }

    func testDashboardSavesCheckTheChangedDealFirstAndKeepEveryBackupWhenRefused() throws {
        let store = try makeStore((0..<50).map { deal("kr-\(1_000 + $0)") })
        var session = try StoreSession(store: store)
        for v in 1...4 {
            let old = session.snapshot.feed.deals[7]
            var new = old
            new.title = "v\(v)"
            try session.apply(.replace(old: old, new: new))
        }
        let backups = (1...3).map { store.path + ".bak.\($0)" }
        let before = try backups.map { try FileSystem.read($0) }
        var bad = session.snapshot.feed.deals[7]
        bad.country = "Korea"
        XCTAssertThrowsError(try session.apply(.replace(old: session.snapshot.feed.deals[7], new: bad))) { error in
            guard case .invalidChange(let issues) = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(issues.map(\.description), [#"deals[7].country: "Korea" is not an ISO 3166-1 alpha-2 code"#])
        }
        XCTAssertEqual(try backups.map { try FileSystem.read($0) }, before)
        XCTAssertEqual(try store.load().feed.deals[7].title, "v4")
        // A new deal with an id out of place still ends up in id order.
        try session.apply(.add(deal("kr-0001")))
        XCTAssertEqual(try store.load().feed.deals.first?.id, "kr-0001")
        XCTAssertEqual(try store.load().feed.deals.count, 51)
    }

    func testAnInvalidEditIsRefusedAndTheFileKept() throws {
        let store = try makeStore([deal("kr-a"), deal("kr-b"), deal("kr-c")])
        var session = try StoreSession(store: store)
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let seen = session.snapshot.feed.deals[1]
        var bad = seen
        bad.country = "Korea"
        XCTAssertThrowsError(try session.apply(.replace(old: seen, new: bad))) { error in
            guard case .invalidChange(let issues) = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(issues.map(\.description), [#"deals[1].country: "Korea" is not an ISO 3166-1 alpha-2 code"#])
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.path)), before)
        XCTAssertEqual(session.snapshot.feed.deals[1], seen, "the session keeps what is on disk")
    }

    func testAnEditOfADealChangedOnDiskIsRefusedWithTheOtherVersion() throws {
        let store = try makeStore([deal("kr-a"), deal("kr-b")])
        var session = try StoreSession(store: store)
        let seen = session.snapshot.feed.deals[0]
        // Another writer changes the same deal.
        var theirs = seen
        theirs.title = "Changed elsewhere"
        try store.update { $0.deals[0] = theirs }
        var mine = seen
        mine.title = "Mine"
        XCTAssertThrowsError(try session.apply(.replace(old: seen, new: mine))) { error in
            XCTAssertEqual(error as? StoreSession.Conflict, .changedOnDisk(id: "kr-a", current: theirs))
        }
        XCTAssertEqual(try store.load().feed.deals[0].title, "Changed elsewhere")
    }

    func testChangesToOtherDealsByAnotherWriterAreKept() throws {
        let store = try makeStore([deal("kr-a"), deal("kr-b")])
        var session = try StoreSession(store: store)
        try store.update { $0.deals.append(self.deal("kr-c")) }
        XCTAssertTrue(session.changedOnDisk)
        var mine = session.snapshot.feed.deals[0]
        mine.title = "Mine"
        try session.apply(.replace(old: session.snapshot.feed.deals[0], new: mine))
        XCTAssertEqual(try store.load().feed.deals.map(\.id), ["kr-a", "kr-b", "kr-c"])
        XCTAssertEqual(try store.load().feed.deals[0].title, "Mine")
    }

    func testAddingATakenIdIsRefused() throws {
        let store = try makeStore([deal("kr-a")])
        var session = try StoreSession(store: store)
        XCTAssertThrowsError(try session.apply(.add(deal("kr-a")))) { error in
            XCTAssertEqual(error as? StoreSession.Conflict, .idTaken("kr-a"))
        }
    }

    func testReloadIfChangedSeesAnotherWritersSave() throws {
        let store = try makeStore([deal("kr-a")])
        var session = try StoreSession(store: store)
        XCTAssertFalse(try session.reloadIfChanged())
        try store.update { $0.deals.append(self.deal("kr-b")) }
        XCTAssertTrue(try session.reloadIfChanged())
        XCTAssertEqual(session.snapshot.feed.deals.map(\.id), ["kr-a", "kr-b"])
    }

    func testAnInvalidFileOnDiskIsNotLoadedAndTheSessionKeepsItsFeed() throws {
        let store = try makeStore([deal("kr-a")])
        var session = try StoreSession(store: store)
        try Data("{ \"format\": ".utf8).write(to: URL(fileURLWithPath: store.path))
        XCTAssertThrowsError(try session.reloadIfChanged())
        XCTAssertEqual(session.snapshot.feed.deals.map(\.id), ["kr-a"])
        XCTAssertThrowsError(try session.apply(.add(deal("kr-b"))))
        XCTAssertEqual(try String(contentsOfFile: store.path, encoding: .utf8), "{ \"format\": ")
    }

    func testEachSaveKeepsABoundedNumberOfBackups() throws {
        let store = try makeStore([deal("kr-a")])
        var session = try StoreSession(store: store)
        for i in 0..<5 { try session.apply(.add(deal("kr-n\(i)"))) }
        let fm = FileManager.default
        XCTAssertTrue(fm.fileExists(atPath: store.path + ".bak.1"))
        XCTAssertTrue(fm.fileExists(atPath: store.path + ".bak.3"))
        XCTAssertFalse(fm.fileExists(atPath: store.path + ".bak.4"))
        let newest = try Store.load(path: store.path + ".bak.1").feed.deals.map(\.id)
        XCTAssertEqual(newest, ["kr-a", "kr-n0", "kr-n1", "kr-n2", "kr-n3"])
    }
}
