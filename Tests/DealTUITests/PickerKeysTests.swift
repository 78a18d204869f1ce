import DealKit
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
}
