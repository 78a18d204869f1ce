import DealKit
import Foundation
import XCTest

final class SummaryCommandTests: XCTestCase {
    /// The KR row's next milestone as the command prints it on the day the test runs: the
    /// bundled `2026-H2` milestone is marked overdue from 2027 on.
    private let krNext = Milestone(date: PartialDate("2026-H2")!, event: "AI Agent Platform launch").summary(
        today: CalendarClock.today())

    private func summary(_ extra: String...) throws -> SovtrackProcess.Result {
        let store = try CLI.copy(CLI.fixture)
        let r = try CLI.run(["summary", "--store", store.path] + extra)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        return r
    }

    /// The cells of a table line, split on runs of two or more spaces.
    private func cells(_ line: String) -> [String] {
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func testTableOfTheBundledDataset() throws {
        let lines = CLI.lines(try summary().stdout)
        XCTAssertEqual(lines.count, 7, lines.joined(separator: "\n"))
        XCTAssertEqual(
            cells(lines[0]),
            [
                "country", "name", "deals", "committed_mw", "ambition_mw", "operational_mw", "unknown_mw_deals",
                "no_mw_deals", "vendors", "partners", "models", "next_milestone",
                "top_vendor", "top_vendor_share_pct", "hhi_committed", "hhi_ambition", "no_vendor_deals",
            ])
        XCTAssertTrue(lines[1].allSatisfy { $0 == "─" || $0 == " " })
        // The memory partnership is n/a, not unknown; the two gigawatt-scale targets make an approximate total.
        XCTAssertEqual(
            Array(cells(lines[2]).prefix(9)),
            ["KR", "South Korea", "3", "55", "≈2,000", "-", "0", "1", "NVIDIA, SK hynix"])
        XCTAssertEqual(Array(cells(lines[2]).suffix(6)), [krNext, "NVIDIA", "100%", "10,000", "10,000", "0"])
        XCTAssertEqual(
            Array(cells(lines[3]).suffix(5)), ["-", "-", "-", "-", "0"], "France states no MW: no share, no index")
        XCTAssertEqual(Array(cells(lines[3]).prefix(9)), ["FR", "France", "1", "-", "-", "-", "1", "0", "NVIDIA"])
        XCTAssertEqual(
            Array(cells(lines[4]).prefix(9)), ["GB", "United Kingdom", "1", "-", "-", "-", "1", "0", "NVIDIA"])
        XCTAssertTrue(lines[5].allSatisfy { $0 == "─" || $0 == " " })
        XCTAssertEqual(
            Array(cells(lines[6]).prefix(9)),
            ["total", "3 countries", "5", "55", "≈2,000", "-", "2", "1", "NVIDIA, SK hynix"])
    }

    func testJSON() throws {
        let out = try summary("--format", "json").stdout
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["country"] as? String }, ["KR", "FR", "GB"], "no total row in JSON")
        let kr = rows[0]
        XCTAssertEqual(kr["name"] as? String, "South Korea")
        XCTAssertEqual(kr["deals"] as? Int, 3)
        XCTAssertEqual(kr["committed_mw"] as? Double, 55)
        XCTAssertEqual(kr["ambition_mw"] as? Double, 2000)
        XCTAssertTrue(kr["operational_mw"] is NSNull, "unknown is null, never 0")
        XCTAssertEqual(kr["unknown_mw_deals"] as? Int, 0)
        XCTAssertEqual(kr["no_mw_deals"] as? Int, 1)
        XCTAssertEqual(kr["approx_mw"] as? [String], ["ambition_mw"])
        XCTAssertEqual(kr["vendors"] as? [String], ["NVIDIA", "SK hynix"])
        XCTAssertEqual(kr["partners"] as? [String], ["NAVER", "SK Telecom"])
        XCTAssertEqual((kr["models"] as? [String])?.count, 2)
        XCTAssertEqual(kr["next_milestone"] as? String, krNext)
        for r in rows.dropFirst() {
            XCTAssertTrue(r["committed_mw"] is NSNull)
            XCTAssertTrue(r["ambition_mw"] is NSNull)
            XCTAssertTrue(r["operational_mw"] is NSNull)
            XCTAssertTrue(r["next_milestone"] is NSNull)
            XCTAssertEqual(r["unknown_mw_deals"] as? Int, 1)
        }
        XCTAssertEqual(kr["top_vendor"] as? String, "NVIDIA")
        XCTAssertEqual(kr["top_vendor_share_pct"] as? Double, 100)
        XCTAssertEqual(kr["hhi_committed"] as? Double, 10_000)
        XCTAssertEqual(kr["hhi_ambition"] as? Double, 10_000)
        XCTAssertEqual(kr["no_vendor_deals"] as? Int, 0)
        XCTAssertTrue(rows[1]["hhi_ambition"] is NSNull, "no MW: no index, never 0")
        XCTAssertEqual(
            Set(kr.keys),
            [
                "country", "name", "deals", "committed_mw", "ambition_mw", "operational_mw", "unknown_mw_deals",
                "no_mw_deals", "vendors", "partners", "models", "next_milestone",
                "top_vendor", "top_vendor_share_pct", "hhi_committed", "hhi_ambition", "no_vendor_deals", "approx_mw",
            ])
    }

    /// A planned milestone already past is the row's next milestone, marked; `list --sort milestone` puts it first.
    func testAnOverdueMilestoneIsMarkedAndSortsFirst() throws {
        let store = try CLI.copy(CLI.fixture)
        let edit = try CLI.run([
            "edit", "fr-softbank-sesterce-sovereign-ai-factory", "--milestone", "2020-Q1:permit granted",
            "--milestone", "2099:phase 2", "--store", store.path,
        ])
        XCTAssertEqual(edit.status, 0, edit.stderr)
        let json = try CLI.run(["summary", "--format", "json", "--store", store.path])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(
            rows.first { $0["country"] as? String == "FR" }?["next_milestone"] as? String,
            "overdue 2020-Q1 permit granted")
        let list = try CLI.run(["list", "--sort", "milestone", "--format", "csv", "--store", store.path])
        XCTAssertEqual(
            CLI.lines(list.stdout).dropFirst().first?.hasPrefix("fr-softbank-sesterce-sovereign-ai-factory,"), true,
            list.stdout)
    }

    func testCSV() throws {
        let out = try summary("--format", "csv").stdout
        XCTAssertEqual(
            out.components(separatedBy: "\r\n"),
            [
                "country,name,deals,committed_mw,ambition_mw,operational_mw,unknown_mw_deals,no_mw_deals,vendors,partners,models,next_milestone,"
                    + "top_vendor,top_vendor_share_pct,hhi_committed,hhi_ambition,no_vendor_deals,approx_mw",
                "KR,South Korea,3,55,2000,,0,1,NVIDIA;SK hynix,NAVER;SK Telecom,HyperCLOVA X;Seoul World Model,\(krNext),"
                    + "NVIDIA,100,10000,10000,0,ambition_mw",
                "FR,France,1,,,,1,0,NVIDIA,Sesterce;SoftBank,,,,,,,0,",
                "GB,United Kingdom,1,,,,1,0,NVIDIA,,,,,,,,0,",
                "",
            ], "unknown is an empty cell; no total row in CSV")
    }

    func testMarkdownEndsWithTheTotal() throws {
        let lines = CLI.lines(try summary("--format", "md").stdout)
        XCTAssertEqual(lines.count, 6)
        XCTAssertEqual(
            lines[0],
            "| country | name | deals | committed_mw | ambition_mw | operational_mw | unknown_mw_deals | no_mw_deals | vendors | partners | models | next_milestone"
                + " | top_vendor | top_vendor_share_pct | hhi_committed | hhi_ambition | no_vendor_deals |")
        XCTAssertTrue(
            lines[2].hasPrefix("| KR | South Korea | 3 | 55 | ≈2,000 | - | 0 | 1 | NVIDIA, SK hynix |"), lines[2])
        XCTAssertTrue(lines[5].hasPrefix("| total | 3 countries | 5 | 55 | ≈2,000 | - | 2 | 1 |"), lines[5])
    }

    func testByVendor() throws {
        let lines = CLI.lines(try summary("--by", "vendor").stdout)
        XCTAssertEqual(cells(lines[0]).prefix(3), ["vendor", "countries", "deals"])
        XCTAssertEqual(Array(cells(lines[2]).prefix(8)), ["NVIDIA", "FR, GB, KR", "5", "55", "≈2,000", "-", "2", "1"])
        XCTAssertEqual(
            Array(cells(lines[3]).prefix(8)), ["SK hynix", "KR", "1", "-", "-", "-", "0", "1"],
            "SK hynix supplies the memory")
        XCTAssertEqual(lines.count, 6)
        XCTAssertTrue(lines[5].hasPrefix("total"))
        let csv = try summary("--by", "vendor", "--format", "csv").stdout
        XCTAssertTrue(
            csv.hasPrefix(
                "vendor,countries,deals,committed_mw,ambition_mw,operational_mw,unknown_mw_deals,no_mw_deals,"), csv)
        XCTAssertTrue(csv.contains("\r\nNVIDIA,FR;GB;KR,5,55,2000,,2,1,SK hynix,"), csv)
    }

    func testByVendorWithCoVendorsAndNone() throws {
        let store = try CLI.copy(CLI.fixture)
        XCTAssertEqual(
            try CLI.run(
                "add", "--store", store.path, "--id", "jp-x", "--title", "JP", "--country", "JP", "--announced", "2026",
                "--partner", "NVIDIA:vendor", "--partner", "Fujitsu:vendor", "--target-mw", "300", "--source",
                "https://x.test"
            ).status, 0)
        XCTAssertEqual(
            try CLI.run(
                "add", "--store", store.path, "--id", "de-y", "--title", "DE", "--country", "Germany", "--announced",
                "2026",
                "--initial-mw", "10", "--source", "https://y.test"
            ).status, 0)
        let r = try CLI.run("summary", "--store", store.path, "--by", "vendor", "--format", "json")
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["vendor"] as? String }, ["NVIDIA", "Fujitsu", "SK hynix", "(none)"])
        XCTAssertEqual(rows[0]["vendors"] as? [String], ["Fujitsu", "SK hynix"], "co-vendors")
        XCTAssertEqual(rows[0]["ambition_mw"] as? Double, 2300)
        XCTAssertEqual(rows[0]["countries"] as? [String], ["FR", "GB", "JP", "KR"])
        XCTAssertEqual(rows[1]["vendors"] as? [String], ["NVIDIA"])
        XCTAssertEqual(rows[3]["deals"] as? Int, 1)
        XCTAssertEqual(rows[3]["committed_mw"] as? Double, 10)
        XCTAssertEqual(rows[3]["countries"] as? [String], ["DE"])
        // Concentration: JP's 300 MW split 150/150; NVIDIA 2,150 of 2,300 ambition MW; JP's tie goes to the first name.
        XCTAssertEqual(rows[0]["ambition_share_pct"] as? Double, 93.48)
        XCTAssertEqual(rows[1]["ambition_share_pct"] as? Double, 6.52)
        XCTAssertEqual(rows[0]["committed_share_pct"] as? Double, 100, "only KR's 55 MW committed has a vendor")
        XCTAssertTrue(rows[1]["committed_share_pct"] is NSNull, "Fujitsu's deal states no committed MW: unknown, not 0")
        XCTAssertEqual(rows.map { $0["top_vendor_in"] as? Int }, [1, 1, 0, 0])
        XCTAssertTrue(rows[3]["ambition_share_pct"] is NSNull)
        XCTAssertNil(rows[2]["ambition_share_pct"] as? Double, "SK hynix's memory partnership has no MW to share")
    }

    func testFiltersApply() throws {
        let lines = CLI.lines(try summary("--country", "south korea", "--country", "FR").stdout)
        XCTAssertEqual(lines.count, 6)
        XCTAssertEqual(cells(lines[2]).first, "KR")
        XCTAssertEqual(cells(lines[3]).first, "FR")
        XCTAssertEqual(Array(cells(lines[5]).prefix(3)), ["total", "2 countries", "4"])
        let onlyBig = CLI.lines(try summary("--min-mw", "1000", "--format", "csv").stdout)
        XCTAssertEqual(onlyBig.count, 2)
        XCTAssertTrue(onlyBig[1].hasPrefix("KR,South Korea,2,55,2000,,0,"), onlyBig[1])
    }

    func testEmptySelection() throws {
        let json = try summary("--country", "JP", "--format", "json").stdout
        XCTAssertEqual(json, "[]\n")
        let table = CLI.lines(try summary("--country", "JP").stdout)
        XCTAssertTrue(table.last?.hasPrefix("total") ?? false, table.joined(separator: "\n"))
        XCTAssertTrue(table.last?.contains(" 0 ") ?? false)
    }

    func testOutputFileTakesItsFormatFromTheName() throws {
        let store = try CLI.copy(CLI.fixture)
        let dir = store.deletingLastPathComponent()
        for (name, check) in [
            ("s.md", "| total |"), ("s.csv", "country,name,deals"), ("s.json", "\"country\": \"KR\""),
            ("s.html", "<td>KR</td>"),
        ] {
            let out = dir.appendingPathComponent(name)
            let r = try CLI.run("summary", "--store", store.path, "--output", out.path)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, "", "nothing on stdout with --output")
            XCTAssertTrue(CLI.text(out)?.contains(check) ?? false, "\(name): \(CLI.text(out) ?? "missing")")
        }
        XCTAssertEqual(CLI.files(in: dir).filter { $0.contains(".tmp") }, [])
    }

    func testUsageErrors() throws {
        let store = try CLI.copy(CLI.fixture)
        let byBad = try CLI.run("summary", "--store", store.path, "--by", "partner")
        XCTAssertEqual(byBad.status, 64)
        CLI.assertNoCrash(byBad)
        CLI.assertUserError(
            try CLI.run("summary", "--store", store.path, "--country", "Korea"), code: 64,
            ["--country", "\"Korea\""])
        CLI.assertUserError(
            try CLI.run("summary", "--store", store.path, "--since", "2026-13-45"), code: 64,
            ["--since", "\"2026-13-45\" is not a partial date"])
    }
}
