import Foundation
import TestSupport
import XCTest

/// A fresh database on the test cluster for one test (`scripts/pg-test-cluster.sh` starts the
/// cluster and exports `SOVTRACK_TEST_PG_URL` and `PGPASSWORD`; `.ci/run` does both).
///
/// Without a cluster the test is skipped, with one line saying how to run it; under CI
/// (`CI=true`) it fails instead, so that the database tests can never silently not run.
struct PostgresTestDatabase {
    /// The database's URL (no password: it comes from `PGPASSWORD`, as users' does).
    let url: String
    /// The same database for the role that may only SELECT.
    let readOnlyURL: String
    let name: String
    /// How sovtrack names the store in its messages.
    var displayURL: String {
        url.replacingOccurrences(of: "?sslmode=disable", with: "").replacingOccurrences(
            of: "postgresql://sovtrack@", with: "postgresql://sovtrack@")
    }
    /// What the sovtrack processes and psql need: the password, and nothing of the caller's.
    let env: [String: String]

    static let howToRun =
        "PostgreSQL tests need a server: eval \"$(scripts/pg-test-cluster.sh start)\" then swift test --filter Postgres (stop: scripts/pg-test-cluster.sh stop)"

    /// A new empty database, dropped after the test (`ScratchDatabases`).
    static func make(_ test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws
        -> PostgresTestDatabase
    {
        let env = ProcessInfo.processInfo.environment
        guard let base = env["SOVTRACK_TEST_PG_URL"], let ro = env["SOVTRACK_TEST_PG_RO_URL"],
            let password = env["PGPASSWORD"]
        else {
            if env["CI"] == "true" {
                XCTFail(
                    "CI=true but no PostgreSQL test cluster (SOVTRACK_TEST_PG_URL unset): .ci/run must start one",
                    file: file, line: line)
                throw XCTSkip("failed above")
            }
            throw XCTSkip(howToRun)
        }
        let name = try ScratchDatabases.take(admin: base, password: password, prefix: "sovtrack_t_")
        test.addTeardownBlock { ScratchDatabases.finished(name) }
        let db = PostgresTestDatabase(
            url: base.replacingOccurrences(of: "/sovtrack_test?", with: "/\(name)?"),
            readOnlyURL: ro.replacingOccurrences(of: "/sovtrack_test?", with: "/\(name)?"),
            name: name, env: ["PGPASSWORD": password])
        return db
    }

    /// Runs SQL as the owner; returns what psql printed (unaligned, tuples only).
    @discardableResult
    func sql(_ statements: String) throws -> String { try psql(url, statements) }

    /// Lets the read-only role read the tables (as a team's admin does, docs/postgres.md).
    func grantReader() throws {
        try sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO sovtrack_ro")
    }

    @discardableResult
    func psql(_ url: String, _ statements: String) throws -> String {
        try Psql.run(url, password: env["PGPASSWORD"] ?? "", [statements])
    }

    /// Runs sovtrack on this database (`--store` added), with the password in the environment,
    /// in this process as `CLI.run` does (a connection, not a process, per command).
    @discardableResult
    func run(_ args: String..., env extra: [String: String] = [:]) throws -> SovtrackProcess.Result {
        try run(args, env: extra)
    }

    @discardableResult
    func run(_ args: [String], env extra: [String: String] = [:]) throws -> SovtrackProcess.Result {
        try CLI.run(args + ["--store", url], env: env.merging(extra) { _, b in b })
    }

    /// The whole store as a feed file (`sovtrack db dump`).
    func dump() throws -> String {
        let r = try run("db", "dump")
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout
    }
}
