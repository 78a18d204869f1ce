import XCTest

@testable import DealKit

final class DealSortTests: XCTestCase {
    private func deal(
        _ id: String, _ country: String = "KR", _ announced: String = "2026", title: String? = nil,
        status: DealStatus = .announced, sponsor: String? = nil, initial: Double? = nil, target: Double? = nil,
        operational: Double? = nil, confidence: Confidence? = nil, milestone: String? = nil
    ) -> Deal {
        let hasCapacity = initial != nil || target != nil || operational != nil || confidence != nil
        return Deal(
            id: id, title: title ?? id, country: country, announced: PartialDate(announced)!, status: status,
            sponsor: sponsor,
            capacity: hasCapacity
                ? Capacity(initialMW: initial, targetMW: target, operationalMW: operational, confidence: confidence)
                : nil,
            milestones: milestone.map { [Milestone(date: PartialDate($0)!, event: "m")] } ?? [])
    }

    private func order(_ deals: [Deal], _ key: DealSort, descending: Bool = false) -> [String] {
        key.apply(to: deals, descending: descending).map(\.id)
    }

    func testCountryThenAnnouncedThenId() {
        let deals = [
            deal("c", "KR", "2026-H2"), deal("a", "KR", "2026"), deal("b", "FR", "2027"), deal("d", "KR", "2026-H2"),
            deal("e", "KR", "2026-07"),
        ]
        XCTAssertEqual(order(deals, .country), ["b", "a", "c", "d", "e"])
        XCTAssertEqual(
            order(deals, .country, descending: true), ["e", "c", "d", "a", "b"], "ties still by ascending id")
    }

    func testAnnouncedUsesPartialDateOrder() {
        let deals = [
            deal("q3", "KR", "2026-Q3"), deal("y", "KR", "2026"), deal("h2", "KR", "2026-H2"),
            deal("d", "KR", "2026-07-01"),
            deal("m", "KR", "2026-07"), deal("old", "KR", "2025-12-31"),
        ]
        XCTAssertEqual(order(deals, .announced), ["old", "y", "h2", "q3", "m", "d"])
    }

    func testTextKeys() {
        let deals = [deal("b", title: "beta"), deal("a", title: "Alpha"), deal("c", title: "alpha")]
        XCTAssertEqual(order(deals, .title), ["a", "c", "b"], "case-insensitive, ties by id")
        XCTAssertEqual(order(deals, .id), ["a", "b", "c"])
        XCTAssertEqual(order(deals, .id, descending: true), ["c", "b", "a"])
    }

    func testListKeysSortByTheListAsShownAndNoneLast() {
        func with(_ id: String, vendors: [String], models: [String] = []) -> Deal {
            var d = deal(id)
            d.partners = vendors.map { Partner(name: $0, role: .vendor) }
            d.models = models
            return d
        }
        let deals = [
            with("a", vendors: ["NVIDIA"]), with("b", vendors: []),
            with("c", vendors: ["amd", "NVIDIA"], models: ["X"]),
            with("d", vendors: ["NVIDIA", "AMD"]),
        ]
        XCTAssertEqual(order(deals, .vendors), ["c", "a", "d", "b"])
        XCTAssertEqual(
            order(deals, .vendors, descending: true), ["d", "a", "c", "b"], "a deal with none is last both ways")
        XCTAssertEqual(order(deals, .models), ["c", "a", "b", "d"])
        XCTAssertEqual(DealSort.vendors.compare(deals[0], deals[1]), -1)
    }

    func testStatusOrderIsTheLifecycle() {
        let deals = [
            deal("x", status: .cancelled), deal("y", status: .operational), deal("z", status: .announced),
            deal("w", status: .underConstruction), deal("v", status: .planned),
        ]
        XCTAssertEqual(order(deals, .status), ["z", "v", "w", "y", "x"])
    }

