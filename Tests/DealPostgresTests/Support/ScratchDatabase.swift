import Foundation
import TestSupport
import XCTest

/// A fresh database on the test cluster for one test of the store itself; skipped without a
/// cluster (failed under CI), as sovtrackTests' `PostgresTestDatabase` is, which says how to
/// start one.
struct ScratchDatabase {
    let url: String
    let environment: [String: String]

    static func make(_ test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws -> ScratchDatabase {
        let env = ProcessInfo.processInfo.environment
        guard let base = env["SOVTRACK_TEST_PG_URL"], let password = env["PGPASSWORD"] else {
            if env["CI"] == "true" {
                XCTFail("CI=true but no PostgreSQL test cluster (SOVTRACK_TEST_PG_URL unset)", file: file, line: line)
            }
            throw XCTSkip(
                "PostgreSQL tests need a server: eval \"$(scripts/pg-test-cluster.sh start)\" then swift test --filter Postgres"
            )
        }
        let name = try ScratchDatabases.take(admin: base, password: password, prefix: "sovtrack_s_")
        test.addTeardownBlock { ScratchDatabases.finished(name) }
        return ScratchDatabase(
            url: base.replacingOccurrences(of: "/sovtrack_test?", with: "/\(name)?"),
            environment: ["PGPASSWORD": password])
    }

    /// Runs SQL with psql as the owner; returns what it printed.
    @discardableResult
    func psql(_ sql: String) throws -> String {
        try Psql.run(url, password: environment["PGPASSWORD"] ?? "", [sql])
    }
}
