import TestSupport
import XCTest

@testable import DealKit

final class VendorConcentrationTests: XCTestCase {
    private func deal(
        _ id: String, _ country: String, initial: Double? = nil, target: Double? = nil, vendors: [String] = []
    ) -> Deal {
        let capacity = initial == nil && target == nil ? nil : Capacity(initialMW: initial, targetMW: target)
        return Deal(
            id: id, title: id, country: country, announced: PartialDate("2026")!,
            partners: vendors.map { Partner(name: $0, role: .vendor) } + [Partner(name: "Gov", role: .government)],
            capacity: capacity)
    }

    func testOneVendorIsTenThousand() {
        let c = VendorConcentration(deals: [
            deal("a", "KR", initial: 55, target: 1000, vendors: ["NVIDIA"]),
            deal("b", "KR", target: 1000, vendors: ["nvidia"]),
        ])
        let kr = c.row("KR")!
        XCTAssertEqual(kr.ambition.hhi, 10_000)
        XCTAssertEqual(kr.ambition.top?.vendor, "NVIDIA", "shown as first written")
        XCTAssertEqual(kr.ambition.top?.share, 1)
        XCTAssertEqual(kr.ambition.totalMW, 2000)
        XCTAssertEqual(kr.committed.totalMW, 55)
        XCTAssertEqual(kr.committed.unknownMWDeals, 1, "the second deal states no committed MW")
        XCTAssertEqual(kr.committed.hhi, 10_000)
    }

    func testSeveralVendorsSplitADealEqually() {
        let c = VendorConcentration(deals: [
            deal("a", "FR", target: 300, vendors: ["NVIDIA", "AMD", "NVIDIA"]),
            deal("b", "FR", target: 100, vendors: ["AMD"]),
        ])
        let shares = c.row("FR")!.ambition.shares
        // NVIDIA once (150); AMD 150 + 100 = 250, of 400.
        XCTAssertEqual(shares.map(\.vendor), ["AMD", "NVIDIA"])
        XCTAssertEqual(shares.map(\.mw), [250, 150])
        XCTAssertEqual(shares.map(\.share), [0.625, 0.375])
        XCTAssertEqual(c.row("FR")!.ambition.hhi!, 62.5 * 62.5 + 37.5 * 37.5, accuracy: 1e-6)
    }

    func testDealsWithoutMWOrVendorAreCountedNotZero() {
        let c = VendorConcentration(deals: [
            deal("a", "GB", target: 100, vendors: ["NVIDIA"]),
            deal("b", "GB", vendors: ["AMD"]),
            deal("c", "GB", target: 900),
        ])
        let gb = c.row("GB")!
        XCTAssertEqual(gb.deals, 3)
        XCTAssertEqual(gb.noVendorDeals, 1, "the 900 MW with no vendor is left out, not given to anyone")
        XCTAssertEqual(gb.ambition.unknownMWDeals, 1)
        XCTAssertEqual(gb.ambition.totalMW, 100)
        XCTAssertEqual(gb.ambition.hhi, 10_000, "AMD's unknown MW is not a zero share")
        let amd = gb.ambition.shares.first { $0.vendor == "AMD" }!
        XCTAssertNil(amd.mw)
        XCTAssertNil(amd.share)
        XCTAssertEqual(gb.ambition.shares.last?.vendor, "AMD", "unknown last")
    }

    func testNoKnownMWGivesNoIndex() {
        let c = VendorConcentration(deals: [deal("a", "JP", vendors: ["NVIDIA"]), deal("b", "JP")])
        XCTAssertNil(c.row("JP")!.ambition.hhi)
        XCTAssertNil(c.row("JP")!.ambition.top)
        XCTAssertNil(c.row("JP")!.ambition.totalMW)
        XCTAssertNil(c.row("XX"))
        XCTAssertEqual(VendorConcentration.percent(nil), "-")
        XCTAssertEqual(VendorConcentration.index(nil), "-")
    }

    func testTotalAndLeadersAcrossCountries() {
        let c = VendorConcentration(deals: [
            deal("a", "KR", target: 300, vendors: ["NVIDIA"]),
            deal("b", "FR", target: 100, vendors: ["AMD"]),
            deal("c", "DE", target: 100, vendors: ["NVIDIA"]),
        ])
        XCTAssertEqual(c.rows.map(\.key), ["DE", "FR", "KR"])
        XCTAssertEqual(c.total.ambition.shares.map(\.share), [0.8, 0.2])
        XCTAssertEqual(c.total.ambition.hhi!, 6_800, accuracy: 1e-6)
        XCTAssertEqual(c.topVendorCountries, ["nvidia": 2, "amd": 1])
    }

