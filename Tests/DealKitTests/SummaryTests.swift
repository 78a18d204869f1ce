import TestSupport
import XCTest

@testable import DealKit

final class SummaryTests: XCTestCase {
    private func deal(
        _ id: String, _ country: String, initial: Double? = nil, target: Double? = nil, operational: Double? = nil,
        vendors: [String] = [], partners: [Partner] = [], models: [String] = [],
        milestones: [Milestone] = []
    ) -> Deal {
        let capacity =
            (initial == nil && target == nil && operational == nil)
            ? nil
            : Capacity(initialMW: initial, targetMW: target, operationalMW: operational)
        return Deal(
            id: id, title: id, country: country, announced: PartialDate("2026")!,
            partners: vendors.map { Partner(name: $0, role: .vendor) } + partners,
            capacity: capacity, models: models, milestones: milestones)
    }

    private func row(_ s: Summary, _ key: String, file: StaticString = #filePath, line: UInt = #line) -> Summary.Row? {
        let r = s.rows.first { $0.key == key }
        if r == nil { XCTFail("no row \(key) in \(s.rows.map(\.key))", file: file, line: line) }
        return r
    }

    func testDerivedFiguresPerDeal() {
        // The table of docs/format.md.
        XCTAssertEqual(Capacity(initialMW: 55, targetMW: 1000).committedMW, 55)
        XCTAssertEqual(Capacity(initialMW: 55, targetMW: 1000).ambitionMW, 1000)
        XCTAssertEqual(Capacity(initialMW: 100, operationalMW: 40).committedMW, 100)
        XCTAssertEqual(Capacity(initialMW: 100, operationalMW: 40).ambitionMW, 100)
        XCTAssertEqual(Capacity(initialMW: 40, operationalMW: 100).committedMW, 100, "committed is the larger")
        XCTAssertNil(Capacity(targetMW: 1000).committedMW)
        XCTAssertEqual(Capacity(targetMW: 1000).ambitionMW, 1000)
        XCTAssertEqual(Capacity(operationalMW: 7).committedMW, 7)
        XCTAssertNil(Capacity().committedMW)
        XCTAssertNil(Capacity().ambitionMW)
        XCTAssertEqual(Capacity(initialMW: 0).committedMW, 0, "zero is known")
        XCTAssertEqual(
            Capacity(initialMW: 500, targetMW: 100).ambitionMW, 100, "ambition is the target when known, even if lower")
        let none = deal("n", "KR")
        XCTAssertTrue(none.hasUnknownMW)
        XCTAssertNil(none.committedMW)
        XCTAssertFalse(deal("t", "KR", target: 5).hasUnknownMW)
        XCTAssertFalse(deal("o", "KR", operational: 0).hasUnknownMW)
    }

    func testSumsKnownFiguresAndCountsUnknownDeals() {
        let s = Summary(deals: [
            deal("a", "KR", initial: 55, target: 1000),
            deal("b", "KR", target: 1000),
            deal("c", "KR"),
            deal("d", "KR", initial: 10, operational: 20),
        ])
        let kr = row(s, "KR")
        XCTAssertEqual(kr?.name, "South Korea")
        XCTAssertEqual(kr?.deals, 4)
        XCTAssertEqual(kr?.committedMW, 75)  // 55 + 20; b and c have none
        XCTAssertEqual(kr?.ambitionMW, 2020)  // 1000 + 1000 + 20
        XCTAssertEqual(kr?.operationalMW, 20)
        XCTAssertEqual(kr?.unknownMWDeals, 1)
    }

    func testUnknownIsNeverZero() {
        let s = Summary(deals: [
            deal("a", "FR"), deal("b", "FR"), deal("c", "GB", target: 100), deal("z", "DE", initial: 0),
        ])
        let fr = row(s, "FR")
        XCTAssertNil(fr?.committedMW)
        XCTAssertNil(fr?.ambitionMW)
        XCTAssertNil(fr?.operationalMW)
        XCTAssertEqual(fr?.unknownMWDeals, 2)
        let gb = row(s, "GB")
        XCTAssertNil(gb?.committedMW, "a target alone commits nothing")
        XCTAssertEqual(gb?.ambitionMW, 100)
        XCTAssertNil(gb?.operationalMW)
        XCTAssertEqual(gb?.unknownMWDeals, 0)
        let de = row(s, "DE")
        XCTAssertEqual(de?.committedMW, 0, "a known zero sums to zero")
        XCTAssertEqual(de?.ambitionMW, 0)
        XCTAssertNil(de?.operationalMW)
    }

