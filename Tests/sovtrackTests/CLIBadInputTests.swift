import DealKit
import Foundation
import TestSupport
import XCTest

/// Every kind of bad input: one line on stderr naming the problem and where, a distinguishable
/// non-zero exit, no stack trace, and the store byte for byte as it was.
final class CLIBadInputTests: XCTestCase {
    /// A broken store file under Fixtures/bad and the message it must give (after "sovtrack: PATH").
    static let broken: [(file: String, message: String)] = [
        ("malformed.json", ":5:30: expected a quoted key, found ','"),
        ("empty.json", ": the file is empty; expected a sovtrack feed"),
        ("top-level-array.json", #":1:1: expected a JSON object with "format": "sovtrack-feed", found an array"#),
        ("wrong-format.json", #": format: "geojson" is not a sovtrack feed (expected "sovtrack-feed")"#),
        (
            "newer-version.json",
            ": version: version 3 was written by a newer sovtrack; this one reads versions up to 2 and leaves the file untouched"
        ),
        ("wrong-type.json", ": deals[0].title: expected a string, found a number"),
        ("missing-key.json", #": deals[0]: missing required key "announced""#),
        (
            "bad-enum.json",
            #": deals[0].status: "done" is not one of: announced, planned, under-construction, operational, cancelled"#
        ),
        (
            "bad-date.json",
            #": deals[0].announced: "2026-13-45" is not a partial date (YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD)"#
        ),
        ("bad-country.json", #": deals[3].country: "Korea" is not an ISO 3166-1 alpha-2 code"#),
        (
            "negative-mw.json",
            ": deals[0].capacity.initialMW: -5 is negative; megawatts must be 0 or more (null for unknown)"
        ),
        ("nonfinite-mw.json", ": deals[0].capacity.initialMW: must be a finite number of megawatts"),
        ("nan-mw.json", ":5:124: unexpected 'N', expected a value"),
        ("duplicate-ids.json", #": deals[2].id: duplicate id "a" (first used by deals[0])"#),
        ("not-utf8.json", ":5:27: text is not valid UTF-8"),
        ("source-without-title-or-url.json", ": deals[0].sources[0]: a source needs a title or a url"),
    ]

    /// Commands that read the store.
    static let readers: [[String]] = [
        ["list"], ["list", "--format", "json"], ["summary"], ["summary", "--by", "vendor"], ["show", "a"], ["browse"],
    ]

    /// Commands that write it.
    static func writers(importing feed: URL) -> [[String]] {
        [
            [
                "add", "--id", "new-deal", "--title", "T", "--country", "KR", "--announced", "2026", "--source",
                "https://x.test",
            ],
            ["edit", "a", "--title", "X"], ["remove", "a"], ["import", feed.path], ["import", feed.path, "--dry-run"],
        ]
    }

    /// A small valid feed to import.
    private func importable() throws -> URL {
        try CLI.write(
            #"{"format": "sovtrack-feed", "version": 1, "deals": [{"id": "zz", "title": "T", "country": "JP", "announced": "2026", "sources": [{"title": "s"}]}]}"#,
            as: "in.json")
    }

    func testEveryBrokenStoreIsRefusedByEveryCommandAndLeftUnchanged() throws {
        let feed = try importable()
        let commands = Self.readers + Self.writers(importing: feed)
        for (k, (file, message)) in Self.broken.enumerated() {
            let store = try CLI.copy(CLI.bad(file), as: "deals.json")
            let before = try XCTUnwrap(CLI.bytes(store))
            // Every command meets every broken store with SOVTRACK_TEST_FULL=1 (.ci/run); a plain
            // run takes one command per store in turn, so each command still meets one or two.
            let turn = TestScale.isFull ? commands : [commands[k % commands.count]]
            for args in turn {
                let r = try CLI.run(args + ["--store", store.path])
                CLI.assertUserError(r, code: 65, ["sovtrack: \(store.path)\(message)"])
                XCTAssertEqual(r.stdout, "", "\(file) \(args)")
                XCTAssertEqual(CLI.bytes(store), before, "\(file) changed by \(args)")
            }
            XCTAssertEqual(
                CLI.files(in: store.deletingLastPathComponent()).filter { $0 != "deals.json.lock" }, ["deals.json"],
                "\(file): no backup, temporary or other file")
        }
    }

    func testManyProblemsGiveTheFirstAndACount() throws {
        let store = try CLI.copy(CLI.bad("many-problems.json"))
        let before = CLI.bytes(store)
        for args in [["list"], ["add", "--id", "x", "--title", "T", "--country", "KR", "--announced", "2026"]] {
            let r = try CLI.run(args + ["--store", store.path])
            CLI.assertUserError(
                r, code: 65,
                [
                    #"sovtrack: \#(store.path): deals[0].id: "Bad Id" is not a valid id"#,
                    "(and 13 more; run `sovtrack validate \(store.path)`)",
                ])
        }
        XCTAssertEqual(CLI.bytes(store), before)
    }

    func testValidateListsTheFirstHundredProblemsAndCountsTheRest() throws {
        let empty =
            #"{"format": "sovtrack-feed", "version": 1, "deals": ["#
            + Array(repeating: "{}", count: 10_000).joined(separator: ",") + "]}"
        let feed = try CLI.write(empty, as: "empty-deals.json")
        let r = try CLI.run("validate", feed.path)
        let lines = CLI.lines(r.stdout)
        XCTAssertEqual(lines.count, 101, r.stdout)
        // 40,000 missing keys, and the empty ids of the deals kept before the limit are duplicates.
        XCTAssertTrue(
            lines.last?.hasPrefix("… and 39,9") == true && lines.last?.hasSuffix(" more problems") == true, r.stdout)
        CLI.assertUserError(r, code: 65, ["not valid (40,0", " errors, 0 warnings)"])
        // import lists as many, then the count; the store is not made.
        let store = feed.deletingLastPathComponent().appendingPathComponent("s.json")
        let imported = try CLI.run("import", feed.path, "--store", store.path)
        XCTAssertEqual(imported.status, 65)
        XCTAssertEqual(CLI.lines(imported.stderr).count, 102, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("… and 39,9"), imported.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path))
        // A store with that many errors names the first and counts every other.
        let add = try CLI.run(
            "add", "--id", "x", "--title", "T", "--country", "KR", "--announced", "2026", "--store", feed.path)
        CLI.assertUserError(add, code: 65, ["(and 400", " more; run `sovtrack validate"])
    }

    func testValidateListsEveryProblemInOneRun() throws {
        let path = CLI.bad("many-problems.json").path
        let r = try CLI.run("validate", path)
        CLI.assertUserError(r, code: 65, ["sovtrack: \(path): not valid (14 errors, 0 warnings)"])
        let lines = CLI.lines(r.stdout)
        XCTAssertEqual(
            Set(lines),
            Set(
                [
                    #"deals[0].id: "Bad Id" is not a valid id (lower-case letters, digits and '-', not starting with '-')"#,
                    "deals[0].title: must not be empty",
                    #"deals[0].country: "Korea" is not an ISO 3166-1 alpha-2 code"#,
                    #"deals[0].announced: "2026-13-45" is not a partial date (YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD)"#,
                    #"deals[0].status: "done" is not one of: announced, planned, under-construction, operational, cancelled"#,
                    "deals[0].capacity.initialMW: -1 is negative; megawatts must be 0 or more (null for unknown)",
                    "deals[0].capacity.targetMW: must be a finite number of megawatts",
                    #"deals[0].capacity.confidence: "sure" is not one of: confirmed, reported, aspirational"#,
                    "deals[0].sources[0]: a source needs a title or a url",
                    #"deals[1].country: "kr" is not an ISO 3166-1 alpha-2 code (did you mean "KR"?)"#,
                    "deals[1].announced: expected a string, found a number",
                    #"deals[1].partners[0].role: "supplier" is not one of: vendor, operator, investor, government, customer, other"#,
                    #"deals[1]: missing required key "title""#,
                    #"deals[2].id: duplicate id "b" (first used by deals[1])"#,
                ].map { "\(path): \($0)" }))
    }

    func testValidateEachBrokenFile() throws {
        for (file, message) in Self.broken {
            let path = CLI.bad(file).path
            let r = try CLI.run("validate", path)
            CLI.assertUserError(r, code: 65, ["sovtrack: \(path): not valid (1 error, 0 warnings)"])
            XCTAssertEqual(CLI.lines(r.stdout), [path + message], file)
        }
    }

    func testValidateWarningsDoNotFail() throws {
        let path = CLI.bad("warnings-only.json").path
        let r = try CLI.run("validate", path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(
            CLI.lines(r.stdout),
            [
                "\(path): deals[0].capacity: warning: initialMW (500) is above targetMW (100)",
                #"\#(path): deals[1]: warning: deal "b" has no source"#,
                "\(path): ok, 2 deals (0 errors, 2 warnings)",
            ])
        // A store with only warnings loads.
        let store = try CLI.copy(CLI.bad("warnings-only.json"))
        XCTAssertEqual(try CLI.run("list", "--store", store.path).status, 0)
    }

    func testValidateTheStoreAndTheBundledDataset() throws {
        let store = try CLI.copy(CLI.fixture)
        let r = try CLI.run("validate", "--store", store.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "\(store.path): ok, 5 deals (0 errors, 0 warnings)\n")
    }

    func testAShortCSVRowOrARepeatedHeaderIsRefusedAndTheStoreKept() throws {
        // Issue 11: this row used to report "updated 1" and erase five fields of the deal.
        let store = try CLI.copy(CLI.fixture)
        let before = CLI.bytes(store)
        let short = try CLI.write(
            "id,title,sponsor,site,platform,models,target_mw\nkr-naver-nvidia-dsx-sejong,New title\n", as: "short.csv",
            in: store.deletingLastPathComponent())
        CLI.assertUserError(
            try CLI.run("import", short.path, "--store", store.path), code: 65,
            ["\(short.path):2: row has 2 cells, the header has 7"])
        let twice = try CLI.write(
            "id,title,title\nkr-naver-nvidia-dsx-sejong,a,b\n", as: "twice.csv", in: store.deletingLastPathComponent())
        CLI.assertUserError(
            try CLI.run("import", twice.path, "--store", store.path), code: 65,
            ["\(twice.path):1: the header names \"title\" twice"])
        XCTAssertEqual(CLI.bytes(store), before)
    }

    func testEpochYearsThatCrashedAreRejectedWithAReason() throws {
        // Issue 11: `0999` trapped on a force-unwrap (SIGILL, exit 132).
        let dir = try TemporaryDirectory.make()
        for date in ["0999", "0000", "0999-12-31"] {
            let file = try CLI.write(
                "Name,Country,Status,First Operational Date\nOld,France,Existing,\(date)\n", as: "e.csv", in: dir)
            let r = try CLI.run(
                "import", "--from", "epoch", file.path, "--store", dir.appendingPathComponent("s.json").path)
            CLI.assertNoCrash(r)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("rejected, date out of range: 1"), r.stdout)
        }
        let planned = try CLI.write(
            "Name,Country,Status,First Operational Date Note\nP,France,Planned,Planned 0042\nQ,France,Existing,2020\n",
            as: "p.csv", in: dir)
        let r = try CLI.run(
            "import", "--from", "epoch", planned.path, "--store", dir.appendingPathComponent("s2.json").path)
        CLI.assertNoCrash(r)
        XCTAssertTrue(r.stdout.contains("rejected, date out of range: 1"), r.stdout)
    }

    func testMissingFile() throws {
        let dir = try TemporaryDirectory.make()
        let store = dir.appendingPathComponent("nothing.json")
        for args in Self.readers {
            let r = try CLI.run(args + ["--store", store.path])
            CLI.assertUserError(r, code: 66, ["sovtrack: \(store.path): no such file"])
        }
        for args in [["edit", "a", "--title", "X"], ["remove", "a"]] {
            CLI.assertUserError(
                try CLI.run(args + ["--store", store.path]), code: 66, ["sovtrack: \(store.path): no such file"])
        }
        CLI.assertUserError(try CLI.run("validate", store.path), code: 66, ["\(store.path): no such file"])
        CLI.assertUserError(
            try CLI.run("import", dir.appendingPathComponent("in.json").path, "--store", store.path), code: 66,
            ["in.json: no such file"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path))
    }

    func testUnwritableDirectory() throws {
        let add = ["add", "--id", "x", "--title", "T", "--country", "KR", "--announced", "2026"]
        let proc = "/proc/sovtrack-nope/deals.json"
        CLI.assertUserError(try CLI.run(add + ["--store", proc]), code: 73, ["/proc/sovtrack-nope", "cannot write"])
        CLI.assertUserError(try CLI.run("import", try importable().path, "--store", proc), code: 73, ["cannot write"])
        // A store whose parent is a regular file.
        let file = try CLI.write("not a directory", as: "plain")
        let under = file.appendingPathComponent("deals.json").path
        CLI.assertUserError(try CLI.run(add + ["--store", under]), code: 73, [under, "cannot write"])
        XCTAssertEqual(CLI.text(file), "not a directory")
        // --output somewhere that cannot be written.
        let store = try CLI.copy(CLI.fixture)
        let before = CLI.bytes(store)
        CLI.assertUserError(
            try CLI.run("list", "--store", store.path, "--output", "/proc/sovtrack-nope/out.csv"), code: 73,
            ["/proc/sovtrack-nope/out.csv", "cannot write"])
        CLI.assertUserError(
            try CLI.run("summary", "--store", store.path, "--output", file.appendingPathComponent("s.md").path),
            code: 73,
            ["cannot write"])
        XCTAssertEqual(CLI.bytes(store), before)
    }

    func testLockedStore() throws {
        let store = try CLI.copy(CLI.fixture)
        let before = try XCTUnwrap(CLI.bytes(store))
        let env = ["SOVTRACK_LOCK_TIMEOUT": "0.02"]
        let feed = try importable()
        do {
            let held = try HeldLock(store: store)
            for args in Self.writers(importing: feed).filter({ !$0.contains("--dry-run") }) + [
                ["edit", "kr-skt-nvidia-ai-cloud", "--status", "planned"]
            ] {
                let r = try CLI.run(args + ["--store", store.path], env: env)
                CLI.assertUserError(r, code: 75, ["sovtrack: \(store.path): the store is locked by another sovtrack"])
                XCTAssertEqual(CLI.bytes(store), before, "\(args)")
            }
            // Readers do not wait for writers.
            let list = try CLI.run(["list", "--store", store.path], env: env)
            XCTAssertEqual(list.status, 0, list.stderr)
            withExtendedLifetime(held) {}
        }
        let after = try CLI.run(["remove", "gb-sovereign-ai-factory", "--store", store.path], env: env)
        XCTAssertEqual(after.status, 0, "once the lock is released: \(after.stderr)")
    }

    func testBrokenImportFilesLeaveTheStoreUnchanged() throws {
        let store = try CLI.copy(CLI.fixture)
        let before = CLI.bytes(store)
        for (file, message) in Self.broken {
            let path = CLI.bad(file).path
            let r = try CLI.run("import", path, "--store", store.path)
            XCTAssertEqual(r.status, 65, "\(file): \(r.stderr)")
            CLI.assertNoCrash(r)
            let lines = CLI.lines(r.stderr)
            XCTAssertTrue(lines.contains(path + message), "\(file): \(r.stderr)")
            XCTAssertEqual(lines.last, "sovtrack: \(path): not imported: 1 error(s); the store is unchanged")
            XCTAssertEqual(r.stdout, "")
        }
        for (file, expected) in [
            ("unclosed-quote.csv", ":2: a quoted field is never closed"),
            ("unknown-column.csv", #":1: unknown column "colour""#),
            ("not-utf8.csv", ":2: text is not valid UTF-8"),
        ] {
            let path = CLI.bad(file).path
            CLI.assertUserError(
                try CLI.run("import", path, "--store", store.path), code: 65, ["sovtrack: \(path)\(expected)"])
        }
        let values = CLI.bad("bad-values.csv").path
        let r = try CLI.run("import", values, "--store", store.path)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(
            CLI.lines(r.stderr),
            [
                #"\#(values):2: country: "Korea" is not an ISO 3166-1 alpha-2 code"#,
                #"\#(values):3: announced: "2026-13-45" is not a partial date (YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD)"#,
                "sovtrack: \(values): not imported: 2 problem(s); the store is unchanged",
            ])
        XCTAssertEqual(CLI.bytes(store), before)
        XCTAssertEqual(
            CLI.files(in: store.deletingLastPathComponent()).filter { $0.contains("bak") || $0.contains("tmp") }, [])
    }

    func testUsageErrorsAreDistinctFromDataErrors() throws {
        let store = try CLI.copy(CLI.fixture)
        let before = CLI.bytes(store)
        let base = [
            "add", "--store", store.path, "--id", "new", "--title", "T", "--country", "KR", "--announced", "2026",
        ]
        func replacing(_ option: String, with value: String) -> [String] {
            var a = base
            a[a.firstIndex(of: option)! + 1] = value
            return a
        }
        CLI.assertUserError(
            try CLI.run(replacing("--country", with: "Korea")), code: 64, [#"--country: "Korea" is not a country name"#]
        )
        CLI.assertUserError(
            try CLI.run(replacing("--announced", with: "2026-13-45")), code: 64, ["--announced", "\"2026-13-45\""])
        CLI.assertUserError(
            try CLI.run(replacing("--id", with: "Not Valid")), code: 64, [#"--id: "Not Valid" is not a valid id"#])
        CLI.assertUserError(try CLI.run(replacing("--title", with: "  ")), code: 64, ["--title: must not be empty"])
        CLI.assertUserError(try CLI.run(base + ["--initial-mw=-5"]), code: 64, ["--initial-mw: -5 is negative"])
        CLI.assertUserError(
            try CLI.run(base + ["--target-mw", "nan"]), code: 64, [#"--target-mw: "nan" is not a number"#])
        CLI.assertUserError(
            try CLI.run(base + ["--operational-mw", "1e999"]), code: 64, [#"--operational-mw: "1e999" is not a number"#]
        )
        CLI.assertUserError(try CLI.run(base + ["--status", "done"]), code: 64, ["--status", "\"done\""])
        CLI.assertUserError(try CLI.run(base + ["--partner", "NVIDIA:supplier"]), code: 64, ["--partner", "supplier"])
        CLI.assertUserError(
            try CLI.run(base + ["--milestone", "no date here"]), code: 64, ["--milestone", "DATE:EVENT"])
        CLI.assertUserError(try CLI.run(base + ["--confidence", "sure"]), code: 64, ["--confidence", "\"sure\""])
        // Data errors: the store's content is the problem.
        CLI.assertUserError(
            try CLI.run(replacing("--id", with: "kr-skt-nvidia-ai-cloud")), code: 65,
            [#"a deal with id "kr-skt-nvidia-ai-cloud" already exists"#])
        CLI.assertUserError(
            try CLI.run("edit", "nope", "--store", store.path, "--title", "X"), code: 65, [#"no deal with id "nope""#])
        CLI.assertUserError(
            try CLI.run("remove", "nope", "--store", store.path), code: 65, [#"no deal with id "nope""#])
        XCTAssertEqual(CLI.bytes(store), before)
    }

    func testArgumentParserUsageErrorsExit64() throws {
        let store = try CLI.copy(CLI.fixture)
        let before = CLI.bytes(store)
        for args in [
            ["add", "--id", "x", "--country", "KR", "--announced", "2026"],  // missing --title
            ["add", "--title", "T", "--country", "KR", "--announced", "2026"],  // missing --id
            ["add", "--id", "x", "--title", "T", "--announced", "2026"],  // missing --country
            ["add", "--id", "x", "--title", "T", "--country", "KR"],  // missing --announced
            ["edit"], ["remove"], ["show"], ["import"], ["frobnicate"], ["list", "--unknown-option"],
        ] {
            let r = try CLI.run(args + ["--store", store.path])
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("sovtrack: "), r.stderr)
            XCTAssertEqual(CLI.lines(r.stderr).count, 1, "one line: \(r.stderr)")
            CLI.assertNoCrash(r)
        }
        let title = try CLI.run("add", "--id", "x", "--country", "KR", "--announced", "2026", "--store", store.path)
        XCTAssertTrue(CLI.lines(title.stderr).first?.contains("missing --title") ?? false, title.stderr)
        XCTAssertEqual(CLI.bytes(store), before)
    }

    /// Every enumerated option names its values when given one it does not know.
    func testAnUnknownEnumeratedValueListsTheAllowedOnes() throws {
        CLI.assertUserError(
            try CLI.run("list", "--sort", "foo"), code: 64,
            ["--sort", "country, announced, id, title", "milestone, vendors, partners, models"])
        CLI.assertUserError(try CLI.run("summary", "--by", "foo"), code: 64, ["--by", "country", "vendor"])
        CLI.assertUserError(
            try CLI.run("list", "--format", "foo"), code: 64, ["--format", "table", "csv", "json", "md"])
        CLI.assertUserError(try CLI.run("import", "--from", "foo", "x"), code: 64, ["--from", "feed", "csv", "epoch"])
        CLI.assertUserError(try CLI.run("list", "--status", "foo"), code: 64, ["--status", "announced, planned"])
    }
}
