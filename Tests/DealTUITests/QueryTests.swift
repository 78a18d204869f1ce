import DealKit
import TestSupport
import XCTest

@testable import DealTUI

/// The dashboard's fast filter, search and sort must give exactly DealKit's answers.
final class QueryTests: XCTestCase {
    /// Built once for the class: XCTest makes an instance per test, and each built its own.
    static let sharedFeed = FeedBuilder.generated(3000)
    var feed: Feed { Self.sharedFeed }

    func testMembersMatchDealFilterForManyFilters() {
        let catalog = DealIndex(feed: feed, today: TestFeeds.today)
        let filters: [DealFilter] = [
            DealFilter(),
            DealFilter(countries: ["KR", "JP"]),
            DealFilter(vendors: ["nvidia"]),
            DealFilter(vendors: ["삼성전자", "AMD"], statuses: [.planned, .operational]),
            DealFilter(partners: ["naver"]),
            DealFilter(since: PartialDate("2025-H2"), until: PartialDate("2026")),
            DealFilter(minMW: 1000),
            DealFilter(search: "factory"),
            DealFilter(search: " ÉLYSÉE "),
            DealFilter(countries: ["FR"], search: "model 1"),
            DealFilter(countries: ["ZZ"]),
            DealFilter(vendors: [Summary.noVendor, "nobody"]),
            DealFilter(vendors: ["AMD"], partners: ["nobody"]),
        ]
        for f in filters {
            let expected = f.apply(to: feed.deals).map(\.id)
            let got = catalog.members(f).map { feed.deals[Int($0)].id }
            XCTAssertEqual(got, expected, "\(f.summary)")
        }
    }

    func testEverySortMatchesDealSortBothWays() {
        let catalog = DealIndex(feed: feed, today: TestFeeds.today)
        let f = DealFilter(countries: ["KR", "FR", "SA"])
        let members = catalog.members(f)
        let deals = f.apply(to: feed.deals)
        for sort in DealSort.allCases {
            for desc in [false, true] {
                let r = ResultSet(catalog: catalog, members: members, sort: sort, descending: desc)
                XCTAssertEqual(
                    r.rows.map { feed.deals[Int($0)].id },
                    sort.apply(to: deals, descending: desc, today: TestFeeds.today).map(\.id), "\(sort) \(desc)")
            }
        }
    }

    func testCountryAndVendorTotalsMatchSummary() {
        let catalog = DealIndex(feed: feed, today: TestFeeds.today)
        let r = ResultSet(
            catalog: catalog, members: catalog.members(DealFilter(statuses: [.announced, .planned])), sort: .country,
            descending: false)
        let deals = DealFilter(statuses: [.announced, .planned]).apply(to: feed.deals)
        let byCountry = Summary(deals: deals, by: .country)
        XCTAssertEqual(r.countries.map(\.key), byCountry.rows.map(\.key))
        XCTAssertEqual(r.countries.map(\.ambitionMW), byCountry.rows.map(\.ambitionMW))
        XCTAssertEqual(r.countries.map(\.unknownMWDeals), byCountry.rows.map(\.unknownMWDeals))
        let byVendor = Summary(deals: deals, by: .vendor)
        XCTAssertEqual(r.vendors.rows.map { DealFilter.fold($0.key) }, byVendor.rows.map { DealFilter.fold($0.key) })
        XCTAssertEqual(r.vendors.rows.map(\.deals), byVendor.rows.map(\.deals))
        XCTAssertEqual(r.vendors.rows.map(\.countries), byVendor.rows.map(\.countries))
        XCTAssertEqual(r.vendors.rows.map(\.committedMW), byVendor.rows.map(\.committedMW))
    }

    /// Each country's deals are its rows in the result's order, and the totals row adds every deal shown once.
    func testEachCountrysRowsAndTheTotalsRow() {
        let catalog = DealIndex(feed: feed, today: TestFeeds.today)
        let f = DealFilter(search: "a")
        let r = ResultSet(catalog: catalog, members: catalog.members(f), sort: .mw, descending: true)
        XCTAssertGreaterThan(r.countries.count, 5)
        for c in r.countries {
            let rows = r.rows(ofCountry: c.id)
            XCTAssertEqual(rows, r.rows.filter { feed.deals[Int($0)].country == c.key }, c.key)
            XCTAssertEqual(rows.count, c.deals, c.key)
            XCTAssertEqual(r.rows(ofCountry: c.id), rows, "asked again: the same")
        }
        var total = GroupTotal(key: "total", name: "", id: -1)
        for i in r.members { total.add(catalog, i) }
        total.countries = Array(Set(r.members.map { feed.deals[Int($0)].country })).sorted()
        XCTAssertEqual(r.total, total)
        XCTAssertEqual(r.total.deals, f.apply(to: feed.deals).count)
    }

