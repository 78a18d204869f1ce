import XCTest

@testable import DealKit

final class DealGroupsTests: XCTestCase {
    private func deal(_ id: String, _ country: String, vendors: [String] = [], others: [String] = []) -> Deal {
        Deal(
            id: id, title: id, country: country, announced: PartialDate("2026")!,
            partners: vendors.map { Partner(name: $0, role: .vendor) }
                + others.map { Partner(name: $0, role: .operator) })
    }

    func testCountriesByCodeInCodeOrder() {
        let g = DealGroups(deals: [deal("a", "KR"), deal("b", "FR"), deal("c", "KR"), deal("d", "kr")])
        XCTAssertEqual(g.countryCodes, ["FR", "KR", "kr"], "a code as written: `kr` is not `KR`")
        XCTAssertEqual(g.countryOf, [1, 0, 1, 2])
        XCTAssertEqual(g.byCountry([0, 1, 2, 3]), [[1], [0, 2], [3]])
        XCTAssertEqual(g.byCountry([2, 3]), [[], [2], [3]], "only the members given")
        // The same groups in one array, each country's from its start to the next's.
        let all = g.groupedByCountry([0, 1, 2, 3])
        XCTAssertEqual(all.members, [1, 0, 2, 3])
        XCTAssertEqual(all.start, [0, 1, 3, 4])
        let some = g.groupedByCountry([2, 3])
        XCTAssertEqual(some.members, [2, 3])
        XCTAssertEqual(some.start, [0, 0, 1, 2])
    }

    func testVendorsFoldedOncePerDealShownAsFirstWritten() {
        let g = DealGroups(deals: [
            deal("a", "KR", others: ["NVIDIA"]),
            deal("b", "KR", vendors: ["Nvidia", "AMD", "NVIDIA"]),
            deal("c", "JP", vendors: ["nvidia"]),
        ])
        XCTAssertEqual(g.vendorKeys, ["nvidia", "amd"], "an operator is no vendor")
        XCTAssertEqual(g.vendorNames, ["Nvidia", "AMD"], "the first spelling of a vendor")
        XCTAssertEqual(Array(g.vendors(of: 1)), [0, 1], "NVIDIA twice in one deal counts once")
        XCTAssertEqual(Array(g.vendors(of: 2)), [0])
        XCTAssertEqual(g.byVendor([0, 1, 2]), [[0], [1, 2], [1]], "slot 0: the deals without a vendor")
        XCTAssertEqual((0..<g.vendorSlots).map(g.vendorRowKey(slot:)), [Summary.noVendor, "Nvidia", "AMD"])
        // The counts are the groups' sizes, of the members given only.
        XCTAssertEqual(g.vendorSlotCounts([0, 1, 2]), [1, 2, 1])
        XCTAssertEqual(g.vendorSlotCounts([1]), [0, 1, 1])
        XCTAssertEqual(g.vendorSlotCounts([]), [0, 0, 0])
        XCTAssertEqual(g.countryCounts([0, 1, 2]), [1, 2], "JP, KR")
        XCTAssertEqual(g.countryCounts([2]), [1, 0])
    }

    func testTheIndexGroupsAsSummaryDoes() {
        let deals = DealIndexTests.deals(300)
        let index = DealIndex(deals: deals, today: PartialDate("2026-06-01")!)
        XCTAssertEqual(index.groups, DealGroups(deals: deals))
        let all = Array(0..<Int32(deals.count))
        let some = all.filter { $0 % 3 != 1 }
        XCTAssertEqual(index.groups.vendorSlotCounts(some), index.groups.byVendor(some).map(\.count))
        XCTAssertEqual(index.groups.countryCounts(some), index.groups.byCountry(some).map(\.count))
        XCTAssertEqual(
            index.countryTotals(all).rows.map(\.key),
            Summary(deals: deals, by: .country).rows.map(\.key))
        XCTAssertEqual(
            index.vendorTotals(all).rows.map(\.key),
            Summary(deals: deals, by: .vendor).rows.map(\.key))
    }
}