    func testTotalRowCountsEachDealOnce() {
        let s = Summary(deals: [
            deal("a", "KR", initial: 55, target: 1000, vendors: ["NVIDIA"]), deal("b", "FR"),
            deal("c", "GB", operational: 5, vendors: ["nvidia", "AMD"]),
        ])
        XCTAssertEqual(s.total.key, "total")
        XCTAssertEqual(s.total.deals, 3)
        XCTAssertEqual(s.total.committedMW, 60)
        XCTAssertEqual(s.total.ambitionMW, 1005)
        XCTAssertEqual(s.total.operationalMW, 5)
        XCTAssertEqual(s.total.unknownMWDeals, 1)
        XCTAssertEqual(s.total.countries, ["FR", "GB", "KR"])
        XCTAssertEqual(s.total.vendors, ["AMD", "NVIDIA"], "vendors once each, without case, as first written")
        XCTAssertNil(Summary(deals: [deal("x", "FR")]).total.committedMW)
        let empty = Summary(deals: [])
        XCTAssertEqual(empty.rows, [])
        XCTAssertEqual(empty.total.deals, 0)
        XCTAssertNil(empty.total.ambitionMW)
    }

    func testRowsOrderedByAmbitionUnknownLastThenKey() {
        let s = Summary(deals: [
            deal("a", "FR"), deal("b", "KR", target: 10), deal("c", "GB"), deal("d", "JP", target: 500),
            deal("e", "DE", target: 10),
        ])
        XCTAssertEqual(s.rows.map(\.key), ["JP", "DE", "KR", "FR", "GB"])
    }

    func testListsAndNextMilestone() {
        let m1 = Milestone(date: PartialDate("2027")!, event: "later")
        let m2 = Milestone(date: PartialDate("2026-H2")!, event: "sooner")
        let done = Milestone(date: PartialDate("2025")!, event: "done already", done: true)
        let s = Summary(deals: [
            deal(
                "a", "KR", vendors: ["NVIDIA"], partners: [Partner(name: "NAVER", role: .operator)],
                models: ["b-model", "A-model"], milestones: [m1, done]),
            deal(
                "b", "KR", vendors: ["NVIDIA"],
                partners: [Partner(name: "naver", role: .investor), Partner(name: "SKT", role: .customer)],
                models: ["a-model"], milestones: [m2]),
        ])
        let kr = row(s, "KR")
        XCTAssertEqual(kr?.vendors, ["NVIDIA"])
        XCTAssertEqual(kr?.partners, ["NAVER", "SKT"], "a partner in two roles or spellings is listed once")
        XCTAssertEqual(kr?.models, ["A-model", "b-model"])
        XCTAssertEqual(kr?.nextMilestone, m2, "the earliest milestone not done")
        XCTAssertEqual(kr?.nextMilestone?.summary, "2026-H2 sooner")
        XCTAssertNil(Summary(deals: [deal("x", "FR", milestones: [done])]).rows.first?.nextMilestone)
    }

    func testAnOverdueMilestoneIsShownFirstAndMarkedInEveryFormat() {
        let late = Milestone(date: PartialDate("2026-Q1")!, event: "phase 1 online")
        let soon = Milestone(date: PartialDate("2026-H2")!, event: "phase 2")
        let deals = [
            deal("a", "KR", milestones: [soon]), deal("b", "KR", milestones: [late]),
            deal("c", "JP", milestones: [soon]),
        ]
        let today = PartialDate("2026-06-10")!
        let s = Summary(deals: deals, by: .country, today: today)
        let kr = row(s, "KR")
        XCTAssertEqual(kr?.nextMilestone, late, "overdue in deal b comes before deal a's milestone to come")
        XCTAssertEqual(kr?.nextMilestoneText, "overdue 2026-Q1 phase 1 online")
        XCTAssertEqual(row(s, "JP")?.nextMilestoneText, "2026-H2 phase 2")
        XCTAssertEqual(s.total.nextMilestoneText, "overdue 2026-Q1 phase 1 online")
        XCTAssertEqual(
            Summary(deals: deals, by: .vendor, today: today).rows.first?.nextMilestoneText,
            "overdue 2026-Q1 phase 1 online")
        // Both cores (the way 10,000 deals and more are summed) give the same answer.
        XCTAssertEqual(Summary(deals: deals, by: .country, today: today, twoCoresFrom: 1), s)
        for format in [OutputFormat.csv, .json, .md, .table] {
            XCTAssertTrue(
                String(decoding: SummaryExport.render(s, as: format), as: UTF8.self).contains(
                    "overdue 2026-Q1 phase 1 online"), "\(format)")
        }
        // Before the quarter ended it was simply the next one.
        XCTAssertEqual(
            row(Summary(deals: deals, today: PartialDate("2026-03-31")!), "KR")?.nextMilestoneText,
            "2026-Q1 phase 1 online")
    }

