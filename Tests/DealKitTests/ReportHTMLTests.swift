import XCTest

@testable import DealKit

final class ReportHTMLTests: XCTestCase {
    private func html(_ r: Report) -> String { String(decoding: ReportHTML.render(r), as: UTF8.self) }

    func testBundledReportParsesAndHoldsTheNumbers() throws {
        let deals = try MarkupCheck.fixture("deals.json")
        let r = MarkupCheck.report(deals, filter: "country KR|FR|GB")
        let page = html(r)
        let info = try MarkupCheck.parse(page, as: "html")
        XCTAssertEqual(info["unclosed"] as? [String], [], "every element closed")
        XCTAssertEqual(info["stray_end"] as? [String], [])
        XCTAssertEqual(info["svgs"] as? Int, 3, "three inline charts, each well-formed XML")
        XCTAssertEqual(info["scripts"] as? Int, 0)
        XCTAssertEqual(info["srcs"] as? [String], [], "nothing fetched")
        let text = info["text"] as? String ?? ""
        for expected in [
            "Test briefing", "2026-07-01", "country KR|FR|GB", "/tmp/store.json", "sha256:\(r.fingerprint)",
            "South Korea", "2,000", "55", "10,000", "NVIDIA", "Changes of the period",
            "made without the store's history",
            "Nvidia Is Now Selling Nations Their Own AI Factories",
        ] {
            XCTAssertTrue(text.contains(expected), "missing \(expected)")
        }
        // Each source listed is a numbered item the table's citations link to.
        let hrefs = info["hrefs"] as? [String] ?? []
        for n in 1...r.sources.entries.count { XCTAssertTrue(page.contains("<li id=\"s\(n)\">"), "source \(n)") }
        XCTAssertTrue(hrefs.contains("#s1"))
        XCTAssertTrue(
            hrefs.allSatisfy { $0.hasPrefix("#s") || $0.hasPrefix("https://") || $0.hasPrefix("http://") }, "\(hrefs)")
        // The KR row: 3 deals, 55 committed, 2,000 ambition, each with its citations.
        XCTAssertTrue(page.contains("<td class=\"n\">3<sup class=\"cite\">["), page)
        XCTAssertTrue(page.contains("<td class=\"n\">55<sup class=\"cite\">"))
        XCTAssertTrue(
            page.contains("<td class=\"n\">≈2,000<sup class=\"cite\">"), "two gigawatt-scale targets: approximate")
    }

    func testChangesOfThePeriodFromTheHistory() throws {
        let deals = try MarkupCheck.fixture("deals.json")
        var cut = deals
        let i = try XCTUnwrap(cut.firstIndex { $0.capacity?.targetMW != nil })
        cut[i].capacity?.targetMW = 500
        var r = MarkupCheck.report(cut)
        let changes = DealDiff.changes(from: deals, to: cut)
        r.context.changes = Report.Changes(since: "2026-06-24", until: "2026-07-01", hasHistory: true, list: changes)
        let page = html(r)
        XCTAssertTrue(page.contains("1 change to these deals from 2026-06-24 to 2026-07-01, 1 of them setbacks"), page)
        XCTAssertTrue(page.contains("<td>!</td><td>\(cut[i].id)</td><td>capacity.targetMW revised down"), page)
        XCTAssertNoThrow(try MarkupCheck.parse(page, as: "html"))
        let md = String(
            decoding: ReportMarkdown.render(r, path: "/tmp/r.md").first { $0.path.hasSuffix(".md") }!.bytes,
            as: UTF8.self)
        XCTAssertTrue(md.contains("| ! | \(Markup.markdown(cut[i].id)) | capacity.targetMW revised down"), md)
        // Without revisions the report says why it cannot tell, rather than "no change".
        r.context.changes = Report.Changes(since: "2026-06-24", until: "2026-07-01", hasHistory: false, list: [])
        XCTAssertTrue(html(r).contains("This store has no recorded revision"))
        r.context.changes = nil
        XCTAssertTrue(html(r).contains(Markup.escape(Report.noHistory)))
    }

    func testSelfContainedNoScriptResponsivePrintable() {
        let page = html(MarkupCheck.report([]))
        XCTAssertTrue(
            page.contains("Content-Security-Policy\" content=\"default-src 'none'"), "scripts and fetches forbidden")
        XCTAssertTrue(page.contains("name=\"viewport\""))
        XCTAssertTrue(page.contains("@media (max-width:"), "phone layout")
        XCTAssertTrue(page.contains("@media print"), "print layout")
        XCTAssertFalse(page.contains("<script"))
        XCTAssertFalse(page.contains("<link"))
        XCTAssertFalse(page.contains("url("), "no CSS fetch")
        XCTAssertTrue(page.contains("These deals cite no sources."))
    }

    func testHostileFeedGivesNoLiveMarkup() throws {
        let deals = try MarkupCheck.fixture("report-hostile.json")
        XCTAssertEqual(deals.count, 2)
        let page = html(MarkupCheck.report(deals))
        let info = try MarkupCheck.parse(page, as: "html")
        XCTAssertEqual(info["scripts"] as? Int, 0, "no <script> element")
        XCTAssertEqual(info["event_attributes"] as? [String], [], "no on* attribute")
        XCTAssertEqual(info["srcs"] as? [String], [])
        XCTAssertEqual(info["unclosed"] as? [String], [])
        XCTAssertEqual(info["stray_end"] as? [String], [], "no feed text closed an element")
        let allowed: Set<String> = [
            "a", "b", "body", "br", "circle", "cite", "code", "dd", "div", "dl", "dt", "figcaption", "figure",
            "footer", "h1", "h2", "head", "header", "html", "li", "line", "main", "meta", "ol", "p",
            "rect", "section", "span", "style", "sup", "svg", "table", "tbody", "td", "text", "tfoot",
            "th", "thead", "title", "tr",
        ]
        let tags = Set(info["tags"] as? [String] ?? [])
        XCTAssertTrue(tags.isSubset(of: allowed), "unexpected elements: \(tags.subtracting(allowed))")
        let hrefs = info["hrefs"] as? [String] ?? []
        let links = hrefs.filter { !$0.hasPrefix("#s") }
        XCTAssertEqual(links, ["https://example.com/report?a=1&b=2"], "only the http(s) URL is a link")
        XCTAssertEqual(page.components(separatedBy: "<style>").count, 2, "the feed's <style> is text")
        let text = info["text"] as? String ?? ""
        XCTAssertTrue(text.contains("</text></svg><script>alert('vendor')</script>"), "hostile text is shown as text")
        XCTAssertTrue(text.contains("</title><script>alert('milestone')</script>"))
        XCTAssertTrue(text.contains("javascript:alert('url')"), "an unsafe URL is shown as text")
        XCTAssertFalse(page.contains("\u{1B}"), "no raw escape character")
    }
}
