import DealKit
import Foundation
import TestSupport
import XCTest

final class EditCommandTests: XCTestCase {
    private var store: URL!

    override func setUpWithError() throws { store = try CLI.copy(CLI.fixture) }

    private func ok(_ args: String..., file: StaticString = #filePath, line: UInt = #line) throws
        -> SovtrackProcess.Result
    {
        let r = try CLI.run(args + ["--store", store.path])
        XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)", file: file, line: line)
        CLI.assertNoCrash(r, file: file, line: line)
        return r
    }

    private func deal(_ id: String) throws -> Deal {
        let r = try ok("show", id, "--json")
        let feed = FeedDecoder.decode(Array(r.stdout.utf8))
        XCTAssertFalse(feed.hasErrors)
        return try XCTUnwrap(feed.feed.deals.first)
    }

    func testAddWithEveryFieldOption() throws {
        let r = try ok(
            "add", "--id", "jp-sakura-hokkaido", "--title", "Sakura Internet AI cloud in Hokkaido", "--country",
            "japan",
            "--announced", "2026-Q3", "--status", "planned", "--sponsor", "Sakura Internet",
            "--partner", "NVIDIA:vendor", "--partner", "Hokkaido Govt:government", "--partner", "KDDI",
            "--platform", "HGX", "--site", "Ishikari", "--initial-mw", "30", "--target-mw", "1,000", "--operational-mw",
            "unknown",
            "--confidence", "reported", "--model", "Sarashina", "--model", "Tsuzumi",
            "--milestone", "2027:Phase 1 online", "--milestone", "!2026-06:Signed: MoU",
            "--source", "https://example.com/article", "--tag", "ai-cloud", "--notes", "first line")
        XCTAssertEqual(r.stdout, "added jp-sakura-hokkaido\n")
        XCTAssertEqual(r.stderr, "", "a deal with a source gives no warning")
        let d = try deal("jp-sakura-hokkaido")
        XCTAssertEqual(d.title, "Sakura Internet AI cloud in Hokkaido")
        XCTAssertEqual(d.country, "JP")
        XCTAssertEqual(d.announced, PartialDate("2026-Q3"))
        XCTAssertEqual(d.status, .planned)
        XCTAssertEqual(d.sponsor, "Sakura Internet")
        XCTAssertEqual(
            d.partners,
            [
                Partner(name: "NVIDIA", role: .vendor), Partner(name: "Hokkaido Govt", role: .government),
                Partner(name: "KDDI", role: .other),
            ])
        XCTAssertEqual(d.platform, "HGX")
        XCTAssertEqual(d.site, "Ishikari")
        XCTAssertEqual(d.capacity, Capacity(initialMW: 30, targetMW: 1000, operationalMW: nil, confidence: .reported))
        XCTAssertEqual(d.models, ["Sarashina", "Tsuzumi"])
        XCTAssertEqual(
            d.milestones,
            [
                Milestone(date: PartialDate("2027")!, event: "Phase 1 online"),
                Milestone(date: PartialDate("2026-06")!, event: "Signed: MoU", done: true),
            ])
        XCTAssertEqual(d.sources, [Source(url: "https://example.com/article")])
        XCTAssertEqual(d.tags, ["ai-cloud"])
        XCTAssertEqual(d.notes, "first line")
        // The store stays valid and sorted by id.
        let feed = FeedDecoder.decode(CLI.bytes(store)!)
        XCTAssertFalse(feed.hasErrors)
        XCTAssertEqual(feed.feed.deals.map(\.id), feed.feed.deals.map(\.id).sorted())
    }

