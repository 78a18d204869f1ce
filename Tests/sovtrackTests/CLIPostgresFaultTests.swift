import DealKit
import Foundation
import TestSupport
import XCTest

/// A writer interrupted mid-transaction on a real server, by `kill -9` and by the server
/// stopping: the store keeps all of the write or none of it (deals and history together),
/// the writer says so in one line, and the same write then lands whole.
///
/// The writer is caught mid-transaction deterministically: a psql session holds the history
/// table in EXCLUSIVE mode, so the import writes its deals, then waits to insert their
/// revisions, with its transaction open.
final class CLIPostgresFaultTests: XCTestCase {
    /// A feed of `count` new deals (ids that the bundled data does not have).
    private func newDeals(_ count: Int) throws -> URL {
        let base = FeedDecoder.decode(CLI.bytes(CLI.fixture)!).feed
        var deals: [Deal] = []
        for i in 0..<count {
            var d = base.deals[i % base.deals.count]
            d.id = "zz-fault-\(String(1000 + i))"
            d.title += " \(i)"
            deals.append(d)
        }
        let feed = Feed(updated: base.updated, deals: deals)
        return try CLI.write(String(decoding: FeedEncoder.encode(feed), as: UTF8.self), as: "new.json")
    }

    /// The store's deals and history as the database holds them, to compare before and after.
    private func contents(_ db: PostgresTestDatabase) throws -> String {
        try db.sql(
            "SELECT count(*) || ' deals, ' || (SELECT count(*) FROM sovtrack_revisions) || ' revisions, generation '"
                + " || (SELECT generation FROM sovtrack_feed) FROM sovtrack_deals")
            + "\n" + db.dump()
    }

    /// Starts `sovtrack import FEED` on the database, as a process of its own.
    private func startImport(_ db: PostgresTestDatabase, _ feed: URL) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = SovtrackProcess.binary
        p.arguments = ["import", feed.path, "--store", db.url]
        p.environment = SovtrackProcess.environment(db.env)
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return (p, err)
    }

    /// Waits until the import is mid-transaction: its deals written (it holds the deals table
    /// for writing) and it waits on the lock of the history table.
    private func waitMidTransaction(_ db: PostgresTestDatabase) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let waiting = try db.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            let writing = try db.sql(
                """
                SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                WHERE c.relname = 'sovtrack_deals' AND l.mode = 'RowExclusiveLock' AND l.granted
                """)
            if waiting == "1" && writing != "0" { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the import never reached the history table's lock")
    }

    /// How many new deals the import brings: the lock, not their number, holds the transaction
    /// open, so a few are enough (300 took a second more per test in a debug build).
    private static let imported = 30

    /// An import of `imported` new deals into the bundled data, caught mid-transaction; with the
    /// store as it was before it.
    private func importCaughtMidTransaction(_ db: PostgresTestDatabase) throws -> (
        before: String, feed: URL, lock: TableLock, writer: Process, stderr: Pipe
    ) {
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        let before = try contents(db)
        let feed = try newDeals(Self.imported)
        let lock = try TableLock(db, table: "sovtrack_revisions")
        let (writer, stderr) = try startImport(db, feed)
        try waitMidTransaction(db)
        return (before, feed, lock, writer, stderr)
    }

    /// The store is as it was, and the import run again lands whole, deals with their history.
    private func assertNothingKeptThenImportLandsWhole(
        _ db: PostgresTestDatabase, before: String, feed: URL, line: UInt = #line
    ) throws {
        XCTAssertEqual(try contents(db), before, "none of the new deals, none of their history", line: line)
        XCTAssertEqual(try db.run("validate").status, 0, line: line)
        let again = try db.run("import", feed.path)
        XCTAssertEqual(again.status, 0, again.stderr, line: line)
        XCTAssertEqual(
            try db.sql("SELECT count(*) FROM sovtrack_deals WHERE id LIKE 'zz-fault-%'"), "\(Self.imported)", line: line
        )
        XCTAssertEqual(
            try db.sql("SELECT count(*) FROM sovtrack_revisions WHERE deal_id LIKE 'zz-fault-%'"), "\(Self.imported)",
            line: line)
    }

    func testAWriterKilledMidTransactionLeavesTheStoreAsItWas() throws {
        let db = try PostgresTestDatabase.make(self)
        let (before, feed, lock, writer, _) = try importCaughtMidTransaction(db)
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        XCTAssertEqual(writer.terminationReason, .uncaughtSignal)
        lock.release()
        // The server rolls the dead client's transaction back once it sees its socket closed.
        let deadline = Date().addingTimeInterval(30)
        while try db.sql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
            != "0" && Date() < deadline
        {
            Thread.sleep(forTimeInterval: 0.05)
        }
        // Nothing is left locked either: the import run again goes through.
        try assertNothingKeptThenImportLandsWhole(db, before: before, feed: feed)
    }

    func testAServerStoppedUnderAWriterLeavesTheStoreAsItWasAndTheWriterSaysSo() throws {
        let db = try PostgresTestDatabase.make(self)
        let (before, feed, lock, writer, err) = try importCaughtMidTransaction(db)
        defer { try? PostgresCluster.up() }
        try PostgresCluster.down()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        writer.waitUntilExit()
        lock.release()
        XCTAssertEqual(writer.terminationStatus, 74, stderr)
        XCTAssertEqual(
            stderr,
            "sovtrack: \(db.displayURL): the connection to the server was lost (terminating connection due to administrator command); nothing half-written was kept\n"
        )
        try PostgresCluster.up()
        try assertNothingKeptThenImportLandsWhole(db, before: before, feed: feed)
    }
}

/// A psql session holding a table in EXCLUSIVE mode, in a transaction left open until
/// `release()`: others may read the table, and a writer's INSERT into it waits.
final class TableLock {
    private let process = Process()
    private let input = Pipe()

    init(_ db: PostgresTestDatabase, table: String) throws {
        // psql may be gone (the server stopped under it) when the transaction is ended: a write
        // to its closed input must fail, not kill the test run.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: Psql.executable)
        process.arguments = ["-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-d", db.url]
        process.environment = db.env.merging(["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]) { a, _ in a }
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(
            Data("BEGIN;\nLOCK TABLE \(table) IN EXCLUSIVE MODE;\nSELECT 'locked';\n".utf8))
        var said = ""
        while !said.contains("locked") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { throw PostgresCluster.Failure(description: "psql could not lock \(table): \(said)") }
            said += String(decoding: data, as: UTF8.self)
        }
    }

    /// Ends the transaction (if the session is still there) and the session.
    func release() {
        if process.isRunning {
            try? input.fileHandleForWriting.write(contentsOf: Data("COMMIT;\n".utf8))
            try? input.fileHandleForWriting.close()
        }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { process.terminate() } }
}
