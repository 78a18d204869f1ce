import DealKit
import Foundation
import TestSupport
import XCTest

@testable import sovtrack

final class ListCommandTests: XCTestCase {
    private var store: URL!

    override func setUpWithError() throws { store = try CLI.copy(CLI.fixture) }

    private func list(_ extra: String...) throws -> SovtrackProcess.Result {
        let r = try CLI.run(["list", "--store", store.path] + extra)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        return r
    }

    /// The ids listed by `list --format csv` with these filters.
    private func ids(_ extra: String...) throws -> [String] {
        let r = try CLI.run(["list", "--store", store.path, "--format", "csv"] + extra)
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map {
            String($0.prefix { $0 != "," })
        }
    }

    /// The bundled deals' ids that the filter options `args` keep, in the store's order: the
    /// options parsed as `list` parses them (its option group), without the rest of a command,
    /// whose parse costs ten times the group's in a debug build. `ids` checks that `list` shows
    /// what the group keeps.
    private func kept(_ args: String...) throws -> [String] {
        let deals = FeedDecoder.decode(CLI.bytes(CLI.fixture)!).feed.deals
        return try FilterOptions.parse(args).filter().apply(to: deals).map(\.id)
    }

    static let all = [
        "fr-softbank-sesterce-sovereign-ai-factory", "gb-sovereign-ai-factory", "kr-naver-nvidia-dsx-sejong",
        "kr-sk-hynix-nvidia-memory", "kr-skt-nvidia-ai-cloud",
    ]

    func testTable() throws {
        let lines = CLI.lines(try list().stdout)
        XCTAssertEqual(lines.count, 7)
        XCTAssertTrue(lines[0].hasPrefix("id "))
        for (line, id) in zip(lines.dropFirst(2), Self.all) {
            XCTAssertTrue(line.hasPrefix(String(id.prefix(27))), "\(line) for \(id)")
        }
        XCTAssertTrue(lines[4].contains("55 → ≈1,000"))
        XCTAssertTrue(lines[5].contains(" n/a "), "megawatts do not apply to the memory partnership")
        XCTAssertTrue(lines[6].contains("→ ≈1,000"))
        XCTAssertTrue(lines[2].contains("≤2026-06-07"), "the article states no date")
        // The title column starts at one display column on every line, Hangul or not.
        let titleStart = DisplayWidth.of(lines[0][..<lines[0].range(of: "title")!.lowerBound])
        for (line, prefix) in zip(lines.dropFirst(2), ["France", "United", "네이버", "SK하이닉스", "SK텔레콤"]) {
            XCTAssertEqual(DisplayWidth.of(line[..<line.range(of: prefix)!.lowerBound]), titleStart, line)
        }
    }

    /// All deals as CSV to a file, from a store large enough to have an index: the first run
    /// reads the JSON (and writes the index), the next ones write the rows from the index's
    /// bytes (`IndexCSV`); the same bytes as the deals' own CSV, in each order it serves.
    func testAllDealsAsCSVFromTheIndexAreTheDealsOwn() throws {
        let feed = FeedBuilder.generated(2_500)
        let bytes = FeedEncoder.encode(feed)
        XCTAssertGreaterThan(bytes.count, StoreIndex.minimumSize)
        let big = try TemporaryDirectory.make().appendingPathComponent("big.json")
        try Data(bytes).write(to: big)
        let deals = FeedDecoder.decode(bytes).feed.deals
        for (extra, sort, descending) in [
            ([], DealSort.country, false), (["--reverse"], .country, true),
            (["--sort", "announced"], .announced, false),
        ] {
            let want = DealCSV.exportBytes(deals, order: sort.order(of: deals, descending: descending))
            for run in 0..<2 {
                let out = big.deletingLastPathComponent().appendingPathComponent("out-\(sort)-\(descending)-\(run).csv")
                let r = try CLI.run(["list", "--store", big.path, "--format", "csv", "--output", out.path] + extra)
                XCTAssertEqual(r.status, 0, r.stderr)
                XCTAssertEqual(Array(try Data(contentsOf: out)), want, "\(extra) run \(run)")
                XCTAssertTrue(FileManager.default.fileExists(atPath: StoreIndex.path(for: big.path)))
            }
        }
    }