    func testIndexOfIDFindsEveryDealAndNoOther() {
        let catalog = DealIndex(feed: feed, today: TestFeeds.today)
        for (i, d) in feed.deals.enumerated() { XCTAssertEqual(catalog.index(ofID: d.id), Int32(i)) }
        XCTAssertNil(catalog.index(ofID: "no-such-deal"))
        XCTAssertNil(catalog.index(ofID: ""))
        XCTAssertNil(catalog.index(ofID: "zzzzzz"))
        // The store's order need not be id order.
        let reversed = DealIndex(feed: Feed(deals: feed.deals.reversed()), today: TestFeeds.today)
        XCTAssertEqual(reversed.index(ofID: feed.deals[0].id), Int32(feed.deals.count - 1))
    }

    func testIncrementalSearchGivesTheSameAnswerAsASearchFromScratch() {
        var s = TestFeeds.state(feed)
        AppReducer.reduce(&s, .char("/"))
        for c in "factory" {
            AppReducer.reduce(&s, .char(c))
            XCTAssertEqual(s.shownCount, s.filter.apply(to: feed.deals).count, s.filter.search)
        }
        for _ in 0..<4 {
            AppReducer.reduce(&s, .backspace)
            XCTAssertEqual(s.shownCount, s.filter.apply(to: feed.deals).count, s.filter.search)
        }
        for c in "tory" { AppReducer.reduce(&s, .char(c)) }
        XCTAssertEqual(s.filter.search, "factory")
        XCTAssertEqual(s.shownCount, s.filter.apply(to: feed.deals).count)
    }

    func testTimelineGroupsLanesByCountryInRowOrder() {
        let catalog = DealIndex(feed: feed, today: TestFeeds.today)
        let r = ResultSet(catalog: catalog, members: catalog.members(DealFilter()), sort: .mw, descending: true)
        let t = r.timeline
        XCTAssertEqual(t.laneLines.count, feed.deals.count)
        var seen: [String] = []
        for line in t.lines {
            if case .country(let c) = line {
                XCTAssertFalse(seen.contains(c))
                seen.append(c)
            }
        }
        XCTAssertEqual(Set(seen), Set(feed.deals.map(\.country)))
    }

    /// The cells' widths, kept for the feed and shared by its results, give each result the
    /// column widths measured afresh from its own deals; a new feed starts anew.
    func testColumnWidthsKeptForTheFeedAreTheCellsMeasuredAfresh() {
        var s = TestFeeds.state(feed, rows: 30, cols: 140)
        let kept = s.results.columnWidths
        for f in [
            DealFilter(), DealFilter(search: "factory"), DealFilter(vendors: ["nvidia"]),
            DealFilter(countries: ["KR"], search: "a"), DealFilter(),
        ] {
            s.setFilter(f)
            XCTAssertTrue(s.results.columnWidths === kept, "one measure per feed")
            for c in DealColumn.allCases {
                var fresh = 0
                for i in s.results.members.prefix(500) {
                    let text = c.value(s.catalog.deals[Int(i)], today: TestFeeds.today)
                    fresh = max(fresh, DisplayWidth.of(SafeText.sanitize(text)))
                    if fresh >= c.widths.max { break }
                }
                XCTAssertEqual(s.results.naturalWidth(c), fresh, "\(f.summary): \(c)")
            }
        }
        s.setSort(.mw, descending: true)
        XCTAssertTrue(s.results.columnWidths === kept, "a new sort of the same feed")
        var deals = feed.deals
        deals[0].title = Array(repeating: "wide", count: 40).joined(separator: " ")
        s.replaceFeed(Feed(deals: deals))
        XCTAssertFalse(s.results.columnWidths === kept, "a new feed is measured anew")
        s.setFilter(DealFilter())
        XCTAssertEqual(s.results.naturalWidth(.title), 199, "the new title, not the old one's width")
    }
}
