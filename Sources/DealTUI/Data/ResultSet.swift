import DealKit

/// The deals one filter and sort select, with the per-view facts derived from them.
///
/// Built once per filter or sort change; the views' lists (country totals, vendor totals,
/// timeline lanes, one country's deals) are computed on first use and kept, so moving the
/// selection never does O(n) work.
final class ResultSet {
    let catalog: DealIndex
    /// The matching deals in feed order.
    let members: [Int32]
    /// The matching deals in the sort order.
    let rows: [Int32]

    /// The cells' widths measured so far, shared with the other results of the same feed.
    let columnWidths: ColumnWidths

    /// `widths`: the measured cells of earlier results of `catalog`, if any.
    init(catalog: DealIndex, members: [Int32], sort: DealSort, descending: Bool, widths: ColumnWidths? = nil) {
        self.catalog = catalog
        self.members = members
        columnWidths = widths ?? ColumnWidths(catalog: catalog)
        var isMember = [Bool](repeating: false, count: catalog.count)
        for i in members { isMember[Int(i)] = true }
        rows = catalog.sortIndex(sort).order(of: members, isMember: isMember, descending: descending)
    }

    // MARK: - Countries

    private var countryStorage: (rows: [GroupTotal], total: GroupTotal)?
    /// The sorted rows of each country asked for (the selected one), by country id.
    private var rowsByCountry: [Int32: [Int32]] = [:]

    var hasCountries: Bool { countryStorage != nil }
    var hasVendors: Bool { vendorStorage != nil }
    var hasTimeline: Bool { timelineStorage != nil }

    /// The country rows and the totals row, added up together in one pass when first asked for.
    private var countryGroups: (rows: [GroupTotal], total: GroupTotal) {
        if countryStorage == nil { makeCountryLists() }
        return countryStorage!
    }

    /// The country totals and the leaders, both at once when neither is made yet (the two
    /// views that show one show the other), on two cores (`DealIndex.countryTotalsAndLeaders`).
    private func makeCountryLists() {
        switch (countryStorage, leadersStorage) {
        case (nil, nil):
            let both = catalog.countryTotalsAndLeaders(members)
            countryStorage = both.totals
            leadersStorage = both.leaders
        case (nil, _): countryStorage = catalog.countryTotals(members)
        case (_, nil): leadersStorage = VendorConcentration.Leaders(index: catalog, members: members)
        default: break
        }
    }

    /// One row per country with matching deals, in `Summary`'s order.
    var countries: [GroupTotal] { countryGroups.rows }

    /// The sorted rows of one country: taken from `rows` when first asked for, since a frame
    /// shows one country's deals and a keystroke that changes the result should not split all.
    func rows(ofCountry id: Int32) -> [Int32] {
        if let r = rowsByCountry[id] { return r }
        let r = catalog.countryOf.withUnsafeBufferPointer { countryOf in rows.filter { countryOf[Int($0)] == id } }
        rowsByCountry[id] = r
        return r
    }

    // MARK: - Vendors

    private var vendorStorage: (rows: [GroupTotal], ambition: Double?)?

    /// One row per vendor (and one for deals without a vendor), in `Summary`'s order, with the total ambition MW.
    var vendors: (rows: [GroupTotal], ambition: Double?) {
        if let v = vendorStorage { return v }
        let v = catalog.vendorTotals(members)
        vendorStorage = v
        return v
    }

    // MARK: - Counts

    private var countryCountStorage: [Int]?
    private var vendorCountStorage: [Int]?

    /// How many matching deals each country id has: the country picker's counts while the
    /// filter names no country, kept so that opening it again is no pass over the deals.
    var countryCounts: [Int] {
        if let c = countryCountStorage { return c }
        let c = catalog.groups.countryCounts(members)
        countryCountStorage = c
        return c
    }

    /// How many matching deals each vendor slot has (`DealGroups.vendorSlotCounts`, slot 0 the
    /// deals without a vendor): the vendor picker's counts while the filter names no vendor.
    var vendorCounts: [Int] {
        if let c = vendorCountStorage { return c }
        let c = catalog.groups.vendorSlotCounts(members)
        vendorCountStorage = c
        return c
    }

    // MARK: - Totals

    /// Every deal shown, totalled once each: the Countries and Vendors views' totals row.
    var total: GroupTotal { countryGroups.total }

    // MARK: - Sorted lists

    private var sortedStorage: [String: [GroupTotal]] = [:]

    /// The country rows in a column's order, kept so drawing a frame never sorts.
    func countries(by column: GroupColumn, descending: Bool) -> [GroupTotal] {
        sortedGroups("c", countries, column, descending)
    }

    /// The vendor rows in a column's order.
    func vendors(by column: GroupColumn, descending: Bool) -> [GroupTotal] {
        sortedGroups("v", vendors.rows, column, descending)
    }

    private func sortedGroups(
        _ kind: String, _ rows: @autoclosure () -> [GroupTotal], _ column: GroupColumn,
        _ descending: Bool
    ) -> [GroupTotal] {
        let key = "\(kind) \(column.rawValue) \(descending)"
        if let r = sortedStorage[key] { return r }
        let r = column.sorted(rows(), descending: descending, shares: column.needsShares ? leaders : nil)
        sortedStorage[key] = r
        return r
    }

    private var leadersStorage: VendorConcentration.Leaders?

    /// Vendor concentration of the matching deals (`summary`'s and the report's computation),
    /// as the lists show it: computed when a view first shows it.
    var leaders: VendorConcentration.Leaders {
        if leadersStorage == nil { makeCountryLists() }
        return leadersStorage!
    }

    // MARK: - Column widths

    private var naturalStorage: [DealColumn: Int] = [:]

    /// How wide a column's content is, over a sample of the result so widths stay put while scrolling.
    func naturalWidth(_ c: DealColumn) -> Int {
        if let w = naturalStorage[c] { return w }
        let w = columnWidths.widest(c, of: members.prefix(500))
        naturalStorage[c] = w
        return w
    }

    // MARK: - Timeline

    private var timelineStorage: TimelineModel?

    var timeline: TimelineModel {
        if let t = timelineStorage { return t }
        let t = TimelineModel(catalog: catalog, rows: rows)
        timelineStorage = t
        return t
    }
}
