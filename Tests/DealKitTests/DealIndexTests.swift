import XCTest

@testable import DealKit

/// The index answers exactly as the rules applied deal by deal (`DealFilter.apply`, `DealSort.apply`, `Summary`).
final class DealIndexTests: XCTestCase {
    /// Deals that vary every field a query reads, by arithmetic on the position (no randomness).
    static func deals(_ n: Int) -> [Deal] {
        let countries = ["KR", "JP", "FR", "SA", "US"]
        let vendors = ["NVIDIA", "nvidia", "AMD", "삼성전자", "Élan"]
        let dates = ["2024", "2025-H1", "2025-Q3", "2025-07", "2026-03-15", "2027"]
        return (0..<n).map { i in
            var partners: [Partner] = []
            for k in 0..<(i % 3) { partners.append(Partner(name: vendors[(i + k * 2) % vendors.count], role: .vendor)) }
            if i % 4 == 1 { partners.append(Partner(name: i % 8 == 1 ? "NAVER" : "Naver", role: .operator)) }
            let cap: Capacity? =
                i % 5 == 0
                ? nil
                : Capacity(
                    initialMW: i % 3 == 0 ? nil : Double(i % 700), targetMW: i % 2 == 0 ? Double(i % 1300) + 0.1 : nil,
                    operationalMW: i % 7 == 0 ? 5 : nil, approx: i % 6 == 0 ? [.target] : [])
            return Deal(
                id: String(format: "d-%04d", (i * 37) % max(n, 1)),
                title: i % 9 == 0 ? "Élysée campus \(i)" : "AI factory \(i % 50)",
                country: countries[i % countries.count], announced: PartialDate(dates[i % dates.count])!,
                status: DealStatus.allCases[i % DealStatus.allCases.count],
                sponsor: i % 3 == 0 ? nil : "Sponsor \(i % 11)",
                partners: partners, capacity: cap, models: i % 2 == 0 ? ["Model \(i % 13)"] : [],
                milestones: i % 4 == 0
                    ? [Milestone(date: PartialDate(dates[(i + 2) % dates.count])!, event: "go")] : [],
                kind: i % 10 == 3 ? .partnership : nil, products: i % 6 == 2 ? ["Vera Rubin"] : [])
        }
    }

    /// Built once for the class: XCTest makes an instance per test, and each built its own.
    static let sharedDeals = DealIndexTests.deals(600)
    var all: [Deal] { Self.sharedDeals }

    func testMembersAreWhatTheFilterKeeps() {
        let index = DealIndex(deals: all, today: PartialDate("2026-06-10")!)
        let filters: [DealFilter] = [
            DealFilter(), DealFilter(countries: ["KR", "FR"]), DealFilter(countries: ["ZZ"]),
            DealFilter(vendors: ["NVIDIA"]), DealFilter(vendors: ["elan", "amd"], statuses: [.planned, .operational]),
            DealFilter(vendors: [Summary.noVendor]), DealFilter(vendors: ["no such vendor"]),
            DealFilter(partners: ["naver"]), DealFilter(partners: ["nobody"]),
            DealFilter(since: PartialDate("2025-H2"), until: PartialDate("2026")),
            // A partnership with a figure passes `--min-mw` as on the command line, though totals leave it out.
            DealFilter(minMW: 500), DealFilter(search: "élysée"), DealFilter(countries: ["JP"], search: " factory 1"),
            DealFilter(products: ["rubin"]),
        ]
        for f in filters {
            XCTAssertEqual(index.members(f).map { all[Int($0)].id }, f.apply(to: all).map(\.id), f.summary)
        }
    }

    func testSortOrdersAreDealSortsBothWays() {
        let index = DealIndex(deals: all, today: PartialDate("2026-06-10")!)
        let f = DealFilter(countries: ["KR", "SA"])
        let members = index.members(f)
        var isMember = [Bool](repeating: false, count: all.count)
        for i in members { isMember[Int(i)] = true }
        for sort in DealSort.allCases {
            for desc in [false, true] {
                let rows = index.sortIndex(sort).order(of: members, isMember: isMember, descending: desc)
                XCTAssertEqual(
                    rows.map { all[Int($0)].id },
                    sort.apply(to: f.apply(to: all), descending: desc, today: index.today).map(\.id), "\(sort) \(desc)")
            }
        }
    }

    /// A bitmap that marks more deals than the members given (a caller's mistake) gives at
    /// most that many rows, never a write past the room made for them.
    func testAnOrderNeverOutgrowsItsMembers() {
        let index = DealIndex(deals: all, today: PartialDate("2026-06-10")!)
        let members = Array(index.members(DealFilter(countries: ["KR"])).prefix(2))
        let everyone = [Bool](repeating: true, count: all.count)
        for desc in [false, true] {
            let rows = index.sortIndex(.title).order(of: members, isMember: everyone, descending: desc)
            XCTAssertLessThanOrEqual(rows.count, members.count)
        }
    }

    func testEqualIdsKeepTheirPlaceInEveryOrder() {
        var twice = Array(all.prefix(20))
        twice.append(twice[3])
        twice.insert(twice[7], at: 0)
        let index = DealIndex(deals: twice, today: PartialDate("2026-06-10")!)
        for sort in [DealSort.id, .title, .mw] {
            XCTAssertEqual(index.sortIndex(sort).ascending.map(Int.init), sort.order(of: twice), "\(sort)")
        }
    }

    func testGroupTotalsAddWhatSummaryAdds() {
        let index = DealIndex(deals: all, today: PartialDate("2026-06-10")!)
        let summary = Summary(deals: all, by: .country)
        for row in summary.rows {
            var g = GroupTotal(key: row.key, name: row.name, id: 0)
            for i in 0..<Int32(all.count) where all[Int(i)].country == row.key { g.add(index, i) }
            XCTAssertEqual(g.deals, row.deals, row.key)
            XCTAssertEqual(g.unknownMWDeals, row.unknownMWDeals, row.key)
            XCTAssertEqual(g.totals.notApplicable, row.noMWDeals, row.key)
            XCTAssertEqual(g.approx & 2 != 0, row.approxAmbition, row.key)
            XCTAssertEqual(g.ambitionMW.map { ($0 * 1e6).rounded() / 1e6 }, row.ambitionMW, row.key)
            XCTAssertEqual(g.committedMW.map { ($0 * 1e6).rounded() / 1e6 }, row.committedMW, row.key)
        }
    }

    func testMonthsAndIdLookUp() {
        XCTAssertEqual(DealIndex.month(PartialDate("2026-H2")!, start: true), 2026 * 12 + 6)
        XCTAssertEqual(DealIndex.month(PartialDate("2026-H2")!, start: false), 2026 * 12 + 11)
        let index = DealIndex(deals: all, today: PartialDate("2026-06-10")!)
        for (i, d) in all.enumerated() where i % 17 == 0 { XCTAssertEqual(index.index(ofID: d.id), Int32(i)) }
        XCTAssertNil(index.index(ofID: "nope"))
    }
}
