import DealKit
import Foundation
import TestSupport
import XCTest

/// Every command on a PostgreSQL store, against a real server (see `PostgresTestDatabase`):
/// the same output as on a file store, round trips byte for byte, and faults named in one line.
/// The commands run in this process (`CLI.run`), each with its own connection; the parallel
/// writers are processes, since what they test is writers that share nothing but the server.
final class CLIPostgresTests: XCTestCase {
    // MARK: Round trips

    func testBundledDataRoundTripsByteForByte() throws {
        let db = try PostgresTestDatabase.make(self)
        let load = try db.run("db", "load", CLI.fixture.path)
        XCTAssertEqual(load.status, 0, load.stderr)
        XCTAssertEqual(load.stdout, "loaded 5 deals into \(db.displayURL)\n")
        XCTAssertEqual(try db.dump(), CLI.text(CLI.fixture))
        let file = try CLI.run("list", "--format", "json", "--store", CLI.fixture.path)
        XCTAssertEqual(try db.run("list", "--format", "json").stdout, file.stdout)
    }

    /// Epoch's data, as the bundled snapshot's excerpt (80 deals of its 700, the same columns;
    /// the snapshot itself is imported by EpochImportCLITests and CLIFeedVersionTests).
    private static var epochExcerpt: String { PackageRoot.fixture("epoch-excerpt.csv").path }

    /// The bundled data with the Epoch excerpt imported into it, in a file store, and what the
    /// import printed: made once for the class.
    private static let epochImport: Result<(store: URL, output: SovtrackProcess.Result), Error> = Result {
        let store = try CLI.copy(CLI.fixture)
        return (store, try CLI.run("import", "--from", "epoch", epochExcerpt, "--store", store.path))
    }

    /// A copy of the file store the Epoch import made, and what the import printed.
    private func fileStoreWithEpoch() throws -> (store: URL, output: SovtrackProcess.Result) {
        let made = try Self.epochImport.get()
        XCTAssertEqual(made.output.status, 0, made.output.stderr)
        return (try CLI.copy(made.store), made.output)
    }

    func testTheEpochImportRoundTripsWithItsHistory() throws {
        let store = try fileStoreWithEpoch().store
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", store.path).status, 0)
        let dumped = try db.dump()
        XCTAssertEqual(dumped, CLI.text(store), "deals, history and every key come back as they were")
        XCTAssertGreaterThan(
            FeedDecoder.decode(Array(dumped.utf8)).feed.deals.count, 30, "the excerpt's deals beside the bundled five")
    }

    func testImportingIntoTheDatabaseGivesWhatImportingIntoAFileGives() throws {
        let (store, fileImport) = try fileStoreWithEpoch()
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        let dbImport = try db.run("import", "--from", "epoch", Self.epochExcerpt)
        XCTAssertEqual(dbImport.status, fileImport.status, dbImport.stderr)
        XCTAssertEqual(Self.withoutTimings(dbImport.stdout), Self.withoutTimings(fileImport.stdout))
        XCTAssertEqual(
            try db.run("list", "--format", "json").stdout,
            try CLI.run("list", "--format", "json", "--store", store.path).stdout)
        // The summary of Epoch's deals (totalled by the server) with its credit line, as on the file.
        for format in ["table", "csv", "json"] {
            XCTAssertEqual(
                try db.run("summary", "--format", format).stdout,
                try CLI.run("summary", "--format", format, "--store", store.path).stdout, format)
        }
        // One revision per deal imported, in the database as in the file.
        let fileHistory = try History(of: FeedDecoder.decode(CLI.bytes(store)!).feed).revisions
        let dbHistory = try History(of: FeedDecoder.decode(Array(try db.dump().utf8)).feed).revisions
        XCTAssertEqual(dbHistory.map(\.id), fileHistory.map(\.id))
        XCTAssertEqual(dbHistory.map(\.changes), fileHistory.map(\.changes))
    }

