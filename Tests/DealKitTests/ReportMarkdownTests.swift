import XCTest

@testable import DealKit

final class ReportMarkdownTests: XCTestCase {
    func testWritesTheChartsBesideAndLinksThem() throws {
        let r = MarkupCheck.report(try MarkupCheck.fixture("deals.json"))
        let files = ReportMarkdown.render(r, path: "out/brief ing.md")
        XCTAssertEqual(
            files.map(\.path),
            [
                "out/brief ing-countries.svg", "out/brief ing-vendors.svg", "out/brief ing-milestones.svg",
                "out/brief ing.md",
            ])
        let md = String(decoding: files[3].bytes, as: UTF8.self)
        XCTAssertTrue(md.contains("](brief%20ing-countries.svg)"), md)
        XCTAssertTrue(md.contains("](brief%20ing-vendors.svg)"))
        XCTAssertTrue(md.contains("](brief%20ing-milestones.svg)"))
        for svg in files.prefix(3) {
            XCTAssertEqual(
                try MarkupCheck.parse(String(decoding: svg.bytes, as: UTF8.self), as: "svg")["root"] as? String, "svg")
        }
        XCTAssertTrue(md.contains("| KR South Korea | 3 [1–5] | 55 [1–5] | ≈2,000 [1–5] | - | 0 |"), md)
        XCTAssertTrue(md.contains("`sha256:\(r.fingerprint)`"))
        XCTAssertTrue(md.contains("1. Nvidia Is Now Selling Nations Their Own AI Factories\n"))
        XCTAssertEqual(ReportMarkdown.render(r, path: "b.md").map(\.path).first, "b-countries.svg")
    }

    func testHostileFeedGivesNoLiveMarkdown() throws {
        let r = MarkupCheck.report(try MarkupCheck.fixture("report-hostile.json"))
        let md = ReportMarkdown.markdown(r, charts: ReportMarkdown.chartNames(for: "h.md"))
        XCTAssertFalse(md.contains("<script"), "no raw tag")
        XCTAssertFalse(md.contains("<img"))
        XCTAssertFalse(md.contains("<iframe"))
        XCTAssertFalse(md.contains("<style"))
        XCTAssertFalse(
            Self.linkTargets(md).contains { $0.lowercased().hasPrefix("javascript") }, "no Markdown link to a script")
        XCTAssertFalse(md.contains("![pixel]("), "no image from the feed")
        XCTAssertFalse(md.contains("\u{1B}"))
        // Autolinks (<...>) only for the one http(s) URL; every other < is an entity.
        let autolinks = md.components(separatedBy: "<").dropFirst().map { String($0.prefix { $0 != ">" }) }
        XCTAssertEqual(autolinks, ["https://example.com/report?a=1&b=2"], md)
        XCTAssertEqual(
            Self.linkTargets(md), ["h-countries.svg", "h-vendors.svg", "h-milestones.svg"],
            "only the report's own charts are linked")
    }

    /// The targets of the links and images of `md`: what follows each `](` whose `]` no
    /// backslash escapes (an escaped `\]` cannot close a link).
    static func linkTargets(_ md: String) -> [String] {
        let pieces = md.components(separatedBy: "](")
        return zip(pieces, pieces.dropFirst()).filter { !$0.0.hasSuffix("\\") }.map {
            String($0.1.prefix { $0 != ")" })
        }
    }
}