    func testEqualSharesGoByName() {
        let c = VendorConcentration(deals: [deal("a", "KR", target: 100, vendors: ["b-vendor", "A-vendor"])])
        XCTAssertEqual(c.row("KR")!.ambition.shares.map(\.vendor), ["A-vendor", "b-vendor"])
        XCTAssertEqual(c.row("KR")!.ambition.hhi, 5_000)
    }

    /// The dashboard's lists (a `DealIndex` and the matching deals) show `summary`'s and the
    /// report's concentration: the same HHI and leaders as from the matching deals alone.
    private func assertIndexAgrees(
        _ feed: Feed, filter: DealFilter = DealFilter(), file: StaticString = #filePath, line: UInt = #line
    ) {
        let index = DealIndex(feed: feed, today: PartialDate("2026-06-01")!)
        let members = index.members(filter)
        let got = VendorConcentration.Leaders(index: index, members: members)
        let want = VendorConcentration(deals: members.map { feed.deals[Int($0)] })
        for (cid, code) in index.countryCodes.enumerated() {
            XCTAssertEqual(
                got.ambitionHHIByCountry[cid]?.bitPattern, want.row(code)?.ambition.hhi?.bitPattern, code,
                file: file, line: line)
        }
        let leads = want.topVendorCountries
        for (vid, key) in index.vendorKeys.enumerated() {
            XCTAssertEqual(got.leadsByVendor[vid], leads[key] ?? 0, index.vendorNames[vid], file: file, line: line)
        }
        // Made together (on two cores from `parallelFrom` members): the same, bit for bit.
        let both = index.countryTotalsAndLeaders(members)
        XCTAssertEqual(
            both.leaders.ambitionHHIByCountry.map { $0?.bitPattern }, got.ambitionHHIByCountry.map { $0?.bitPattern },
            file: file, line: line)
        XCTAssertEqual(both.leaders.leadsByVendor, got.leadsByVendor, file: file, line: line)
        let totals = index.countryTotals(members)
        XCTAssertEqual(both.totals.rows, totals.rows, file: file, line: line)
        XCTAssertEqual(both.totals.total, totals.total, file: file, line: line)
    }

    func testTheIndexGivesWhatTheDealsGive() {
        assertIndexAgrees(FeedDecoder.decode(BundledDataset.bytes).feed)
        assertIndexAgrees(FeedBuilder.generated(3_000))
        XCTAssertGreaterThan(5_000, DealIndex.parallelFrom)
        assertIndexAgrees(FeedBuilder.generated(5_000, seed: 11))
        assertIndexAgrees(FeedBuilder.generated(3_000, seed: 7), filter: DealFilter(minMW: 100))
        assertIndexAgrees(Feed(deals: DealIndexTests.deals(500)), filter: DealFilter(countries: ["KR", "JP"]))
    }

    func testTiesGoToTheFirstNameAndSplitsAreEqual() {
        let c = VendorConcentration(deals: [
            deal("a", "KR", target: 100, vendors: ["Zeta", "Alpha"]), deal("b", "KR", target: 900),
            deal("c", "KR", vendors: ["Zeta"]),
        ])
        XCTAssertEqual(
            c.row("KR")!.ambition.hhi, 5_000, "50/50; the 900 MW without a vendor and the deal without MW left out")
        XCTAssertEqual(c.topVendorCountries, ["alpha": 1], "Zeta and Alpha tie: the first name leads")
    }

    /// A partnership or a model has no megawatts: a figure it gives (validate warns) is in no
    /// total, so in no share either; it counts as a deal without MW.
    func testKindsWithoutMegawattsAreInNoShare() {
        var partnership = deal("b", "KR", target: 900, vendors: ["AMD"])
        partnership.kind = .partnership
        let deals = [deal("a", "KR", target: 100, vendors: ["NVIDIA"]), partnership]
        let row = VendorConcentration(deals: deals).row("KR")!
        XCTAssertEqual(row.ambition.totalMW, 100)
        XCTAssertEqual(row.ambition.shares.map(\.share), [1, nil])
        XCTAssertEqual(row.ambition.unknownMWDeals, 1)
        XCTAssertEqual(row.ambition.totalMW, Summary(deals: deals).rows.first?.ambitionMW, "the row's own total")
    }

    func testPercentText() {
        XCTAssertEqual(VendorConcentration.percent(0.625), "62.5%")
        XCTAssertEqual(VendorConcentration.percent(1), "100%")
        XCTAssertEqual(VendorConcentration.percent(0.0001), "<0.1%")
        XCTAssertEqual(VendorConcentration.percent(0), "0%")
        XCTAssertEqual(VendorConcentration.percent(0.9996), ">99.9%", "a part never reads as the whole")
        XCTAssertEqual(VendorConcentration.index(7812.5), "7,813")
    }
}
