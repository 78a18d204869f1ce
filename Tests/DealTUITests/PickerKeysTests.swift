import DealKit
import TestSupport
import XCTest

@testable import DealTUI

/// The country and vendor pickers.
final class PickerKeysTests: XCTestCase {
    func testCountryPickerMultiSelectsWithFacetCounts() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        _ = keys(&s, .char("c"))
        guard case .picker(let p) = s.overlay else { return XCTFail("no picker") }
        XCTAssertEqual(p.items.map(\.value), ["KR", "FR", "GB"])
        XCTAssertEqual(p.items.map(\.count), [3, 1, 1])
        _ = keys(&s, .char(" "), .down, .down, .char(" "), .enter)
        XCTAssertEqual(s.filter.countries, ["KR", "GB"])
        XCTAssertEqual(s.shownCount, 4)
        // Typing narrows the list; Esc leaves the filter alone.
        _ = keys(&s, .char("c"), .char("f"), .char("r"))
        guard case .picker(let q) = s.overlay else { return XCTFail("no picker") }
        XCTAssertEqual(q.visible.map { q.items[$0].value }, ["FR"])
        _ = keys(&s, .escape)
        XCTAssertEqual(s.filter.countries, ["KR", "GB"])
    }

    func testVendorPickerAndEnterOnAVendorDrillsIntoItsDeals() throws {
        var s = TestFeeds.state(try TestFeeds.wide())
        _ = keys(&s, .char("v"))
        guard case .picker(let p) = s.overlay else { return XCTFail("no picker") }
        XCTAssertEqual(p.items.first?.value, "NVIDIA")
        _ = keys(&s, .escape, .char("3"), .down, .enter)
        XCTAssertEqual(s.view, .deals)
        XCTAssertEqual(s.filter.vendors, ["AMD"])
        // Esc goes back where Enter came from, with the filter as it was.
        _ = keys(&s, .down, .escape)
        XCTAssertEqual(s.view, .vendors)
        XCTAssertTrue(s.filter.isEmpty)
        XCTAssertEqual(s.selectedVendor?.key, "AMD")
        _ = keys(&s, .escape)
        XCTAssertEqual(s.view, .vendors, "a second Esc has nowhere further to go")
        // A drill forgotten once the user switches views on their own.
        _ = keys(&s, .enter, .char("1"), .char("2"), .escape)
        XCTAssertEqual(s.view, .deals)
        XCTAssertEqual(s.filter.vendors, ["AMD"])
    }

    /// The counts a picker opens with, kept with the result while the filter names none of its
    /// values, are the deals the rest of the filter leaves each value, counted afresh from the
    /// deals: for each filter, a second opening of the same result, and after the feed changed.
    func testPickerCountsAreWhatTheRestOfTheFilterLeavesEachValue() throws {
        let feed = FeedBuilder.generated(700, seed: 7)
        var s = TestFeeds.state(feed, rows: 30, cols: 100)
        func check(_ what: String, line: UInt = #line) {
            for (kind, key) in [(PickerState.Kind.country, Character("c")), (.vendor, "v")] {
                var rest = s.filter
                if kind == .country { rest.countries = [] } else { rest.vendors = [] }
                let left = rest.apply(to: s.catalog.deals)
                func fresh(_ value: String) -> Int {
                    if kind == .country { return left.filter { $0.country == value }.count }
                    if value == Summary.noVendor { return left.filter { $0.vendors.isEmpty }.count }
                    let key = DealFilter.fold(value)
                    return left.filter { $0.vendors.contains { DealFilter.fold($0) == key } }.count
                }
                // Twice: the second opening reads the counts the first kept.
                for opening in 1...2 {
                    _ = keys(&s, .char(key))
                    guard case .picker(let p) = s.overlay else { return XCTFail("\(what): no picker", line: line) }
                    XCTAssertFalse(p.items.isEmpty, what, line: line)
                    for item in p.items {
                        XCTAssertEqual(
                            item.count, fresh(item.value), "\(what), \(kind) \(item.value), opening \(opening)",
                            line: line)
                    }
                    _ = keys(&s, .escape)
                }
            }
        }
        check("no filter")
        s.setFilter(DealFilter(search: "cloud"))
        check("a search")
        s.setFilter(DealFilter(countries: ["KR", "JP"], statuses: [.announced, .operational]))
        check("countries and statuses")
        s.setFilter(DealFilter(vendors: ["nvidia", Summary.noVendor], search: "data"))
        check("vendors, (none) and a search")
        // The feed changes under the same filter (an edit, a reload): counts of the new deals.
        var deals = Array(feed.deals.dropFirst(150))
        for k in stride(from: 0, to: deals.count, by: 5) {
            deals[k].partners = [Partner(name: "Groq", role: .vendor)]
            deals[k].country = "FR"
        }
        s.replaceFeed(Feed(deals: deals))
        check("vendors after the feed changed")
        s.setFilter(DealFilter())
        check("no filter after the feed changed")
    }
}