    func testByVendorWithCoVendorsAndTheNoneRow() {
        let s = Summary(
            deals: [
                deal("a", "KR", initial: 55, target: 1000, vendors: ["NVIDIA", "Samsung"]),
                deal("b", "JP", target: 300, vendors: ["nvidia"]),
                deal("c", "FR", initial: 20, vendors: ["AMD", "NVIDIA"]),
                deal("d", "GB", initial: 1),
                deal("e", "DE"),
            ], by: .vendor)
        XCTAssertEqual(s.grouping, .vendor)
        XCTAssertEqual(s.rows.map(\.key), ["NVIDIA", "Samsung", "AMD", "(none)"])
        let nvidia = row(s, "NVIDIA")
        XCTAssertEqual(nvidia?.deals, 3, "spellings of one vendor are one row")
        XCTAssertEqual(nvidia?.countries, ["FR", "JP", "KR"])
        XCTAssertEqual(nvidia?.committedMW, 75)
        XCTAssertEqual(nvidia?.ambitionMW, 1320)
        XCTAssertEqual(nvidia?.vendors, ["AMD", "Samsung"], "the other vendors of its deals, not itself")
        XCTAssertEqual(row(s, "Samsung")?.vendors, ["NVIDIA"])
        XCTAssertEqual(row(s, "AMD")?.vendors, ["NVIDIA"])
        let none = row(s, Summary.noVendor)
        XCTAssertEqual(none?.deals, 2)
        XCTAssertEqual(none?.countries, ["DE", "GB"])
        XCTAssertEqual(none?.committedMW, 1)
        XCTAssertEqual(none?.unknownMWDeals, 1)
        XCTAssertEqual(none?.vendors, [])
        XCTAssertEqual(s.rows.last?.key, "(none)", "the (none) row comes last whatever its figures")
        // The total counts each deal once, although a deal with two vendors is in two rows.
        XCTAssertEqual(s.total.deals, 5)
        XCTAssertEqual(s.total.committedMW, 76)
        XCTAssertEqual(s.total.ambitionMW, 1321)
    }

    func testVendorNamedTwiceInOneDealCountsOnce() {
        let s = Summary(deals: [deal("a", "KR", target: 10, vendors: ["NVIDIA", "Nvidia"])], by: .vendor)
        XCTAssertEqual(s.rows.map(\.key), ["NVIDIA"])
        XCTAssertEqual(s.rows.first?.deals, 1)
        XCTAssertEqual(s.rows.first?.ambitionMW, 10)
    }

