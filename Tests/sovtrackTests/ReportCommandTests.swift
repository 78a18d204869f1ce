import DealKit
import Foundation
import TestSupport
import XCTest

/// `sovtrack report`, run as a user runs it.
final class ReportCommandTests: XCTestCase {
    func testHTMLReportOfTheBundledData() throws {
        let store = try CLI.copy(CLI.fixture)
        let out = store.deletingLastPathComponent().appendingPathComponent("briefing.html")
        let r = try CLI.run("report", "--store", store.path, "--output", out.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "")
        let html = try XCTUnwrap(CLI.text(out))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(
            html.contains("<td class=\"n\">≈2,000<sup"), "KR's ambition MW, approximate: two gigawatt-scale targets")
        XCTAssertTrue(html.contains(Markup.escape(store.path)), "names the store")
        XCTAssertTrue(html.contains("no filter: every deal in the store"))
        // The fingerprint is what the printed command gives.
        let list = try CLI.run("list", "--store", store.path, "--sort", "id", "--format", "json")
        XCTAssertTrue(
            html.contains("sha256:\(SHA256.hex(Array(list.stdout.utf8)))"),
            "fingerprint of `list --sort id --format json`")
        XCTAssertTrue(html.contains("sovtrack list --store \(store.path) --sort id --format json | sha256sum"))
        XCTAssertEqual(CLI.files(in: out.deletingLastPathComponent()).filter { $0.contains(".tmp") }, [])
    }

