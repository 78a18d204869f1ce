import DealKit
import XCTest

@testable import DealTUI

final class ViewExportTests: XCTestCase {
    func testEachViewExportsThroughDealKitInEveryFormat() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), filter: DealFilter(countries: ["KR"]))
        for view in ViewID.allCases {
            AppReducer.switchView(&s, view)
            for format in ViewExport.offered where format != .html {
                let (name, bytes, _) = ViewExport.make(s, format: format, stamp: "20260610-120000")
                XCTAssertTrue(name.hasPrefix("sovtrack-\(view.title.lowercased())-20260610-120000."), name)
                XCTAssertTrue(name.hasSuffix("." + format.rawValue))
                XCTAssertFalse(bytes.isEmpty)
                if format == .json {
                    let text = String(decoding: bytes, as: UTF8.self)
                    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(bytes)), text)
                    if view == .deals || view == .timeline {
                        let r = FeedDecoder.decode(bytes)
                        XCTAssertFalse(r.hasErrors)
                        XCTAssertEqual(r.feed.deals.count, 3)
                    }
                }
            }
        }
        let (name, bytes, what) = ViewExport.make(s, format: .csv, stamp: "x")
        XCTAssertEqual(name, "sovtrack-timeline-x.csv")
        XCTAssertEqual(what, "3 deals")
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).count, 4)
    }

    func testATableExportIsTheTextListPrintsInATxtFile() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), filter: DealFilter(countries: ["KR"]))
        AppReducer.switchView(&s, .deals)
        let (name, bytes, _) = ViewExport.make(s, format: .table, stamp: "t")
        XCTAssertEqual(name, "sovtrack-deals-t.txt")
        let shown = s.results.rows.map { s.catalog.deals[Int($0)] }
        XCTAssertEqual(bytes, ListExport.render(shown, as: .table, updated: s.catalog.feed.updated))
        XCTAssertFalse(ViewExport.offered.contains(.table), "x offers no table export")
    }

    func testTheDetailExportsItsOneDeal() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        AppReducer.reduce(&s, .char("2"))
        AppReducer.reduce(&s, .enter)
        let (name, bytes, _) = ViewExport.make(s, format: .json, stamp: "s")
        XCTAssertEqual(name, "sovtrack-deal-\(s.detail!.id)-s.json")
        XCTAssertEqual(FeedDecoder.decode(bytes).feed.deals.map(\.id), [s.detail!.id])
    }

    func testTheDetailsMarkdownHoldsTheWholeDeal() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        AppReducer.reduce(&s, .char("2"))
        while s.selectedDealID != "kr-naver-nvidia-dsx-sejong" { AppReducer.reduce(&s, .down) }
        AppReducer.reduce(&s, .enter)
        let md = String(decoding: ViewExport.make(s, format: .md, stamp: "s").bytes, as: UTF8.self)
        let d = s.catalog.deals[Int(s.detail!.deal)]
        XCTAssertTrue(md.hasPrefix("# \(d.title)"), md)
        XCTAssertTrue(md.contains("| partners | ") && md.contains("NAVER (operator)"), md)
        XCTAssertTrue(md.contains("## Timeline") && md.contains("announced"), md)
        for m in d.milestones { XCTAssertTrue(md.contains(m.event), m.event) }
        XCTAssertTrue(md.contains("## Sources"), md)
        for src in d.sources { XCTAssertTrue(md.contains(src.url ?? "-"), md) }
    }

    func testReportIsOfTheFilterWhateverTheView() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), filter: DealFilter(countries: ["KR"]))
        AppReducer.reduce(&s, .char("x"))
        XCTAssertEqual(AppReducer.reduce(&s, .char("r")), [.export(.html)], "x then r asks for the report")
        for view in ViewID.allCases {
            AppReducer.switchView(&s, view)
            let (name, bytes, what) = ViewExport.make(s, format: .html, stamp: "20260610-120000")
            XCTAssertEqual(name, "sovtrack-report-20260610-120000.html")
            XCTAssertEqual(what, "the report of 3 deals")
            let html = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
            XCTAssertTrue(html.contains("country KR"), "the filter")
            XCTAssertTrue(
                html.contains("--country KR --sort id --format json | sha256sum"), "how to check the fingerprint")
            XCTAssertFalse(html.contains("France"), "only the filter's deals")
            let kr = s.catalog.deals.filter { $0.country == "KR" }
            XCTAssertTrue(html.contains(SHA256.hex(Report.canonicalBytes(kr, updated: s.catalog.feed.updated))))
        }
    }
}
