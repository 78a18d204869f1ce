import DealKit
import Foundation
import XCTest
import TestSupport

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
        XCTAssertTrue(html.contains("<td class=\"n\">≈2,000<sup"), "KR's ambition MW, approximate: two gigawatt-scale targets")
        XCTAssertTrue(html.contains(Markup.escape(store.path)), "names the store")
        XCTAssertTrue(html.contains("no filter: every deal in the store"))
        // The fingerprint is what the printed command gives.
        let list = try CLI.run("list", "--store", store.path, "--sort", "id", "--format", "json")
        XCTAssertTrue(html.contains("sha256:\(SHA256.hex(Array(list.stdout.utf8)))"), "fingerprint of `list --sort id --format json`")
        XCTAssertTrue(html.contains("sovtrack list --store \(store.path) --sort id --format json | sha256sum"))
        XCTAssertEqual(CLI.files(in: out.deletingLastPathComponent()).filter { $0.contains(".tmp") }, [])
    }

    func testFilterIsShownAndApplied() throws {
        let store = try CLI.copy(CLI.fixture)
        let r = try CLI.run("report", "--store", store.path, "--country", "KR", "--vendor", "nvidia", "--format", "html")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("country KR · vendor nvidia"), "the filter, on standard output")
        XCTAssertTrue(r.stdout.contains("--country KR --vendor nvidia --sort id --format json | sha256sum"))
        XCTAssertFalse(r.stdout.contains("France"))
        let list = try CLI.run("list", "--store", store.path, "--country", "KR", "--vendor", "nvidia", "--sort", "id", "--format", "json")
        XCTAssertTrue(r.stdout.contains(SHA256.hex(Array(list.stdout.utf8))))
    }

    func testMarkdownWritesItsChartsBeside() throws {
        let store = try CLI.copy(CLI.fixture)
        let dir = store.deletingLastPathComponent()
        let r = try CLI.run("report", "--store", store.path, "--output", dir.appendingPathComponent("brief.md").path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(CLI.files(in: dir).filter { $0.hasPrefix("brief") },
                       ["brief-countries.svg", "brief-milestones.svg", "brief-vendors.svg", "brief.md"])
        let md = try XCTUnwrap(CLI.text(dir.appendingPathComponent("brief.md")))
        XCTAssertTrue(md.contains("![Committed and ambition MW per country](brief-countries.svg)"))
        XCTAssertTrue(CLI.text(dir.appendingPathComponent("brief-vendors.svg"))?.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") ?? false)
    }

    func testRefusals() throws {
        let store = try CLI.copy(CLI.fixture)
        CLI.assertUserError(try CLI.run("report", "--store", store.path, "--as-of", "June"), code: 64, ["--as-of", "\"June\""])
        CLI.assertUserError(try CLI.run("report", "--store", store.path, "--as-of", "2026-06-01", "--changes-since", "2026-07-01"),
                            code: 64, ["--changes-since", "after the report's day"])
        CLI.assertUserError(try CLI.run("report", "--store", store.path, "--format", "csv"), code: 64, ["--format", "md or html"])
        CLI.assertUserError(try CLI.run("report", "--store", store.path, "--format", "md"), code: 64, ["--output", "SVG"])
        CLI.assertUserError(try CLI.run("report", "--store", store.path, "--output", "/nonexistent-dir/x.html"), code: 73, ["/nonexistent-dir/x.html"])
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