    func testFilterIsShownAndApplied() throws {
        let store = try CLI.copy(CLI.fixture)
        let r = try CLI.run(
            "report", "--store", store.path, "--country", "KR", "--vendor", "nvidia", "--format", "html")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("country KR · vendor nvidia"), "the filter, on standard output")
        XCTAssertTrue(r.stdout.contains("--country KR --vendor nvidia --sort id --format json | sha256sum"))
        XCTAssertFalse(r.stdout.contains("France"))
        let list = try CLI.run(
            "list", "--store", store.path, "--country", "KR", "--vendor", "nvidia", "--sort", "id", "--format", "json")
        XCTAssertTrue(r.stdout.contains(SHA256.hex(Array(list.stdout.utf8))))
    }

    func testMarkdownWritesItsChartsBeside() throws {
        let store = try CLI.copy(CLI.fixture)
        let dir = store.deletingLastPathComponent()
        let r = try CLI.run("report", "--store", store.path, "--output", dir.appendingPathComponent("brief.md").path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(
            CLI.files(in: dir).filter { $0.hasPrefix("brief") },
            ["brief-countries.svg", "brief-milestones.svg", "brief-vendors.svg", "brief.md"])
        let md = try XCTUnwrap(CLI.text(dir.appendingPathComponent("brief.md")))
        XCTAssertTrue(md.contains("![Committed and ambition MW per country](brief-countries.svg)"))
        XCTAssertTrue(
            CLI.text(dir.appendingPathComponent("brief-vendors.svg"))?.hasPrefix(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"") ?? false)
    }

    /// The changes of the period and `--as-of` come from the store's history (one reading of
    /// the store gives the report's deals and the deals before the period).
    func testChangesOfThePeriodAndAsOfFollowTheHistory() throws {
        let store = try CLI.copy(CLI.fixture)
        let id = "kr-naver-nvidia-dsx-sejong"
        var r = try CLI.run("report", "--store", store.path, "--format", "html")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("This store has no recorded revision"), "no history yet")
        r = try CLI.run("edit", id, "--target-mw", "500", "--note", "cut", "--store", store.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try CLI.run("report", "--store", store.path, "--format", "html")
        XCTAssertEqual(r.status, 0, r.stderr)
        // The cut (a setback) and its target no longer approximate: two changes of one edit.
        XCTAssertTrue(
            r.stdout.contains("2 changes to these deals from ") && r.stdout.contains("1 of them setbacks"), r.stdout)
        XCTAssertTrue(
            r.stdout.contains(
                "<tr><td>!</td><td>\(id)</td><td>capacity.targetMW revised down by 500 MW (1000 → 500)</td></tr>"),
            "the cut, marked as a setback")
        XCTAssertTrue(r.stdout.contains("<td class=\"n\">≈1,500<sup"), "KR's ambition after the cut")
        // A filter that leaves the deal out leaves its change out.
        r = try CLI.run("report", "--store", store.path, "--country", "FR", "--format", "html")
        XCTAssertTrue(r.stdout.contains("No change to these deals from "), r.stdout)
        // As the store stood before the edit: the figure before the cut, and no revision yet then.
        r = try CLI.run("report", "--store", store.path, "--as-of", "2026-01", "--format", "html")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("<td class=\"n\">≈2,000<sup"), "KR's ambition before the cut")
        XCTAssertTrue(
            r.stdout.contains(
                "This store has no recorded revision, so the changes from 2026-01-24 to 2026-01 cannot be told"),
            r.stdout)
        // --changes-since reaching back before the edit, up to today: the cut is listed.
        r = try CLI.run(
            "report", "--store", store.path, "--changes-since", "2026-01-01", "--format", "md", "--output",
            store.deletingLastPathComponent().appendingPathComponent("r.md").path)
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try XCTUnwrap(CLI.text(store.deletingLastPathComponent().appendingPathComponent("r.md")))
        XCTAssertTrue(md.contains("2 changes to these deals from 2026-01-01 to "), md)
    }

    /// A filtered report keeps only the deals its filter passes as it reads the store, unless
    /// the history it undoes touches a deal the filter lets go now: a deal moved out of KR
    /// today was in KR as of January, and in KR at the start of the week's changes.
    func testAFilteredReportUndoesTheHistoryOfDealsItsFilterLetsGoNow() throws {
        let store = try CLI.copy(CLI.fixture)
        let id = "kr-naver-nvidia-dsx-sejong"
        var r = try CLI.run("edit", id, "--country", "JP", "--note", "moved", "--store", store.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try CLI.run("report", "--store", store.path, "--country", "KR", "--as-of", "2026-01", "--format", "html")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("<td class=\"n\">≈2,000<sup"), "KR's ambition as of January, with the deal")
        r = try CLI.run("report", "--store", store.path, "--country", "KR", "--format", "html")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("<td class=\"n\">≈2,000<sup"), "KR now, without the deal")
        XCTAssertTrue(r.stdout.contains("<td>\(id)</td>"), "its move out of KR is among the week's changes")
        // Without a history to undo, the filtered read is the whole read filtered.
        let fresh = try CLI.copy(CLI.fixture)
        r = try CLI.run("report", "--store", fresh.path, "--country", "KR", "--format", "html")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("<td class=\"n\">≈2,000<sup"))
        XCTAssertFalse(r.stdout.contains("France"))
    }

    /// A Markdown report is its .md and three SVGs: a refusal of any of them writes none (the
    /// charts used to be written before an existing .md was refused).
    func testAMarkdownReportRefusedWritesNothing() throws {
        let store = try CLI.copy(CLI.fixture)
        let dir = store.deletingLastPathComponent()
        let md = dir.appendingPathComponent("brief.md")
        try Data("mine\n".utf8).write(to: md)
        CLI.assertUserError(
            try CLI.run("report", "--store", store.path, "--output", md.path), code: 73,
            ["brief.md", "exists", "--force"])
        XCTAssertEqual(CLI.files(in: dir), ["brief.md", "deals.json"], "no chart written beside the refused .md")
        XCTAssertEqual(CLI.text(md), "mine\n")
        // An existing chart is refused the same way, and the .md is not written either.
        try FileManager.default.removeItem(at: md)
        let chart = dir.appendingPathComponent("brief-vendors.svg")
        try Data("<svg/>".utf8).write(to: chart)
        CLI.assertUserError(
            try CLI.run("report", "--store", store.path, "--output", md.path), code: 73,
            ["brief-vendors.svg", "exists"])
        XCTAssertEqual(CLI.files(in: dir), ["brief-vendors.svg", "deals.json"])
        XCTAssertEqual(CLI.text(chart), "<svg/>")
        // With --force, all four are written.
        let r = try CLI.run("report", "--store", store.path, "--output", md.path, "--force")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(
            CLI.files(in: dir),
            ["brief-countries.svg", "brief-milestones.svg", "brief-vendors.svg", "brief.md", "deals.json"])
        XCTAssertNotEqual(CLI.text(chart), "<svg/>")
    }

    func testRefusals() throws {
        let store = try CLI.copy(CLI.fixture)
        CLI.assertUserError(
            try CLI.run("report", "--store", store.path, "--as-of", "June"), code: 64, ["--as-of", "\"June\""])
        CLI.assertUserError(
            try CLI.run("report", "--store", store.path, "--as-of", "2026-06-01", "--changes-since", "2026-07-01"),
            code: 64, ["--changes-since", "after the report's day"])
        CLI.assertUserError(
            try CLI.run("report", "--store", store.path, "--format", "csv"), code: 64, ["--format", "md or html"])
        CLI.assertUserError(
            try CLI.run("report", "--store", store.path, "--format", "md"), code: 64, ["--output", "SVG"])
        CLI.assertUserError(
            try CLI.run("report", "--store", store.path, "--output", "/nonexistent-dir/x.html"), code: 73,
            ["/nonexistent-dir/x.html"])
        XCTAssertEqual(CLI.files(in: store.deletingLastPathComponent()), ["deals.json"], "nothing written")
    }

    func testHostileFeedReportHasNoLiveMarkup() throws {
        let store = try CLI.copy(PackageRoot.fixture("report-hostile.json"))
        let r = try CLI.run("report", "--store", store.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.lowercased().contains("<script"))
        XCTAssertFalse(r.stdout.lowercased().contains("href=\"javascript"))
        XCTAssertFalse(r.stdout.contains("onerror="))
        XCTAssertTrue(r.stdout.contains("&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;"))
    }
}
