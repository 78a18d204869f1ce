import DealKit
import XCTest

@testable import DealPostgres

final class PostgresSettingsTests: XCTestCase {
    func testAURLNamesEverything() throws {
        let s = try PostgresSettings(
            url: "postgresql://ana:p%40ss@db.example:6543/deals?sslmode=require", environment: [:])
        XCTAssertEqual(s.host, "db.example")
        XCTAssertEqual(s.port, 6543)
        XCTAssertEqual(s.user, "ana")
        XCTAssertEqual(s.password, "p@ss")
        XCTAssertEqual(s.database, "deals")
        XCTAssertEqual(s.sslmode, .require)
        XCTAssertEqual(s.display, "postgresql://ana@db.example:6543/deals", "never the password")
    }

    func testWhatTheURLLeavesOutComesFromTheEnvironmentAsForPsql() throws {
        let env = [
            "PGHOST": "h", "PGPORT": "5433", "PGUSER": "u", "PGDATABASE": "d", "PGPASSWORD": "pw",
            "PGSSLMODE": "disable",
        ]
        let s = try PostgresSettings(url: "postgres://", environment: env)
        XCTAssertEqual(
            [s.host, String(s.port), s.user, s.database, s.password ?? "", s.sslmode.rawValue],
            ["h", "5433", "u", "d", "pw", "disable"])
        let plain = try PostgresSettings(
            url: "postgresql://localhost/x", environment: ["USER": "me", "HOME": "/nonexistent"])
        XCTAssertEqual(plain.user, "me")
        XCTAssertEqual(plain.port, 5432)
        XCTAssertEqual(plain.sslmode, .prefer)
        XCTAssertNil(plain.password)
    }

    func testAUnixSocketDirectoryAsHost() throws {
        let s = try PostgresSettings(
            url: "postgresql:///deals?host=/var/run/postgresql", environment: ["USER": "me", "HOME": "/nonexistent"])
        XCTAssertEqual(s.socketPath, "/var/run/postgresql/.s.PGSQL.5432")
        XCTAssertEqual(s.display, "postgresql://me@:5432/deals?host=/var/run/postgresql")
    }

    func testBadURLsAreRefusedWithoutThePassword() {
        for (url, expected) in [
            ("postgresql://a:secret@h:99999/d", "port \"99999\""),
            (
                "postgresql://a:secret@h/d?sslmode=maybe",
                "sslmode \"maybe\" is not one of disable, allow, prefer, require, verify-ca, verify-full"
            ),
        ] {
            XCTAssertThrowsError(try PostgresSettings(url: url, environment: [:])) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(expected), text)
                XCTAssertFalse(text.contains("secret"), text)
                XCTAssertTrue(text.contains("postgresql://a:***@h"), text)
            }
        }
    }

    func testPgpassLinesMatchWithWildcardsAndEscapes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("pgpass")
        try Data("# comment\nother:*:*:*:no\ndb.example:5432:deals:ana:a\\:b\\\\c\n*:*:*:ana:fallback\n".utf8).write(
            to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        XCTAssertEqual(
            PgPass.password(in: file.path, host: "db.example", port: 5432, database: "deals", user: "ana"), "a:b\\c")
        XCTAssertEqual(
            PgPass.password(in: file.path, host: "elsewhere", port: 1, database: "x", user: "ana"), "fallback")
        XCTAssertNil(PgPass.password(in: file.path, host: "elsewhere", port: 1, database: "x", user: "bob"))
        let s = try PostgresSettings(url: "postgresql://ana@db.example/deals", environment: ["PGPASSFILE": file.path])
        XCTAssertEqual(s.password, "a:b\\c")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        XCTAssertNil(
            PgPass.password(in: file.path, host: "db.example", port: 5432, database: "deals", user: "ana"),
            "readable by others: ignored")
    }

    func testAStoreLocationIsADatabaseOnlyByItsScheme() {
        XCTAssertTrue(StoreLocation.isDatabase("postgresql://h/d"))
        XCTAssertTrue(StoreLocation.isDatabase("postgres://h/d"))
        XCTAssertFalse(StoreLocation.isDatabase("deals.json"))
        XCTAssertFalse(StoreLocation.isDatabase("./postgresql://x"))
    }
}