    func testAddWithoutASourceWarnsButSucceeds() throws {
        let r = try ok(
            "add", "--id", "x", "--title", "T", "--country", "KR", "--announced", "2026", "--initial-mw", "100",
            "--target-mw", "50")
        XCTAssertEqual(r.stdout, "added x\n")
        XCTAssertEqual(
            Set(CLI.lines(r.stderr)),
            ["warning: initialMW (100) is above targetMW (50)", #"warning: deal "x" has no source"#])
    }

    func testAddCreatesAMissingStore() throws {
        let dir = try TemporaryDirectory.make()
        let fresh = dir.appendingPathComponent("a/b/deals.json")
        let r = try CLI.run(
            "add", "--store", fresh.path, "--id", "x", "--title", "T", "--country", "KR", "--announced", "2026",
            "--source", "https://x.test")
        XCTAssertEqual(r.status, 0, r.stderr)
        let feed = FeedDecoder.decode(CLI.bytes(fresh)!)
        XCTAssertFalse(feed.hasErrors)
        XCTAssertEqual(feed.feed.deals.map(\.id), ["x"])
    }

    func testEditChangesOnlyTheNamedFields() throws {
        let before = try deal("kr-naver-nvidia-dsx-sejong")
        let r = try ok("edit", "kr-naver-nvidia-dsx-sejong", "--operational-mw", "55", "--status", "operational")
        XCTAssertEqual(r.stdout, "updated kr-naver-nvidia-dsx-sejong\n")
        var expected = before
        expected.status = .operational
        expected.capacity?.operationalMW = 55
        XCTAssertEqual(try deal("kr-naver-nvidia-dsx-sejong"), expected)
        let summary = try ok("summary", "--format", "csv", "--country", "KR").stdout
        XCTAssertTrue(summary.contains("\r\nKR,South Korea,3,55,2000,55,0,1,"), summary)
    }

    func testUnknownClearsAFigureAndTotalsStayUnknown() throws {
        _ = try ok("edit", "kr-naver-nvidia-dsx-sejong", "--initial-mw", "unknown")
        XCTAssertNil(try deal("kr-naver-nvidia-dsx-sejong").capacity?.initialMW)
        let summary = try ok("summary", "--format", "csv", "--country", "KR").stdout
        XCTAssertTrue(
            summary.contains("\r\nKR,South Korea,3,,2000,,0,1,"), "no committed figure left: unknown, not 0: \(summary)"
        )
        _ = try ok("edit", "kr-naver-nvidia-dsx-sejong", "--target-mw", "unknown", "--confidence", "")
        XCTAssertNil(try deal("kr-naver-nvidia-dsx-sejong").capacity)
        let after = try ok("summary", "--format", "csv", "--country", "KR").stdout
        XCTAssertTrue(after.contains("\r\nKR,South Korea,3,,1000,,1,1,"), after)
    }

    func testEditListsReplaceAndTextClears() throws {
        _ = try ok(
            "edit", "kr-skt-nvidia-ai-cloud", "--partner", "NVIDIA:vendor", "--partner", "SKT:operator", "--partner",
            "AWS:customer",
            "--milestone", "!2026-06:Announced", "--milestone", "2027:First AI factory expected online", "--sponsor", ""
        )
        let d = try deal("kr-skt-nvidia-ai-cloud")
        XCTAssertEqual(d.partners.map(\.name), ["NVIDIA", "SKT", "AWS"])
        XCTAssertEqual(d.milestones.map(\.done), [true, false])
        XCTAssertNil(d.sponsor)
        XCTAssertEqual(d.sources.count, 2, "no --source: sources untouched")
        XCTAssertEqual(d.tags.count, 5)
    }

    func testEditThatChangesNothing() throws {
        let r = try ok("edit", "gb-sovereign-ai-factory", "--country", "GB")
        XCTAssertEqual(r.stdout, "unchanged gb-sovereign-ai-factory\n")
        XCTAssertEqual(try deal("gb-sovereign-ai-factory"), FeedDecoder.decode(CLI.bytes(CLI.fixture)!).feed.deals[1])
    }

    func testEditKeepsUnknownKeys() throws {
        store = try CLI.write(FeedSamples.everything, as: "deals.json")
        _ = try ok("edit", "eu-pilot", "--title", "Pilot")
        let text = CLI.text(store) ?? ""
        for literal in [
            #""x-top": 12345678901234567890"#, #""x-future": {"a": [1.50, 12345678901234567890]}"#,
            #"{"name": "Say, Inc", "role": "investor", "x-share": 0.25}"#, #""x-phase": "p1""#, #""x-gen": 3"#,
            #""x-fx": 1.50"#, #""x-ref": [true, null]"#, #""x-lang": "ko""#, #""title": "Pilot""#,
        ] {
            XCTAssertTrue(text.contains(literal), "missing \(literal) in\n\(text)")
        }
        // Apart from the edited title, the day of the update, the version (a version-1 file is
        // upgraded when written) and the history the edit adds after the other keys
        // (docs/history.md), the file is as it was.
        XCTAssertTrue(FeedSamples.everything.contains("\"version\": 1,") && text.contains("\"version\": 2,"))
        let original = FeedSamples.everything.components(separatedBy: "\n").filter {
            !$0.contains("\"title\": \"=Pilot") && !$0.contains("\"updated\"") && !$0.contains("\"version\"")
        }
        var now = text.components(separatedBy: "\n").filter {
            !$0.contains("\"title\": \"Pilot\"") && !$0.contains("\"updated\"") && !$0.contains("\"version\"")
        }
        let start = try XCTUnwrap(now.firstIndex(of: "  \"history\": ["))
        XCTAssertEqual(now[start + 2], "  ]", "one revision")
        XCTAssertTrue(now[start + 1].contains("\"id\": \"eu-pilot\", \"action\": \"edit\""), now[start + 1])
        now.removeSubrange(start...start + 2)
        if now[start - 1].hasSuffix(",") { now[start - 1].removeLast() }
        XCTAssertEqual(now, original)
    }

    func testRemoveKeepsABackup() throws {
        let before = CLI.bytes(store)
        let r = try ok("remove", "gb-sovereign-ai-factory")
        XCTAssertEqual(r.stdout, "removed gb-sovereign-ai-factory\n")
        XCTAssertEqual(CLI.bytes(URL(fileURLWithPath: store.path + ".bak.1")), before)
        let ids = FeedDecoder.decode(CLI.bytes(store)!).feed.deals.map(\.id)
        XCTAssertEqual(ids.count, 4)
        XCTAssertFalse(ids.contains("gb-sovereign-ai-factory"))
        CLI.assertUserError(
            try CLI.run("show", "gb-sovereign-ai-factory", "--store", store.path), code: 65, ["no deal with id"])
        XCTAssertEqual(CLI.files(in: store.deletingLastPathComponent()).filter { $0.contains(".tmp") }, [])
    }

    func testEditUsageErrorsChangeNothing() throws {
        let before = CLI.bytes(store)
        let id = "kr-skt-nvidia-ai-cloud"
        CLI.assertUserError(
            try CLI.run("edit", id, "--store", store.path, "--title", ""), code: 64, ["--title: must not be empty"])
        CLI.assertUserError(
            try CLI.run("edit", id, "--store", store.path, "--country", "Korea"), code: 64, ["--country", "\"Korea\""])
        CLI.assertUserError(
            try CLI.run("edit", id, "--store", store.path, "--announced", "2026-02-30"), code: 64, ["--announced"])
        CLI.assertUserError(
            try CLI.run("edit", id, "--store", store.path, "--target-mw=-1"), code: 64, ["--target-mw", "negative"])
        CLI.assertUserError(
            try CLI.run("edit", id, "--store", store.path, "--partner", ":vendor"), code: 64,
            ["--partner", "has no name"])
        CLI.assertUserError(
            try CLI.run("edit", id, "--store", store.path, "--milestone", "2027:"), code: 64,
            ["--milestone", "has no event"])
        CLI.assertUserError(try CLI.run("edit", "nope", "--store", store.path, "--title", ""), code: 64, ["--title"])
        XCTAssertEqual(CLI.bytes(store), before)
    }

    /// A decimal comma is refused with how to write the number; thousands grouped by three are read as such.
    func testMegawattsFollowTheNumberGrammar() throws {
        let before = CLI.bytes(store)
        let id = "kr-skt-nvidia-ai-cloud"
        CLI.assertUserError(
            try CLI.run("edit", id, "--store", store.path, "--initial-mw", "1,5"), code: 64,
            ["--initial-mw", "\"1,5\"", "comma", "1.5", "1,500"])
        CLI.assertUserError(
            try CLI.run("edit", id, "--store", store.path, "--initial-mw", ",,,5"), code: 64,
            ["--initial-mw", "\",,,5\""])
        CLI.assertUserError(
            try CLI.run("edit", id, "--store", store.path, "--initial-mw", "1e3"), code: 64,
            ["--initial-mw", "\"1e3\""])
        XCTAssertEqual(CLI.bytes(store), before)
        _ = try ok("edit", id, "--initial-mw", "1,500", "--operational-mw", "0.03")
        XCTAssertEqual(try deal(id).capacity?.initialMW, 1500)
        XCTAssertEqual(try deal(id).capacity?.operationalMW, 0.03)
    }

    /// 0.03 MW is shown as 0.03 by list, summary and show: zero is only what a source said.
    func testSmallFiguresNeverShowAsZero() throws {
        let id = "kr-skt-nvidia-ai-cloud"
        _ = try ok("edit", id, "--initial-mw", "0.03", "--target-mw", "unknown")
        let show = try ok("show", id).stdout
        XCTAssertTrue(show.contains("0.03 MW"), show)
        let list = try ok("list", "--country", "KR").stdout
        XCTAssertTrue(list.contains(" 0.03 "), list)
        let summary = try ok("summary", "--search", "gigawatt").stdout
        XCTAssertTrue(summary.contains(" 0.03 "), summary)
        XCTAssertFalse(show.contains("committed 0 MW"), show)
    }
}