    func testCSV() throws {
        let out = try list("--format", "csv").stdout
        let lines = out.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(lines[0], DealCSV.columns.joined(separator: ","))
        XCTAssertEqual(
            lines[1],
            "fr-softbank-sesterce-sovereign-ai-factory,France sovereign AI factory with SoftBank and Sesterce,FR,≤2026-06-07,announced,,SoftBank:other;Sesterce:other,NVIDIA,NVIDIA DSX,,,,,,,build,,,"
        )
        XCTAssertEqual(
            lines[3],
            "kr-naver-nvidia-dsx-sejong,\"네이버 NAVER expands its sovereign AI factories on NVIDIA DSX, starting at GAK Sejong\",KR,2026-06-07,announced,NAVER,NAVER:operator,NVIDIA,NVIDIA DSX,GAK Sejong,55,1000,,aspirational,HyperCLOVA X;Seoul World Model,build,DSX;Nemotron 3 Ultra;Cosmos,target_mw,"
        )
        XCTAssertEqual(lines[6], "")
    }

    func testJSONIsAValidFeed() throws {
        let out = try list("--format", "json").stdout
        let r = FeedDecoder.decode(Array(out.utf8))
        XCTAssertFalse(r.hasErrors, r.issues.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.feed.deals.map(\.id), Self.all)
        XCTAssertEqual(r.feed.updated, PartialDate("2026-06-10"))
        let original = FeedDecoder.decode(CLI.bytes(CLI.fixture)!).feed
        XCTAssertEqual(r.feed.deals, original.deals)
        XCTAssertEqual(
            out, String(decoding: CLI.bytes(CLI.fixture)!, as: UTF8.self), "the whole store, in the canonical layout")
        let filtered = FeedDecoder.decode(Array(try list("--format", "json", "--country", "KR").stdout.utf8))
        XCTAssertFalse(filtered.hasErrors)
        XCTAssertEqual(filtered.feed.deals.count, 3)
    }

    func testMarkdown() throws {
        let lines = CLI.lines(try list("--format", "md").stdout)
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(lines[0], "| id | country | announced | status | mw | confidence | title | sponsor | vendors |")
        XCTAssertEqual(lines[1], "| --- | --- | --- | --- | ---: | --- | --- | --- | --- |")
        XCTAssertEqual(
            lines[4],
            "| kr-naver-nvidia-dsx-sejong | KR | 2026-06-07 | announced | 55 → ≈1,000 | aspirational | 네이버 NAVER expands its sovereign AI factories on NVIDIA DSX, starting at GAK Sejong | NAVER | NVIDIA |"
        )
    }

    func testOutputFile() throws {
        let dir = store.deletingLastPathComponent()
        let csv = dir.appendingPathComponent("out.csv")
        let r = try list("--output", csv.path)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(CLI.text(csv), try list("--format", "csv").stdout)
        let json = dir.appendingPathComponent("out.json")
        _ = try list("--output", json.path, "--country", "FR")
        XCTAssertEqual(
            FeedDecoder.decode(CLI.bytes(json)!).feed.deals.map(\.id), ["fr-softbank-sesterce-sovereign-ai-factory"])
        let md = dir.appendingPathComponent("out.md")
        _ = try list("--output", md.path)
        XCTAssertTrue(CLI.text(md)?.hasPrefix("| id |") ?? false)
        let forced = dir.appendingPathComponent("forced.csv")
        _ = try list("--output", forced.path, "--format", "table")
        XCTAssertTrue(CLI.text(forced)?.hasPrefix("id ") ?? false, "--format wins over the extension")
        let plain = dir.appendingPathComponent("plain.txt")
        _ = try list("--output", plain.path)
        XCTAssertEqual(CLI.text(plain), try list().stdout, "an unknown extension is a table")
        _ = try list("--output", "-", "--format", "csv")
        XCTAssertEqual(CLI.files(in: dir).filter { $0.contains(".tmp") }, [])
    }

