import DealKit
import TestSupport
import XCTest

@testable import DealTUI

final class VendorSharesTests: XCTestCase {
    /// The dashboard's columns give exactly what `VendorConcentration` (summary, report) gives.
    private func assertAgrees(
        _ feed: Feed, filter: DealFilter = DealFilter(), file: StaticString = #filePath, line: UInt = #line
    ) {
        let s = TestFeeds.state(feed, filter: filter)
        let shares = s.results.vendorShares
        let deals = s.results.members.map { s.catalog.deals[Int($0)] }
        let expected = VendorConcentration(deals: deals)
        for (cid, code) in s.catalog.countryCodes.enumerated() {
            let want = expected.row(code)?.ambition.hhi
            let got = shares.hhi[cid]
            XCTAssertEqual(got == nil, want == nil, code, file: file, line: line)
            if let got, let want { XCTAssertEqual(got, want, accuracy: 0.01, code, file: file, line: line) }
        }
        let leads = expected.topVendorCountries
        for (vid, key) in s.catalog.vendorKeys.enumerated() {
            XCTAssertEqual(shares.leads[vid], leads[key] ?? 0, s.catalog.vendorNames[vid], file: file, line: line)
        }
    }

    func testAgreesWithVendorConcentration() throws {
        assertAgrees(try TestFeeds.bundled())
        assertAgrees(FeedBuilder.generated(3_000))
        assertAgrees(FeedBuilder.generated(3_000, seed: 7), filter: DealFilter(minMW: 100))
    }

    func testTiesAndSplits() {
        let deal = { (id: String, vendors: [String], mw: Double?) in
            Deal(
                id: id, title: id, country: "KR", announced: PartialDate("2026")!,
                partners: vendors.map { Partner(name: $0, role: .vendor) }, capacity: mw.map { Capacity(targetMW: $0) })
        }
        let feed = Feed(deals: [deal("a", ["Zeta", "Alpha"], 100), deal("b", [], 900), deal("c", ["Zeta"], nil)])
        let s = TestFeeds.state(feed)
        XCTAssertEqual(
            s.results.vendorShares.hhi, [5_000], "50/50; the 900 MW without a vendor and the deal without MW left out")
        let alpha = s.catalog.vendorNames.firstIndex(of: "Alpha")!
        XCTAssertEqual(s.results.vendorShares.leads[alpha], 1, "a tie goes to the first name")
        assertAgrees(feed)
    }
}
