import DealKit
import Foundation
import TestSupport
import XCTest

@testable import DealPostgres

/// The watch on other writers' saves: heard by LISTEN/NOTIFY, not by asking the table; a
/// server restart named while it lasts, then listened to again.
final class PostgresWatchTests: XCTestCase {
    private func deal(_ id: String, _ title: String = "T") -> Deal {
        Deal(id: id, title: title, country: "KR", announced: PartialDate("2026")!)
    }

    private func store(_ db: ScratchDatabase) throws -> PostgresStore {
        var s = try PostgresStore(
            url: db.url, environment: db.environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
        s.today = { PartialDate("2026-06-01")! }
        return s
    }

    /// Polls `probe` until `done` holds of what it says, failing after `timeout` seconds.
    @discardableResult
    private func eventually<T>(
        _ what: String, timeout: Double = 15, line: UInt = #line, _ probe: () -> T, _ done: (T) -> Bool
    ) -> T {
        let deadline = Date().addingTimeInterval(timeout)
        var last = probe()
        while !done(last) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            last = probe()
        }
        XCTAssertTrue(done(last), "\(what): still \(last) after \(timeout) s", line: line)
        return last
    }

    func testASaveIsHeardByNotifyWithoutReadingTheTable() throws {
        let db = try ScratchDatabase.make(self)
        let s = try store(db)
        try s.update(createIfMissing: true) { $0.deals = [deal("a")] }
        let seen = try s.load()
        let watch = PostgresWatch(s.settings)
        eventually("listening", { watch.state }) { $0 == .listening(generation: seen.generation!) }
        // A NOTIFY alone, with no save: the table still holds the old generation, yet it is heard.
        try db.psql("NOTIFY sovtrack, '99'")
        eventually("the NOTIFY heard", { watch.state }) { $0 == .listening(generation: 99) }
        XCTAssertEqual(try db.psql("SELECT generation FROM sovtrack_feed"), "\(seen.generation!)")

        // Through the store: another writer's save makes the session's snapshot out of date.
        XCTAssertEqual(s.watch(since: seen), .unchanged, "starting, or listening: nothing saved yet")
        try store(db).update(deal: "a") { $0!.title = "theirs" }
        eventually("the save heard", { s.watch(since: seen) }) { $0 == .changed }
        XCTAssertEqual(s.watch(since: try s.load()), .unchanged)
    }

    func testOnAStandbyTheWatchAsksForTheGenerationInstead() throws {
        let db = try ScratchDatabase.make(self)
        let s = try store(db)
        try s.update(createIfMissing: true) { $0.deals = [deal("a")] }
        let seen = try s.load()
        // The test cluster is a primary: `poll: true` takes a standby's way.
        let listening = PostgresWatch(s.settings, poll: false)
        let asking = PostgresWatch(s.settings, retry: .milliseconds(100), poll: true)
        eventually("listening", { listening.state }) { $0 == .listening(generation: seen.generation!) }
        eventually("asking", { asking.state }) { $0 == .listening(generation: seen.generation!) }
        // The generation moved with no NOTIFY, as a standby sees a save replayed: only asking sees it.
        try db.psql("UPDATE sovtrack_feed SET generation = 77")
        eventually("the new generation asked for", { asking.state }) { $0 == .listening(generation: 77) }
        XCTAssertEqual(listening.state, .listening(generation: seen.generation!), "a listener asks nothing")
    }

    func testAServerRestartIsNamedWhileDownAndListenedToAgainOnceUp() throws {
        let db = try ScratchDatabase.make(self)
        let s = try store(db)
        try s.update(createIfMissing: true) { $0.deals = [deal("a")] }
        let seen = try s.load()
        // Listening: a save by another writer is heard.
        _ = s.watch(since: seen)
        let other = try store(db)
        try other.update(deal: "a") { $0!.title = "before the restart" }
        eventually("the first save heard", { s.watch(since: seen) }) { $0 == .changed }
        let now = try s.load()

        defer { try? PostgresCluster.up() }
        try PostgresCluster.down()
        let lost = eventually("the restart named", { s.watch(since: now) }) {
            if case .lost = $0 { true } else { false }
        }
        if case .lost(let why) = lost {
            XCTAssertFalse(why.contains("\n"), why)
            XCTAssertTrue(
                why.hasPrefix("the server closed the connection") || why.hasPrefix("cannot reach the server"), why)
        }
        // While down, a use says why in one line at once, never waiting for the dead connection.
        XCTAssertThrowsError(try TimeLimit.run(15, "a load with the server down") { try s.load() }) { error in
            guard case .database(_, let problem, _)? = error as? StoreError else {
                return XCTFail("not a database error: \(error)")
            }
            XCTAssertEqual(problem, .unreachable, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("\(s.path): cannot reach the server: connection refused at 127.0.0.1"))
        }

        try PostgresCluster.up()
        eventually("listening again", { s.watch(since: now) }) { $0 == .unchanged }
        XCTAssertEqual(
            try TimeLimit.run(15, "a load once back") { try s.load() }.feed.deals[0].title, "before the restart")
        try other.update(deal: "a") { $0!.title = "after the restart" }
        eventually("a save after the restart heard", { s.watch(since: now) }) { $0 == .changed }
        try TimeLimit.run(15, "a write once back") { try s.update(deal: "a") { $0!.title = "mine" } }
        XCTAssertEqual(try other.load().feed.deals[0].title, "mine")
    }
}
