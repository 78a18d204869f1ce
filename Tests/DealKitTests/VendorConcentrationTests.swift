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

    func testPercentText() {
        XCTAssertEqual(VendorConcentration.percent(0.625), "62.5%")
        XCTAssertEqual(VendorConcentration.percent(1), "100%")
        XCTAssertEqual(VendorConcentration.percent(0.0001), "<0.1%")
        XCTAssertEqual(VendorConcentration.percent(0), "0%")
        XCTAssertEqual(VendorConcentration.percent(0.9996), ">99.9%", "a part never reads as the whole")
        XCTAssertEqual(VendorConcentration.index(7812.5), "7,813")
    }
}