    /// The whole suite loads 2,100 deals, over one batch of the load's (`DealRows.batch`, 2,000
    /// rows a statement); `swift test` 150, as PostgresStoreTests cross a batch set to 7 rows.
    func testAGeneratedFeedOfThousandsRoundTrips() throws {
        let base = FeedDecoder.decode(CLI.bytes(CLI.fixture)!).feed
        var deals: [Deal] = []
        let count = TestScale.count(quick: 150, full: 2_100)
        if !TestScale.isFull {
            print("generated feed: \(count) of 2,100 deals; \(TestScale.variable)=1 (scripts/full-tests.sh) loads all")
        }
        for i in 0..<count {
            var d = base.deals[i % base.deals.count]
            d.id = "\(d.id)-\(String(i + 100_000))"
            d.title += " \(i)"
            // Some operational (the bundled deals are all announced), for the status filter below.
            if i % 4 == 1 { d.status = .operational }
            if var c = d.capacity {
                // Spread over 0-700 MW whatever the count, so that --min-mw 600 picks some.
                c.targetMW = Double(i * 37 % 700) + 0.5
                d.capacity = c
            }
            deals.append(d)
        }
        deals.sort { $0.id < $1.id }
        let feed = Feed(updated: base.updated, deals: deals, extra: [JSONField("x-desk", .string("generated"))])
        let file = try CLI.write(String(decoding: FeedEncoder.encode(feed), as: UTF8.self), as: "big.json")
        let db = try PostgresTestDatabase.make(self)
        let load = try db.run("db", "load", file.path)
        XCTAssertEqual(load.status, 0, load.stderr)
        XCTAssertEqual(try db.dump(), CLI.text(file))
        XCTAssertEqual(try db.sql("SELECT count(*) FROM sovtrack_deals"), "\(count)")
        // The server filters by its indexed columns; the rest of the filter runs in sovtrack.
        for args in [
            ["--country", "KR", "--format", "csv"], ["--min-mw", "600", "--format", "csv"],
            ["--status", "operational", "--since", "2025"],
        ] {
            let fromDB = try db.run(["list"] + args)
            XCTAssertEqual(fromDB.stdout, try CLI.run(["list"] + args + ["--store", file.path]).stdout, "\(args)")
            XCTAssertEqual(fromDB.status, 0)
            XCTAssertGreaterThan(CLI.lines(fromDB.stdout).count, 2, "\(args) picks deals")
        }
    }

    // MARK: Every command, the same on both stores

