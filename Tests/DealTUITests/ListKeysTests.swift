import DealKit
import TestSupport
import XCTest

@testable import DealTUI

/// The list views' keys and mouse: switching, moving, filtering by the cell, sorting, drilling down.
final class ListKeysTests: XCTestCase {
    func testNumberKeysAndTabSwitchViews() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        XCTAssertEqual(s.view, .countries)
        _ = keys(&s, .char("3"))
        XCTAssertEqual(s.view, .vendors)
        _ = keys(&s, .tab, .tab)
        XCTAssertEqual(s.view, .countries)
        _ = keys(&s, .backTab)
        XCTAssertEqual(s.view, .timeline)
    }

    func testCountriesListEntersItsDealsThenTheDetailAndEscGoesBack() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        XCTAssertEqual(s.selectedCountry?.key, "KR")
        _ = keys(&s, .enter)
        XCTAssertEqual(s.focus, .table)
        _ = keys(&s, .down, .enter)
        XCTAssertEqual(s.detail?.id, s.selectedDealID)
        XCTAssertNotNil(s.detail)
        _ = keys(&s, .escape)
        XCTAssertNil(s.detail)
        XCTAssertEqual(s.focus, .table)
        _ = keys(&s, .escape)
        XCTAssertEqual(s.focus, .list)
        _ = keys(&s, .down)
        XCTAssertEqual(s.selectedCountry?.key, "FR")
    }

    func testMovingClampsAndPagesAndJumps() throws {
        var s = TestFeeds.state(FeedBuilder.generated(500))
        _ = keys(&s, .char("2"), .up)
        XCTAssertEqual(s.dealsCursor.index, 0)
        _ = keys(&s, .pageDown)
        XCTAssertEqual(s.dealsCursor.index, 19)
        _ = keys(&s, .char("G"))
        XCTAssertEqual(s.dealsCursor.index, 499)
        XCTAssertEqual(s.dealsCursor.top, 500 - 20)
        _ = keys(&s, .char("g"))
        XCTAssertEqual(s.dealsCursor, ListCursor())
    }

    func testFilterByTheVendorUnderTheCursor() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 200)
        _ = keys(&s, .char("2"))
        let vendorsColumn = DealColumn.dealsView.firstIndex(of: .vendors)!
        for _ in 0..<vendorsColumn { _ = keys(&s, .right) }
        XCTAssertEqual(FrameLayout(s).focusColumn, .vendors)
        // Élysée (FR) is first by country; its first vendor is NVIDIA.
        _ = keys(&s, .char("f"))
        XCTAssertEqual(s.filter.vendors, ["NVIDIA"])
        XCTAssertEqual(s.shownCount, 5)
        XCTAssertTrue(s.message?.contains("vendor NVIDIA") ?? false)
        // On the Vendors view, f takes the vendor row.
        _ = keys(&s, .char("F"), .char("3"), .down, .char("f"))
        XCTAssertEqual(s.filter.vendors, ["AMD"])
        XCTAssertEqual(s.shownCount, 1)
    }

    func testFilterChangesKeepTheSelectedDeal() throws {
        var s = TestFeeds.state(FeedBuilder.generated(400))
        _ = keys(&s, .char("2"))
        for _ in 0..<37 { _ = keys(&s, .down) }
        let id = s.selectedDealID!
        let country = s.catalog.deals.first { $0.id == id }!.country
        var f = s.filter
        f.countries = [country]
        s.setFilter(f)
        XCTAssertEqual(s.selectedDealID, id)
        _ = keys(&s, .char("s"), .char("S"))
        XCTAssertEqual(s.selectedDealID, id)
    }

    func testFOnAFigureFiltersOnTheFigureShown() throws {
        var d = Deal(id: "kr-a", title: "A", country: "KR", announced: PartialDate("2026")!, status: .announced)
        d.capacity = Capacity(initialMW: 2.8859)
        var s = TestFeeds.state(Feed(deals: [d]), rows: 24, cols: 120)
        _ = keys(&s, .char("2"))
        s.dealsColumn = DealColumn.dealsView.firstIndex(of: .mw)!
        _ = keys(&s, .char("f"))
        XCTAssertEqual(s.filter.minMW, 2.9)
        XCTAssertTrue(s.message?.hasPrefix("filter: at least 2.9 MW") == true, s.message ?? "")
    }

    func testSortCyclesThroughTheDealsViewsColumnsAndReverses() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        _ = keys(&s, .char("2"))
        XCTAssertEqual(s.sort, .country)
        _ = keys(&s, .char("s"))
        XCTAssertEqual(s.sort, .announced)
        XCTAssertEqual(s.sortLabel, "sort deals: announced ▲")
        _ = keys(&s, .char("S"))
        XCTAssertTrue(s.descending)
        var seen: [DealSort] = []
        for _ in 0..<(DealColumn.dealsView.count - 1) {
            _ = keys(&s, .char("s"))
            seen.append(s.sort)
        }
        XCTAssertEqual(s.sort, .country)
        XCTAssertEqual(Set(seen + [.announced]), Set(DealColumn.dealsView.map(\.sort)))
    }

    func testVendorsSortByEachColumnAndTheLabelSaysSo() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 200)
        _ = keys(&s, .char("3"))
        XCTAssertEqual(s.sortLabel, "sort vendors: ambition ▼")
        let byAmbition = s.vendorRows.map(\.key)
        _ = keys(&s, .char("s"))
        XCTAssertEqual(s.sortLabel, "sort vendors: share ▼")
        _ = keys(&s, .char("s"))
        XCTAssertEqual(s.sortLabel, "sort vendors: top in ▼")
        let leads = s.vendorRows.filter { $0.key != Summary.noVendor }.map {
            s.results.leaders.leadsByVendor[Int($0.id)]
        }
        XCTAssertEqual(leads, leads.sorted(by: >))
        XCTAssertTrue(Screen.render(s).line(2).contains("▼top in"), "the column shows the sort")
        _ = keys(&s, .char("s"))
        XCTAssertEqual(s.sortLabel, "sort vendors: vendor ▲")
        let names = s.vendorRows.map(\.key).filter { $0 != Summary.noVendor }
        XCTAssertEqual(names, names.sorted { $0.lowercased() < $1.lowercased() })
        XCTAssertNotEqual(s.vendorRows.map(\.key), byAmbition)
        _ = keys(&s, .char("S"))
        XCTAssertEqual(s.sortLabel, "sort vendors: vendor ▼")
        let reversed = s.vendorRows.map(\.key).filter { $0 != Summary.noVendor }
        XCTAssertEqual(reversed, names.reversed())
        _ = keys(&s, .char("s"), .char("s"))
        XCTAssertEqual(s.sortLabel, "sort vendors: deals ▼")
        let deals = s.vendorRows.filter { $0.key != Summary.noVendor }.map(\.deals)
        XCTAssertEqual(deals, deals.sorted(by: >))
    }

    func testTheHeaderSaysWhereTheCursorIsWithThousandsGrouped() throws {
        var s = TestFeeds.state(FeedBuilder.generated(2_500), rows: 24, cols: 100)
        XCTAssertEqual(s.position, "row 1/15")
        _ = keys(&s, .char("2"), .end)
        XCTAssertEqual(s.position, "row 2,500/2,500")
        let header = Screen.render(s).line(0)
        XCTAssertTrue(header.contains("2,500 of 2,500 deals") && header.hasSuffix("row 2,500/2,500 "), header)
        _ = keys(&s, .enter)
        XCTAssertNil(s.position, "the detail has its own line count")
    }

    func testCountriesSortsTheListOrTheDealsAsTheFocusSays() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        XCTAssertEqual(s.sortLabel, "sort countries: ambition ▼")
        _ = keys(&s, .char("s"))
        XCTAssertEqual(s.sortLabel, "sort countries: HHI ▼")
        let hhi = s.countryRows.map { s.results.leaders.ambitionHHIByCountry[Int($0.id)] }
        XCTAssertEqual(hhi.compactMap { $0 }, hhi.compactMap { $0 }.sorted(by: >))
        XCTAssertEqual(hhi.drop { $0 != nil }.filter { $0 != nil }.count, 0, "countries without a known HHI last")
        _ = keys(&s, .char("s"))
        XCTAssertEqual(s.sortLabel, "sort countries: cc ▲")
        XCTAssertEqual(s.countryRows.map(\.key), s.countryRows.map(\.key).sorted())
        XCTAssertEqual(s.sort, .country, "the deals' sort is left alone")
        _ = keys(&s, .char("s"))
        XCTAssertEqual(s.sortLabel, "sort countries: country ▲")
        XCTAssertEqual(s.countryRows.map(\.name), s.countryRows.map(\.name).sorted())
        // Into the deals: now s sorts them, and the list keeps its order.
        _ = keys(&s, .enter)
        XCTAssertEqual(s.sortLabel, "sort deals: announced ▲")
        _ = keys(&s, .char("s"))
        XCTAssertEqual(s.sortLabel, "sort deals: sponsor ▲")
        XCTAssertEqual(s.countrySort, .name)
        _ = keys(&s, .escape)
        XCTAssertEqual(s.sortLabel, "sort countries: country ▲")
    }

    func testMouseClickSelectsThenOpensAndTabsSwitch() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), rows: 24, cols: 80)
        _ = keys(&s, .char("2"))
        // Row 2 is the column header, so deal k is on row 3 + k.
        _ = keys(&s, .click(y: 5, x: 10))
        XCTAssertEqual(s.dealsCursor.index, 2)
        XCTAssertNil(s.detail)
        _ = keys(&s, .click(y: 5, x: 10))
        XCTAssertNotNil(s.detail)
        _ = keys(&s, .escape, .wheelDown(y: 6, x: 3))
        XCTAssertEqual(s.dealsCursor.index, 4)
        let vendorsTab = HeaderBar.tabs(cols: 80).first { $0.view == .vendors }!
        _ = keys(&s, .click(y: 1, x: vendorsTab.x + 1))
        XCTAssertEqual(s.view, .vendors)
    }
}

extension ListKeysTests {
    /// Sorted by HHI, the list shows the HHI even on a terminal where it would be left out.
    func testTheHHIColumnIsShownWhileTheListIsSortedByIt() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), rows: 24, cols: 120)
        XCTAssertFalse(
            Screen.render(s).line(2).contains("HHI"), "at 120 columns the list beside the deals has no room for it")
        _ = keys(&s, .char("s"))
        XCTAssertEqual(s.countrySort, .hhi)
        let header = Screen.render(s).line(2)
        XCTAssertTrue(header.contains("▼HHI"), header)
        _ = keys(&s, .char("s"))
        XCTAssertFalse(Screen.render(s).line(2).contains("HHI"))
    }
}