    func testEachFilterKind() throws {
        XCTAssertEqual(try kept("--country", "KR"), Array(Self.all[2...]))
        XCTAssertEqual(
            try ids("--country", "kr", "--country", "France"), [Self.all[0]] + Array(Self.all[2...]), "OR within a kind"
        )
        XCTAssertEqual(try kept("--country", "UNITED KINGDOM"), [Self.all[1]])
        XCTAssertEqual(try kept("--vendor", "nvidia"), Self.all)
        XCTAssertEqual(try kept("--vendor", "NAVER"), [], "NAVER is an operator, not a vendor")
        XCTAssertEqual(try kept("--partner", "naver"), [Self.all[2]])
        XCTAssertEqual(try kept("--partner", "SoftBank", "--partner", "sk hynix"), [Self.all[0], Self.all[3]])
        XCTAssertEqual(try kept("--status", "announced"), Self.all)
        XCTAssertEqual(try kept("--status", "planned"), [])
        // France, the UK and SK Telecom have no stated date, only "public by 2026-06-07": the
        // filters compare that bound, so --since may keep them and --until keeps them only when certain.
        XCTAssertEqual(try kept("--since", "2026-06"), Self.all)
        XCTAssertEqual(try kept("--since", "2026-06-08"), [])
        XCTAssertEqual(try kept("--until", "2026-05"), [], "public by 2026-06-07 is not certainly before June")
        XCTAssertEqual(try kept("--until", "2026-H1"), Self.all)
        XCTAssertEqual(try kept("--since", "2026-Q2", "--until", "2026-06-07"), Self.all)
        XCTAssertEqual(try kept("--min-mw", "1000"), [Self.all[2], Self.all[4]])
        XCTAssertEqual(try kept("--min-mw", "0"), [Self.all[2], Self.all[4]], "unknown MW is left out even at 0")
        XCTAssertEqual(try kept("--min-mw", "1001"), [])
        XCTAssertEqual(try kept("--search", "HYPERCLOVA"), [Self.all[2]], "models")
        XCTAssertEqual(try kept("--search", "sejong"), [Self.all[2]], "site and title")
        XCTAssertEqual(try kept("--search", "telecom"), [Self.all[4]], "sponsor")
        XCTAssertEqual(try kept("--search", "sesterce"), [Self.all[0]], "partners")
        XCTAssertEqual(try kept("--search", "DIGITAL-TWIN"), [Self.all[3]], "tags")
        XCTAssertEqual(try kept("--search", "vera rubin"), [Self.all[3]], "products")
        XCTAssertEqual(try kept("--product", "Vera Rubin"), [Self.all[3]])
        XCTAssertEqual(try kept("--search", "네이버"), [Self.all[2]], "Hangul")
        // Through `list` itself: kinds AND-ed, each kind OR-ed, as the group keeps them.
        XCTAssertEqual(try ids("--min-mw", "1000", "--search", "sejong"), [Self.all[2]])
        XCTAssertEqual(try ids("--vendor", "NAVER"), [])
    }

    func testFiltersCombineWithAnd() throws {
        XCTAssertEqual(try ids("--country", "KR", "--min-mw", "1"), [Self.all[2], Self.all[4]])
        XCTAssertEqual(try ids("--country", "KR", "--search", "memory"), [Self.all[3]])
        XCTAssertEqual(try ids("--country", "FR", "--min-mw", "1"), [])
        XCTAssertEqual(try ids("--vendor", "NVIDIA", "--partner", "SK Telecom", "--since", "2026"), [Self.all[4]])
    }