    func testEveryCommandDoesOnTheDatabaseWhatItDoesOnAFile() throws {
        let store = try CLI.copy(CLI.fixture)
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        let ids = FeedDecoder.decode(CLI.bytes(CLI.fixture)!).feed.deals.map(\.id)
        let steps: [[String]] = [
            [
                "add", "--id", "kr-test-one", "--title", "Test one", "--country", "KR", "--announced", "2026-05",
                "--initial-mw", "10", "--source", "https://x.test/1", "--vendor", "NVIDIA",
            ],
            ["add", "--id", "kr-test-one", "--title", "Again", "--country", "KR", "--announced", "2026"],
            ["edit", ids[1], "--target-mw", "777", "--note", "checked"],
            ["edit", ids[1], "--target-mw", "777"],
            ["edit", "no-such-deal", "--title", "x"],
            ["remove", ids[0]],
            ["remove", ids[0]],
            ["list"], ["list", "--country", "KR", "--format", "csv"], ["list", "--format", "json"],
            ["list", "--vendor", "NVIDIA", "--format", "md"],
            // Totalled by the server (by country, filters on indexed columns), else here: the same bytes.
            ["summary"], ["summary", "--format", "csv"], ["summary", "--country", "KR"],
            ["summary", "--format", "json", "--status", "operational", "--status", "announced"],
            ["summary", "--by", "vendor", "--format", "md"], ["summary", "--vendor", "NVIDIA", "--format", "csv"],
            // One deal read by its key on the database (with its own revisions): the file's bytes.
            ["show", "kr-test-one"], ["show", ids[1]], ["show", ids[1], "--json"], ["show", ids[1], "--md"],
            ["show", ids[0]], ["show", "no-such-dael"], ["show", ids[1], "--as-of", "2020"],
            ["validate"],
            ["log", "--format", "json"], ["log"],
        ]
        let env = ["SOVTRACK_AUTHOR": "desk"]
        for step in steps {
            if step[0] == "log" {
                // The log is newest first. The two stores ran each step at their own instant,
                // maybe in different seconds: every revision is set to one second in both, so
                // that the order is the tie rule's alone (the later one saved first), and must
                // be the file store's, entry for entry.
                let time = #""at": "2026-06-01T10:00:00Z""#
                _ = try db.sql(
                    #"UPDATE sovtrack_revisions SET doc = regexp_replace(doc, '"at": "[^"]*"', '\#(time)')"#)
                try XCTUnwrap(CLI.text(store))
                    .replacingOccurrences(of: #""at": "[^"]*""#, with: time, options: .regularExpression)
                    .write(to: store, atomically: true, encoding: .utf8)
            }
            let onFile = try CLI.run(step + ["--store", store.path], env: env)
            let onDB = try CLI.run(step + ["--store", db.url], env: db.env.merging(env) { _, b in b })
            XCTAssertEqual(onDB.status, onFile.status, "\(step): \(onDB.stderr)")
            XCTAssertEqual(
                Self.sameClock(onDB.stdout.replacingOccurrences(of: db.displayURL, with: "STORE")),
                Self.sameClock(onFile.stdout.replacingOccurrences(of: store.path, with: "STORE")), "\(step)")
            XCTAssertEqual(
                onDB.stderr.replacingOccurrences(of: db.displayURL, with: "STORE"),
                onFile.stderr.replacingOccurrences(of: store.path, with: "STORE"), "\(step)")
        }
        XCTAssertEqual(
            try db.sql("SELECT count(*) FROM sovtrack_revisions"), "3", "add, edit, remove: one revision each")
        XCTAssertEqual(
            try db.sql("SELECT version FROM sovtrack_deals WHERE id = '\(ids[1])'"), "2",
            "the edited deal's version moved up once")
    }

    func testTheDatabaseStoreIsNamedBySOVTRACKSTORE() throws {
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        let r = try CLI.run(
            ["list", "--format", "csv"], env: db.env.merging(["SOVTRACK_STORE": db.url]) { _, b in b })
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, try CLI.run("list", "--format", "csv", "--store", CLI.fixture.path).stdout)
    }

    func testDbInitMakesAnEmptyStoreOnceAndAStoreIsMadeOnFirstAdd() throws {
        let db = try PostgresTestDatabase.make(self)
        let missing = try db.run("list")
        CLI.assertUserError(missing, code: 66, ["no sovtrack store in this database", "sovtrack db init"])
        // An edit asks for the store's tables without asking first whether they exist: told the same.
        CLI.assertUserError(
            try db.run("edit", "kr-first", "--title", "T"), code: 66, ["no sovtrack store in this database"])
        XCTAssertEqual(try db.sql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'sovtrack%'"), "0")
        XCTAssertEqual(try db.run("db", "init").stdout, "created an empty store in \(db.displayURL)\n")
        XCTAssertEqual(try db.run("db", "init").stdout, "\(db.displayURL): the store is ready\n")
        XCTAssertEqual(try db.sql("SELECT max(version) FROM sovtrack_schema"), "3")
        XCTAssertEqual(try db.run("list", "--format", "csv").status, 0)

        let fresh = try PostgresTestDatabase.make(self)
        let add = try fresh.run("add", "--id", "kr-first", "--title", "First", "--country", "KR", "--announced", "2026")
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertEqual(try fresh.sql("SELECT id FROM sovtrack_deals"), "kr-first")
    }

    // MARK: Bad input

    func testEveryBrokenFeedIsRefusedAsByTheFileStoreAndTheDatabaseIsUnchanged() throws {
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        var before = try db.dump()
        let store = try CLI.copy(CLI.fixture)
        let bad = try FileManager.default.contentsOfDirectory(atPath: CLI.bad("").path).sorted()
        XCTAssertGreaterThan(bad.count, 15)
        for name in bad {
            let path = CLI.bad(name).path
            let onFile = try CLI.run("import", path, "--store", store.path)
            let onDB = try db.run("import", path)
            XCTAssertEqual(onDB.status, onFile.status, "\(name): \(onDB.stderr)")
            XCTAssertEqual(
                onDB.stderr.replacingOccurrences(of: db.displayURL, with: "STORE"),
                onFile.stderr.replacingOccurrences(of: store.path, with: "STORE"), name)
            CLI.assertNoCrash(onDB)
            if onFile.status != 0 {
                let load = try db.run("db", "load", path)
                XCTAssertNotEqual(load.status, 0, "\(name) loaded")
                CLI.assertNoCrash(load)
                // One dump for both: a write by either, of part or all of a broken feed, differs.
                XCTAssertEqual(try db.dump(), before, "\(name): nothing refused was imported or loaded")
            } else {
                before = try db.dump()
            }
        }
        // What was accepted (warnings only) was accepted on both.
        XCTAssertEqual(
            try db.run("list", "--format", "json").stdout,
            try CLI.run("list", "--format", "json", "--store", store.path).stdout)
    }

    // MARK: Faults and roles

    func testLoginProblemsAreOneLineWithDistinctCodesAndNeverThePassword() throws {
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "init").status, 0)
        let secret = "Sup3rSecretPw"
        let wrong = try CLI.run(["list", "--store", db.url], env: ["PGPASSWORD": secret])
        CLI.assertUserError(wrong, code: 77, ["the server refused the login", "password authentication failed"])
        XCTAssertFalse(wrong.stderr.contains(secret))
        let inURL = db.url.replacingOccurrences(of: "://sovtrack@", with: "://sovtrack:\(secret)@")
        let wrongInURL = try CLI.run(["list", "--store", inURL])
        CLI.assertUserError(wrongInURL, code: 77, ["postgresql://sovtrack@"])
        XCTAssertFalse(wrongInURL.stderr.contains(secret))

        let noDB = try CLI.run(
            ["list", "--store", db.url.replacingOccurrences(of: "/\(db.name)?", with: "/no_such_db?")], env: db.env)
        CLI.assertUserError(noDB, code: 66, ["no such database", "no_such_db"])

        let port = try Self.closedPort()
        let unreachable = try CLI.run([
            "list", "--store", "postgresql://sovtrack:\(secret)@127.0.0.1:\(port)/x",
        ])
        CLI.assertUserError(
            unreachable, code: 68, ["cannot reach the server", "postgresql://sovtrack@127.0.0.1:\(port)/x"])
        XCTAssertFalse(unreachable.stderr.contains(secret))
    }