    func testUnknownSortsLastEitherWay() {
        let deals = [deal("none"), deal("small", target: 10), deal("big", target: 1000), deal("zero", initial: 0)]
        XCTAssertEqual(order(deals, .mw), ["zero", "small", "big", "none"])
        XCTAssertEqual(order(deals, .mw, descending: true), ["big", "small", "zero", "none"])
        XCTAssertEqual(
            order(deals, .committed), ["zero", "big", "none", "small"], "big and small have no committed MW; by id")
        let ops = [deal("a"), deal("b", operational: 5), deal("c", operational: 1)]
        XCTAssertEqual(order(ops, .operational), ["c", "b", "a"])
        XCTAssertEqual(order(ops, .operational, descending: true), ["b", "c", "a"])
        let sponsors = [deal("a"), deal("b", sponsor: "zeta"), deal("c", sponsor: "Alpha")]
        XCTAssertEqual(order(sponsors, .sponsor), ["c", "b", "a"])
        XCTAssertEqual(order(sponsors, .sponsor, descending: true), ["b", "c", "a"])
    }

    func testConfidenceAndMilestone() {
        let deals = [
            deal("a"), deal("b", confidence: .aspirational), deal("c", confidence: .confirmed),
            deal("d", confidence: .reported),
        ]
        XCTAssertEqual(order(deals, .confidence), ["c", "d", "b", "a"])
        let ms = [deal("a"), deal("b", milestone: "2027"), deal("c", milestone: "2026-H2")]
        XCTAssertEqual(order(ms, .milestone), ["c", "b", "a"])
        XCTAssertEqual(order(ms, .milestone, descending: true), ["b", "c", "a"])
    }

    func testMilestoneSortPutsOverdueFirstAsTheColumnShowsThem() {
        let today = PartialDate("2026-06-10")!
        // 2026-Q2 (not over) starts before 2026-05-20 (overdue), yet the overdue one is more urgent.
        let ms = [
            deal("q2", milestone: "2026-Q2"), deal("late", milestone: "2026-05-20"), deal("older", milestone: "2025"),
            deal("none"), deal("h2", milestone: "2026-H2"),
        ]
        XCTAssertEqual(
            ms.sorted { DealSort.milestone.compare($0, $1, today: today) < 0 }.map(\.id),
            ["older", "late", "q2", "h2", "none"])
        XCTAssertEqual(DealSort.milestone.apply(to: ms, today: today).map(\.id), ["older", "late", "q2", "h2", "none"])
        XCTAssertEqual(
            DealSort.milestone.apply(to: ms, descending: true, today: today).map(\.id),
            ["h2", "q2", "late", "older", "none"])
        XCTAssertEqual(order(ms, .milestone), ["older", "q2", "late", "h2", "none"], "without a day: by date only")
    }

    func testCompareIsConsistent() {
        let a = deal("a", target: 1)
        let b = deal("b", target: 2)
        XCTAssertEqual(DealSort.mw.compare(a, b), -1)
        XCTAssertEqual(DealSort.mw.compare(b, a), 1)
        XCTAssertEqual(DealSort.mw.compare(a, a), 0)
        XCTAssertEqual(DealSort.mw.compare(a, b, descending: true), 1)
        XCTAssertEqual(DealSort.mw.compare(deal("x"), a), 1)
        XCTAssertEqual(DealSort.mw.compare(deal("x"), a, descending: true), 1)
    }

    func testEveryKeyIsATotalOrderOnARandomishSet() {
        var deals: [Deal] = []
        let dates = ["2026", "2026-H2", "2026-Q3", "2026-07", "2025-12-31"]
        for i in 0..<30 {
            deals.append(
                deal(
                    "d\(i)", i % 3 == 0 ? "KR" : "FR", dates[i % dates.count], status: DealStatus.allCases[i % 5],
                    sponsor: i % 4 == 0 ? nil : "s\(i % 7)", initial: i % 5 == 0 ? nil : Double(i % 6),
                    target: i % 2 == 0 ? nil : Double(i % 4 * 100), confidence: i % 3 == 1 ? .reported : nil,
                    milestone: i % 2 == 0 ? dates[(i / 2) % dates.count] : nil))
        }
        for key in DealSort.allCases {
            for desc in [false, true] {
                let sorted = key.apply(to: deals, descending: desc)
                XCTAssertEqual(Set(sorted.map(\.id)).count, deals.count)
                XCTAssertEqual(
                    key.apply(to: deals.reversed(), descending: desc).map(\.id), sorted.map(\.id),
                    "\(key) is deterministic whatever the input order")
                for (x, y) in zip(sorted, sorted.dropFirst()) {
                    XCTAssertLessThanOrEqual(key.compare(x, y, descending: desc), 0, "\(key) \(x.id) \(y.id)")
                }
            }
        }
    }
}