    func testBundledDatasetFigures() throws {
        let feed = FeedDecoder.decode(try FeedText.fixtureBytes()).feed
        let s = Summary(deals: feed.deals)
        XCTAssertEqual(s.rows.map(\.key), ["KR", "FR", "GB"])
        let kr = row(s, "KR")
        XCTAssertEqual(kr?.deals, 3)
        XCTAssertEqual(kr?.committedMW, 55)
        XCTAssertEqual(kr?.ambitionMW, 2000)
        XCTAssertEqual(kr?.approxAmbition, true, "two gigawatt-scale targets: the total is approximate")
        XCTAssertEqual(kr?.approxCommitted, false, "55 MW is a stated figure")
        XCTAssertNil(kr?.operationalMW)
        XCTAssertEqual(
            kr?.unknownMWDeals, 0, "the memory partnership has no MW because none apply, not because none are known")
        XCTAssertEqual(kr?.noMWDeals, 1)
        XCTAssertEqual(kr?.vendors, ["NVIDIA", "SK hynix"])
        XCTAssertEqual(kr?.partners, ["NAVER", "SK Telecom"])
        XCTAssertEqual(kr?.nextMilestone?.summary, "2026-H2 AI Agent Platform launch")
        for code in ["FR", "GB"] {
            let r = row(s, code)
            XCTAssertEqual(r?.deals, 1)
            XCTAssertNil(r?.committedMW)
            XCTAssertNil(r?.ambitionMW)
            XCTAssertEqual(r?.unknownMWDeals, 1)
        }
        XCTAssertEqual(s.total.deals, 5)
        XCTAssertEqual(s.total.unknownMWDeals, 2)
        XCTAssertEqual(s.total.noMWDeals, 1)
        let byVendor = Summary(deals: feed.deals, by: .vendor)
        XCTAssertEqual(
            byVendor.rows.map(\.key), ["NVIDIA", "SK hynix"], "SK hynix is credited: it supplies the memory")
        XCTAssertEqual(byVendor.rows.first?.countries, ["FR", "GB", "KR"])
        XCTAssertEqual(byVendor.rows.first?.vendors, ["SK hynix"])
        XCTAssertEqual(byVendor.rows.last?.noMWDeals, 1)
        XCTAssertEqual(byVendor.rows.last?.unknownMWDeals, 0)
    }