    func testSortOptions() throws {
        XCTAssertEqual(try ids("--sort", "id", "--reverse"), Self.all.reversed())
        XCTAssertEqual(try ids("--sort", "mw"), [Self.all[2], Self.all[4], Self.all[0], Self.all[1], Self.all[3]])
        XCTAssertEqual(
            try ids("--sort", "mw", "--reverse"), [Self.all[2], Self.all[4], Self.all[0], Self.all[1], Self.all[3]],
            "equal figures by id; unknown last either way")
        XCTAssertEqual(try ids("--sort", "committed").first, Self.all[2])
        XCTAssertEqual(try ids("--sort", "milestone").prefix(2), [Self.all[2], Self.all[4]])
    }

    func testBadFilterValuesAreUsageErrors() throws {
        CLI.assertUserError(
            try CLI.run("list", "--store", store.path, "--country", "Korea"), code: 64,
            [#"--country: "Korea" is not a country name or ISO 3166-1 alpha-2 code"#])
        CLI.assertUserError(
            try CLI.run("list", "--store", store.path, "--status", "done"), code: 64, ["--status", "\"done\""])
        CLI.assertUserError(
            try CLI.run("list", "--store", store.path, "--since", "2026-13-45"), code: 64,
            ["--since", "\"2026-13-45\""])
        CLI.assertUserError(
            try CLI.run("list", "--store", store.path, "--until", "June"), code: 64, ["--until", "\"June\""])
        CLI.assertUserError(try CLI.run("list", "--store", store.path, "--min-mw", "nan"), code: 64, ["--min-mw"])
        for args in [["--format", "xml"], ["--sort", "size"], ["--min-mw", "lots"], ["--bogus"]] {
            let r = try CLI.run(["list", "--store", store.path] + args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
            CLI.assertNoCrash(r)
        }
    }

    func testShow() throws {
        let r = try CLI.run("show", "kr-naver-nvidia-dsx-sejong", "--store", store.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = r.stdout
        XCTAssertTrue(
            out.hasPrefix(
                "kr-naver-nvidia-dsx-sejong\n네이버 NAVER expands its sovereign AI factories on NVIDIA DSX, starting at GAK Sejong\n"
            ), out)
        for expected in [
            "South Korea", "2026-06-07 [4]", "NVIDIA (vendor: DSX infrastructure stack to NAVER)", "NAVER (operator)",
            "GAK Sejong [1, 3]",
            "committed 55 MW [1, 3, 5] · target ≈1,000 MW [1, 3, 4, 5] (aspirational) · operational unknown",
            "HyperCLOVA X",
            "Timeline", "2026-H2", "AI Agent Platform launch", "Sources",
        ] {
            XCTAssertTrue(out.contains(expected), "missing \(expected) in\n\(out)")
        }
        // The announcement comes before the milestone on the timeline.
        let timeline = out[out.range(of: "\nTimeline\n")!.upperBound...]
        XCTAssertLessThan(
            timeline.range(of: "2026-06-07  announced")!.lowerBound,
            timeline.range(of: "2026-H2     AI Agent Platform launch")!.lowerBound)
        let json = try CLI.run("show", "gb-sovereign-ai-factory", "--json", "--store", store.path)
        XCTAssertEqual(json.status, 0)
        let feed = FeedDecoder.decode(Array(json.stdout.utf8))
        XCTAssertFalse(feed.hasErrors)
        XCTAssertEqual(feed.feed.deals.map(\.id), ["gb-sovereign-ai-factory"])
        CLI.assertUserError(try CLI.run("show", "nope", "--store", store.path), code: 65, [#"no deal with id "nope""#])
    }

    func testStoreFromTheEnvironment() throws {
        let r = try CLI.run(["list", "--format", "csv"], env: ["SOVTRACK_STORE": store.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.components(separatedBy: "\r\n").count, 7)
        // The default store is created from the bundled dataset on first use.
        let home = try TemporaryDirectory.make()
        let first = try CLI.run(["list", "--format", "json"], env: ["XDG_DATA_HOME": home.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(CLI.bytes(home.appendingPathComponent("sovtrack/deals.json")), CLI.bytes(CLI.fixture))
        XCTAssertEqual(first.stdout, CLI.text(CLI.fixture))
    }
}
