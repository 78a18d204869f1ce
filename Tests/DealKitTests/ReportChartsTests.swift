import XCTest

@testable import DealKit

final class ReportChartsTests: XCTestCase {
    private func deal(_ i: Int, _ country: String, target: Double?, vendor: String = "NVIDIA", year: Int = 2026) -> Deal
    {
        Deal(
            id: "d\(i)", title: "deal \(i)", country: country, announced: PartialDate("2026")!,
            partners: [Partner(name: vendor, role: .vendor)], capacity: target.map { Capacity(targetMW: $0) },
            milestones: [Milestone(date: PartialDate(String(year))!, event: "m", done: i % 2 == 0)],
            sources: [Source(title: "s\(i)")])
    }

    func testLogScaleOnlyBeyondTwoOrdersOfMagnitude() {
        XCTAssertFalse(ReportCharts.needsLogScale([5, 500]))
        XCTAssertTrue(ReportCharts.needsLogScale([5, 501]))
        XCTAssertFalse(ReportCharts.needsLogScale([0, 1, 100]), "zero is not on a log scale and does not force one")
        XCTAssertFalse(ReportCharts.needsLogScale([]))
    }

    func testChartsParseAndHoldTheFigures() throws {
        let r = MarkupCheck.report([
            deal(1, "KR", target: 1000), deal(2, "KR", target: 55, vendor: "AMD"),
            deal(3, "FR", target: 5), deal(4, "GB", target: nil),
        ])
        let mw = try MarkupCheck.parse(ReportCharts.countryMW(r), as: "svg")
        let texts = mw["texts"] as? [String] ?? []
        XCTAssertEqual(mw["root"] as? String, "svg")
        XCTAssertTrue(texts.contains("log scale"), "5 to 1,055 MW spans more than 100×: \(texts)")
        XCTAssertTrue(
            texts.contains("KR South Korea") && texts.contains("? → 1,055"),
            "committed unknown, ambition known: \(texts)")
        XCTAssertTrue(
            texts.contains("GB United Kingdom") && texts.contains("unknown"),
            "unknown is said, not drawn as 0: \(texts)")
        XCTAssertTrue(
            texts.contains("10") && texts.contains("1,000") && texts.contains("10,000"),
            "ticks at powers of ten: \(texts)")

        let shares = try MarkupCheck.parse(ReportCharts.vendorShares(r), as: "svg")
        let shareTexts = shares["texts"] as? [String] ?? []
        // KR: NVIDIA 1000 / 1055 = 94.8%, AMD 5.2%; HHI 8,985 + 27 = 9,012 (rounded).
        XCTAssertTrue(shareTexts.contains("94.8%"), "\(shareTexts)")
        XCTAssertTrue(shareTexts.contains("9,012"), "\(shareTexts)")
        XCTAssertTrue(shareTexts.contains("NVIDIA") && shareTexts.contains("AMD"), "legend: \(shareTexts)")

        let timeline = try MarkupCheck.parse(ReportCharts.timeline(r), as: "svg")
        XCTAssertEqual(timeline["root"] as? String, "svg")
        XCTAssertTrue((timeline["texts"] as? [String] ?? []).contains("2026"))
    }

    func testChartsAreAggregatedNotOneElementPerDeal() throws {
        // 3,000 deals in 40 countries, 9 vendors, 10 years: the charts' size depends on those counts only.
        let countries = Countries.all.prefix(40).map(\.code)
        let deals = (0..<3000).map {
            deal($0, countries[$0 % 40], target: Double($0 % 97 + 1), vendor: "V\($0 % 9)", year: 2020 + $0 % 10)
        }
        let r = MarkupCheck.report(deals)
        for (name, svg) in [
            ("countries", ReportCharts.countryMW(r)), ("vendors", ReportCharts.vendorShares(r)),
            ("milestones", ReportCharts.timeline(r)),
        ] {
            let info = try MarkupCheck.parse(svg, as: "svg")
            let elements = info["elements"] as? Int ?? .max
            XCTAssertLessThan(elements, 600, "\(name): \(elements) elements for 3,000 deals")
        }
        let shares = try MarkupCheck.parse(ReportCharts.vendorShares(r), as: "svg")
        XCTAssertTrue((shares["texts"] as? [String] ?? []).contains("20 more countries"))
    }

    func testEmptyReportSaysSo() throws {
        let r = MarkupCheck.report([])
        XCTAssertTrue(
            (try MarkupCheck.parse(ReportCharts.countryMW(r), as: "svg")["texts"] as? [String] ?? []).first?.hasPrefix(
                "No megawatt") ?? false)
        XCTAssertTrue(
            (try MarkupCheck.parse(ReportCharts.timeline(r), as: "svg")["texts"] as? [String] ?? []).first?.hasPrefix(
                "These deals have no milestones") ?? false)
        XCTAssertTrue(
            (try MarkupCheck.parse(ReportCharts.vendorShares(r), as: "svg")["texts"] as? [String] ?? []).first?
                .hasPrefix("No ambition MW") ?? false)
    }

    func testFiguresTooLargeToDrawNeitherTrapNorHang() throws {
        // 1e308 (the largest a feed can state) twice overflows the country's sum to infinity.
        let r = MarkupCheck.report([
            deal(1, "KR", target: 1e308), deal(2, "KR", target: 1e308, vendor: "AMD"),
            deal(3, "FR", target: 1e308), deal(4, "GB", target: Double.leastNonzeroMagnitude), deal(5, "DE", target: 5),
        ])
        for svg in [ReportCharts.countryMW(r), ReportCharts.vendorShares(r), ReportCharts.timeline(r)] {
            let info = try MarkupCheck.parse(svg, as: "svg")
            XCTAssertLessThan(info["elements"] as? Int ?? .max, 200)
            // Every coordinate is a number (the text may say "inf", as the tables do, for a sum past 1.8e308).
            XCTAssertNil(svg.range(of: #"=\"[^\"]*(nan|inf)"#, options: .regularExpression), svg)
        }
        XCTAssertNil(r.summary.concentration.row("KR")?.ambition.hhi, "no shares of an infinite total")
        XCTAssertEqual(r.summary.concentration.row("FR")?.ambition.hhi, 10_000)
        let html = String(decoding: ReportHTML.render(r), as: UTF8.self)
        XCTAssertEqual(try MarkupCheck.parse(html, as: "html")["unclosed"] as? [String], [])
    }

    func testAHugeFigureDrawsInsteadOfTrapping() throws {
        // Issue 11's corpus: a feed with targetMW 1E+308 made `report` trap (SIGILL) converting
        // an infinite coordinate to Int.
        for v in [1e308, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude] {
            let r = MarkupCheck.report([deal(1, "KR", target: v), deal(2, "JP", target: v, vendor: "AMD")])
            XCTAssertEqual(
                try MarkupCheck.parse(ReportCharts.countryMW(r), as: "svg")["root"] as? String, "svg", "\(v)")
            XCTAssertEqual(
                try MarkupCheck.parse(ReportCharts.vendorShares(r), as: "svg")["root"] as? String, "svg", "\(v)")
        }
        XCTAssertEqual(SVG.n(.infinity), "1000000000")
        XCTAssertEqual(SVG.n(-.infinity), "-1000000000")
        XCTAssertEqual(SVG.n(.nan), "0")
        XCTAssertEqual(SVG.n(12.345), "12.35")
    }
}