    func testThePasswordComesFromPgpass() throws {
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        let home = try TemporaryDirectory.make()
        let pgpass = home.appendingPathComponent(".pgpass")
        try Data(
            "# team\n127.0.0.1:*:*:sovtrack:\(db.env["PGPASSWORD"]!.replacingOccurrences(of: ":", with: "\\:"))\n".utf8
        ).write(to: pgpass)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: pgpass.path)
        let r = try CLI.run(["list", "--format", "csv", "--store", db.url], env: ["HOME": home.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        // A password file others may read is ignored, as libpq ignores it.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: pgpass.path)
        CLI.assertUserError(
            try CLI.run(["list", "--store", db.url], env: ["HOME": home.path]), code: 77, [])
    }

    func testARoleThatMayOnlySelectCanListButAnEditIsRefused() throws {
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        try db.grantReader()
        let before = try db.dump()
        let list = try CLI.run(["list", "--format", "csv", "--store", db.readOnlyURL], env: db.env)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout, try CLI.run("list", "--format", "csv", "--store", CLI.fixture.path).stdout)
        let id = FeedDecoder.decode(CLI.bytes(CLI.fixture)!).feed.deals[0].id
        let edit = try CLI.run(["edit", id, "--title", "Nope", "--store", db.readOnlyURL], env: db.env)
        CLI.assertUserError(edit, code: 73, ["permission denied", "the store is unchanged"])
        XCTAssertEqual(try db.dump(), before)
    }

    func testASchemaNewerThanThisBinaryIsRefusedAndLeftAlone() throws {
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        try db.sql("UPDATE sovtrack_schema SET version = 99")
        CLI.assertUserError(try db.run("list"), code: 65, ["schema version 99, newer than this sovtrack knows (3)"])
        let id = FeedDecoder.decode(CLI.bytes(CLI.fixture)!).feed.deals[0].id
        CLI.assertUserError(try db.run("edit", id, "--title", "Nope"), code: 65, ["newer than this sovtrack knows"])
        XCTAssertEqual(try db.sql("SELECT max(version) FROM sovtrack_schema"), "99")
    }

    // Many writers at once: PostgresLoadTests.

    // MARK: Helpers

    /// Import reports say how long they took; that differs from run to run.
    static func withoutTimings(_ s: String) -> String {
        s.replacingOccurrences(of: #"time [0-9.]+ m?s"#, with: "time T", options: .regularExpression)
    }

    /// History times differ by the second between two runs of the same step.
    static func sameClock(_ s: String) -> String {
        s.replacingOccurrences(
            of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"#, with: "TIME", options: .regularExpression)
    }

    /// A loopback port nothing listens on (bound then closed).
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
