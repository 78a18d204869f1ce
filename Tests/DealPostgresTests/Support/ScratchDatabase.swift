import Foundation
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
        let name = "sovtrack_s_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let db = ScratchDatabase(
            url: base.replacingOccurrences(of: "/sovtrack_test?", with: "/\(name)?"),
            environment: ["PGPASSWORD": password])
        try db.psql("CREATE DATABASE \(name)", at: base)
        test.addTeardownBlock { _ = try? db.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: base) }
        return db
    }

    /// Runs SQL with psql as the owner; returns what it printed.
    @discardableResult
    func psql(_ sql: String, at url: String? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        p.arguments = ["-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-d", url ?? self.url, "-c", sql]
        p.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a }
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw NSError(domain: "psql", code: Int(p.terminationStatus)) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
