import DealKit
import XCTest
@testable import DealTUI

final class ExportTests: XCTestCase {
    func testEachViewExportsThroughDealKitInEveryFormat() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), filter: DealFilter(countries: ["KR"]))
        for view in ViewID.allCases {
            AppReducer.switchView(&s, view)
            for format in ExportFormat.allCases {
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

    func testTheDetailExportsItsOneDeal() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        AppReducer.reduce(&s, .char("2"))
        AppReducer.reduce(&s, .enter)
        let (name, bytes, _) = ViewExport.make(s, format: .json, stamp: "s")
        XCTAssertEqual(name, "sovtrack-deal-\(s.detail!.id)-s.json")
        XCTAssertEqual(FeedDecoder.decode(bytes).feed.deals.map(\.id), [s.detail!.id])
    }
}
