import Foundation
import TestSupport
import XCTest

/// The test cluster's scratch databases: a session another role left open on a finished
/// database must not fail the next test's database (it did, at random, in the suite).
final class ScratchDatabasesTests: XCTestCase {
    func testAnotherRolesSessionOnAFinishedDatabaseFailsNeitherTheOtherDropsNorTheNextTake() throws {
        let db = try ScratchDatabase.make(self)  // skips without a cluster, as every database test
        let env = ProcessInfo.processInfo.environment
        let base = try XCTUnwrap(env["SOVTRACK_TEST_PG_URL"])
        let password = try XCTUnwrap(env["PGPASSWORD"])
        let reader = try XCTUnwrap(env["SOVTRACK_TEST_PG_RO_URL"])
        let name = try ScratchDatabases.take(admin: base, password: password, prefix: "sovtrack_s_")

        // The read-only role sits on the database; its owner may not end that session.
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: Psql.executable)
        sleeper.arguments = [
            "-X", "-qAt", "-d", reader.replacingOccurrences(of: "/sovtrack_test?", with: "/\(name)?"),
            "-c", "SELECT pg_sleep(30)",
        ]
        sleeper.environment = ["PGPASSWORD": password, "PATH": "/usr/bin:/bin"]
        sleeper.standardOutput = FileHandle.nullDevice
        sleeper.standardError = FileHandle.nullDevice
        try sleeper.run()
        defer {
            sleeper.terminate()
            sleeper.waitUntilExit()
            // Its server session would sleep on past psql (and past the exit's drops, which
            // then left the database behind): the role ends its own session.
            _ = try? Psql.run(
                reader, password: password,
                ["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'"])
        }
        let deadline = Date().addingTimeInterval(10)
        while try db.psql("SELECT count(*) FROM pg_stat_activity WHERE datname = '\(name)'") == "0" {
            guard Date() < deadline else { return XCTFail("the reader's session never started") }
            Thread.sleep(forTimeInterval: 0.02)
        }

        // Dropping the finished databases: the one with the reader's session stays, the other goes,
        // and the next database is still had.
        let other = try ScratchDatabases.take(admin: base, password: password, prefix: "sovtrack_s_")
        ScratchDatabases.finished(name)
        ScratchDatabases.finished(other)
        ScratchDatabases.dropFinished(admin: base, password: password)
        XCTAssertEqual(try db.psql("SELECT count(*) FROM pg_database WHERE datname = '\(other)'"), "0")
        ScratchDatabases.finished(try ScratchDatabases.take(admin: base, password: password, prefix: "sovtrack_s_"))
    }
}