    func testExportFormatsShowUnknownAsUnknown() {
        let s = Summary(deals: [deal("a", "KR", initial: 55, target: 1000), deal("b", "FR")])
        let csv = String(decoding: SummaryExport.render(s, as: .csv), as: UTF8.self)
        XCTAssertEqual(
            csv,
            "country,name,deals,committed_mw,ambition_mw,operational_mw,unknown_mw_deals,no_mw_deals,vendors,partners,models,next_milestone,"
                + "top_vendor,top_vendor_share_pct,hhi_committed,hhi_ambition,no_vendor_deals,approx_mw\r\n"
                + "KR,South Korea,1,55,1000,,0,0,,,,,,,,,1,\r\n"
                + "FR,France,1,,,,1,0,,,,,,,,,1,\r\n")
        let json = String(decoding: SummaryExport.render(s, as: .json), as: UTF8.self)
        XCTAssertEqual(
            json,
            """
            [
              {"country": "KR", "name": "South Korea", "deals": 1, "committed_mw": 55, "ambition_mw": 1000, "operational_mw": null, "unknown_mw_deals": 0, "no_mw_deals": 0, "vendors": [], "partners": [], "models": [], "next_milestone": null, "top_vendor": null, "top_vendor_share_pct": null, "hhi_committed": null, "hhi_ambition": null, "no_vendor_deals": 1, "approx_mw": []},
              {"country": "FR", "name": "France", "deals": 1, "committed_mw": null, "ambition_mw": null, "operational_mw": null, "unknown_mw_deals": 1, "no_mw_deals": 0, "vendors": [], "partners": [], "models": [], "next_milestone": null, "top_vendor": null, "top_vendor_share_pct": null, "hhi_committed": null, "hhi_ambition": null, "no_vendor_deals": 1, "approx_mw": []}
            ]

            """)
        let table = String(decoding: SummaryExport.render(s, as: .table), as: UTF8.self)
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 6, table)  // header, rule, 2 rows, rule, total
        XCTAssertTrue(lines[3].hasPrefix("FR "), table)
        XCTAssertEqual(
            lines[3].split(separator: " ").prefix(7).map(String.init), ["FR", "France", "1", "-", "-", "-", "1"],
            "committed, ambition and operational unknown: \(lines[3])")
        XCTAssertEqual(
            lines[2].split(separator: " ").prefix(8).map(String.init),
            ["KR", "South", "Korea", "1", "55", "1,000", "-", "0"])
        XCTAssertTrue(lines[5].hasPrefix("total "), table)
        XCTAssertTrue(lines[5].contains("2 countries"), table)
        XCTAssertFalse(csv.contains("total"), "no total row in csv")
        XCTAssertFalse(json.contains("total"), "no total row in json")
        let md = String(decoding: SummaryExport.render(s, as: .md), as: UTF8.self)
        XCTAssertTrue(
            md.split(separator: "\n").last?.hasPrefix("| total | 2 countries | 2 | 55 | 1,000 | - | 1 |") ?? false, md)
    }

    func testEmptySummaryJSONIsAnEmptyArray() {
        XCTAssertEqual(String(decoding: SummaryExport.render(Summary(deals: []), as: .json), as: UTF8.self), "[]\n")
    }

    func testVendorColumnsInExports() {
        let s = Summary(deals: [deal("a", "KR", target: 10, vendors: ["NVIDIA"])], by: .vendor)
        XCTAssertEqual(SummaryExport.columns(.vendor).prefix(2), ["vendor", "countries"])
        let csv = String(decoding: SummaryExport.render(s, as: .csv), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("vendor,countries,deals,"), csv)
        XCTAssertTrue(csv.contains("\r\nNVIDIA,KR,1,,10,,0,"), csv)
        let json = String(decoding: SummaryExport.render(s, as: .json), as: UTF8.self)
        XCTAssertTrue(json.contains(#"{"vendor": "NVIDIA", "countries": ["KR"], "deals": 1"#), json)
    }

    func testTwoCoresGiveExactlyTheOneCoreSummary() {
        // Spellings that differ only in case in different countries, milestone dates that tie
        // across countries, unknown and decimal figures: the merged total must pick the same
        // spelling, milestone and sums as one pass in deal order.
        var rng = seededRandom(7)
        let countries = ["KR", "JP", "FR", "US", "GB", "SA", "AE", "IN", "DE"]
        let vendors = ["NVIDIA", "Nvidia", "nvidia", "AMD", "Amd", "Rebellions", "리벨리온", "FuriosaAI"]
        let partnerNames = ["SK hynix", "SK Hynix", "Samsung", "NAVER", "Naver Cloud", "ソフトバンク"]
        let dates = ["2027", "2027-H1", "2027-Q1", "2027-01", "2027-01-15", "2028"]
        var deals: [Deal] = []
        for i in 0..<600 {
            let mw: [Double?] = [nil, 55, 12.7, 0.3, 1000]
            deals.append(
                deal(
                    String(format: "d-%04d", i), countries[rng.below(countries.count)],
                    initial: mw[rng.below(5)], target: mw[rng.below(5)], operational: mw[rng.below(5)],
                    vendors: (0..<rng.below(3)).map { _ in vendors[rng.below(vendors.count)] },
                    partners: (0..<rng.below(3)).map { _ in
                        Partner(name: partnerNames[rng.below(partnerNames.count)], role: .investor)
                    },
                    models: (0..<rng.below(3)).map { _ in ["HyperCLOVA X", "hyperclova x", "A.X"][rng.below(3)] },
                    milestones: (0..<rng.below(3)).map { k in
                        Milestone(
                            date: PartialDate(dates[rng.below(dates.count)])!, event: "event \(i).\(k)",
                            done: rng.below(4) == 0)
                    }))
        }
        // The vendor summary totals every deal in one pass; the country one merges its rows.
        XCTAssertEqual(
            Summary(deals: deals, by: .country, twoCoresFrom: 0).total,
            Summary(deals: deals, by: .vendor, twoCoresFrom: .max).total)
        for grouping in Summary.Grouping.allCases {
            let one = Summary(deals: deals, by: grouping, twoCoresFrom: .max)
            let two = Summary(deals: deals, by: grouping, twoCoresFrom: 0)
            XCTAssertEqual(one, two, "\(grouping)")
            XCTAssertEqual(one.total.deals, 600)
        }
    }

    func testATrimmedDealSumsUpTheSame() throws {
        // `summary` keeps only what it reads of each deal: every column must come out the same.
        let feed = FeedDecoder.decode(
            FeedDecoderParallelTests.bigFeed(900) { i, d in
                d.models = i % 4 == 0 ? [] : ["HyperCLOVA X", "A.X"]
                d.milestones =
                    i % 3 == 0
                    ? [] : [Milestone(date: PartialDate("2027-Q\(1 + i % 4)")!, event: "phase \(i)", done: i % 5 == 0)]
                d.partners.append(
                    Partner(name: ["NAVER", "SK hynix", "Naver"][i % 3], role: i % 2 == 0 ? .investor : .vendor))
                d.sponsor = "Sponsor \(i)"
                d.notes = "note"
                d.tags = ["t"]
            }
        ).feed
        var trimmed = feed.deals
        for i in trimmed.indices { Summary.trim(&trimmed[i]) }
        XCTAssertEqual(trimmed[0].sources, [])
        XCTAssertEqual(trimmed[0].title, "")
        for grouping in Summary.Grouping.allCases {
            XCTAssertEqual(
                Summary(deals: trimmed, by: grouping), Summary(deals: feed.deals, by: grouping), "\(grouping)")
            for format in OutputFormat.allCases {
                XCTAssertEqual(
                    SummaryExport.render(Summary(deals: trimmed, by: grouping), as: format),
                    SummaryExport.render(Summary(deals: feed.deals, by: grouping), as: format), "\(grouping) \(format)")
            }
        }
    }

    func testConcentrationColumnsByCountry() {
        let s = Summary(deals: [
            deal("a", "KR", initial: 60, target: 300, vendors: ["NVIDIA"]),
            deal("b", "KR", initial: 40, target: 100, vendors: ["NVIDIA", "AMD"]),
            deal("c", "KR", vendors: ["Intel"]), deal("d", "KR", target: 50),
        ])
        // Ambition: NVIDIA 300 + 50, AMD 50 of 400 -> 87.5% and 12.5%; HHI 7,656.25 + 156.25 = 7,812.5.
        // Committed: NVIDIA 60 + 20, AMD 20 of 100 -> HHI 6,400 + 400 = 6,800.
        let csv = String(decoding: SummaryExport.render(s, as: .csv), as: UTF8.self).split(separator: "\r\n")
        XCTAssertTrue(
            csv[0].hasSuffix(",top_vendor,top_vendor_share_pct,hhi_committed,hhi_ambition,no_vendor_deals,approx_mw"),
            String(csv[0]))
        XCTAssertTrue(csv[1].hasSuffix(",NVIDIA,87.5,6800,7812.5,1,"), String(csv[1]))
        let table = String(decoding: SummaryExport.render(s, as: .table), as: UTF8.self)
        let kr = table.split(separator: "\n")[2]
        XCTAssertTrue(
            kr.hasSuffix("NVIDIA  87.5%  6,800  7,813  1")
                || kr.split(separator: " ").suffix(5) == ["NVIDIA", "87.5%", "6,800", "7,813", "1"], String(kr))
        let json = String(decoding: SummaryExport.render(s, as: .json), as: UTF8.self)
        XCTAssertTrue(
            json.contains(
                #""top_vendor": "NVIDIA", "top_vendor_share_pct": 87.5, "hhi_committed": 6800, "hhi_ambition": 7812.5, "no_vendor_deals": 1, "approx_mw": []}"#
            ), json)
    }

    func testConcentrationColumnsByVendor() {
        let s = Summary(
            deals: [
                deal("a", "KR", target: 300, vendors: ["NVIDIA"]), deal("b", "FR", target: 100, vendors: ["AMD"]),
                deal("c", "JP", vendors: ["AMD"]), deal("d", "GB", target: 10),
            ], by: .vendor)
        XCTAssertEqual(
            SummaryExport.columns(.vendor).suffix(3), ["committed_share_pct", "ambition_share_pct", "top_vendor_in"])
        let csv = String(decoding: SummaryExport.render(s, as: .csv), as: UTF8.self).split(separator: "\r\n").map(
            String.init)
        XCTAssertTrue(csv[1].hasPrefix("NVIDIA,") && csv[1].hasSuffix(",,75,1,"), csv[1])
        XCTAssertTrue(csv[2].hasPrefix("AMD,") && csv[2].hasSuffix(",,25,1,"), csv[2])
        XCTAssertTrue(
            csv[3].hasPrefix("(none),") && csv[3].hasSuffix(",,,0,"), "no vendor: no share, leads nowhere: \(csv[3])")
    }

    func testTopVendorCannotSmuggleAFormulaIntoCSV() {
        let s = Summary(deals: [deal("a", "KR", target: 10, vendors: ["=HYPERLINK(\"http://evil.example\")"])])
        let csv = String(decoding: SummaryExport.render(s, as: .csv), as: UTF8.self)
        let row = csv.split(separator: "\r\n")[1]
        XCTAssertFalse(
            row.contains(",=HYPERLINK") || row.contains(",\"=HYPERLINK"), "the top_vendor cell is neutralised: \(row)")
    }
}
