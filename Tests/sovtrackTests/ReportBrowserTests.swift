import Foundation
import TestSupport
import XCTest

/// The report rendered by a real browser: headless Chromium draws it to a PNG, which must show
/// a page (not blank, the size asked) with no console message (no CSP violation, no error).
/// One Chromium renders every page of the run (`BrowserPages`), each in a tab of its own.
///
/// `.ci/run` installs Chromium (Debian's `chromium`). Without it the test fails in CI
/// (`CI=true`) and is skipped elsewhere, saying how to run it.
final class ReportBrowserTests: XCTestCase {
    static var chromium: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let path = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    private func browser() throws -> String {
        if let c = Self.chromium { return c }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("Chromium is missing in CI: .ci/run installs it (apt-get install -y chromium)")
            throw XCTSkip("failed above")
        }
        throw XCTSkip(
            "no Chromium: install it (apt-get install -y chromium) or run .ci/run to test the report in a browser")
    }

    /// The one Chromium of this run, started by the first test that renders (see `BrowserPages`).
    private static let browsers = LineProcess.Shared {
        guard let chromium = ReportBrowserTests.chromium else { throw LineProcessError(message: "no Chromium") }
        return try BrowserPages.start(chromium: chromium)
    }

    override class func tearDown() {
        browsers.close()
        super.tearDown()
    }

    /// Renders `page` at `width`×`height`: the screenshot's stats (as scripts/png-stats.py gives
    /// them), the console lines Chromium logged, and the DOM it built.
    private func render(_ page: URL, width: Int, height: Int) throws -> BrowserPages.Page {
        _ = try browser()
        return try BrowserPages.render(page, width: width, height: height, with: try Self.browsers.get())
    }

    private func assertRendered(_ page: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        // A plain run renders the desktop width; the whole suite (SOVTRACK_TEST_FULL=1) the phone width too.
        if !TestScale.isFull {
            print(
                "report in Chromium: the desktop width only; \(TestScale.variable)=1 (scripts/full-tests.sh, run by .ci/run) renders the phone width and the full Epoch snapshot too"
            )
        }
        for (w, h) in TestScale.isFull ? [(1000, 1600), (390, 1600)] : [(1000, 1600)] {
            let r = try render(page, width: w, height: h)
            let s = r.stats
            XCTAssertEqual(s["width"] as? Int, w, file: file, line: line)
            XCTAssertEqual(s["height"] as? Int, h, file: file, line: line)
            let ink = s["ink"] as? Double ?? 0
            XCTAssertGreaterThan(ink, 0.03, "the page looks blank at \(w)×\(h): \(s)", file: file, line: line)
            XCTAssertLessThan(ink, 0.6, "the page looks filled at \(w)×\(h): \(s)", file: file, line: line)
            XCTAssertGreaterThan(
                s["colours"] as? Int ?? 0, 20, "too few colours for text and charts: \(s)", file: file, line: line)
            XCTAssertEqual(r.console, [], "console messages at \(w)×\(h)", file: file, line: line)
            // The DOM the browser built holds the report's figures: it parsed the page whole.
            XCTAssertTrue(r.dom.contains("<h2>Sources</h2>"), "the DOM ends with the sources", file: file, line: line)
            XCTAssertEqual(r.dom.components(separatedBy: "<svg").count - 1, 3, "three charts", file: file, line: line)
        }
    }

    private func report(store: URL) throws -> URL {
        let page = store.deletingLastPathComponent().appendingPathComponent("report.html")
        let r = try CLI.run("report", "--store", store.path, "--output", page.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        return page
    }

    func testBundledDataReportRenders() throws {
        _ = try browser()
        try assertRendered(try report(store: try CLI.copy(CLI.fixture)))
    }

    func testEpochImportReportRenders() throws {
        _ = try browser()
        var csvs = [PackageRoot.fixture("epoch-excerpt.csv").path]
        // The full snapshot beside the repository, where CI and this machine have it, in the whole suite.
        let full = PackageRoot.url.deletingLastPathComponent().appendingPathComponent(
            "shared/data/epoch/gpu_clusters.csv"
        ).path
        if TestScale.isFull && FileManager.default.fileExists(atPath: full) { csvs.append(full) }
        for csv in csvs {
            let store = try TemporaryDirectory.make().appendingPathComponent("deals.json")
            let imported = try CLI.run("import", "--from", "epoch", csv, "--store", store.path)
            XCTAssertEqual(imported.status, 0, imported.stderr)
            try assertRendered(try report(store: store))
        }
    }

    func testHostileReportRendersWithoutConsoleMessages() throws {
        _ = try browser()
        // A script or a blocked fetch would log a console message (the CSP refuses both).
        try assertRendered(try report(store: try CLI.copy(PackageRoot.fixture("report-hostile.json"))))
    }

    func testConsoleCheckSeesAScript() throws {
        _ = try browser()
        // The control: a page that runs a script under the same policy is caught by the console check.
        let page = try CLI.write(
            """
            <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>
            <body><p>x</p><script>console.log("ran")</script></body></html>
            """, as: "bad.html")
        let console = try render(page, width: 400, height: 300).console
        XCTAssertFalse(console.isEmpty, "the CSP refusal of the script is logged")
        XCTAssertFalse(console.contains("ran"), "the script did not run: \(console)")
    }
}
