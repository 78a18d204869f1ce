import DealKit

/// The deals one filter and sort select, with the per-view facts derived from them.
///
/// Built once per filter or sort change; the views' lists (country totals, vendor totals,
/// timeline lanes, one country's deals) are computed on first use and kept, so moving the
/// selection never does O(n) work.
final class ResultSet {
    let catalog: DealCatalog
    /// The matching deals in feed order.
    let members: [Int32]
    /// The matching deals in the sort order.
    let rows: [Int32]

    init(catalog: DealCatalog, members: [Int32], sort: DealSort, descending: Bool) {
        self.catalog = catalog
        self.members = members
        var isMember = [Bool](repeating: false, count: catalog.count)
        for i in members { isMember[Int(i)] = true }
        rows = catalog.sortIndex(sort).order(of: members, isMember: isMember, descending: descending)
    }

    // MARK: - Countries

    private var countryStorage: [GroupTotal]?
    private var rowsByCountryStorage: [Int32: [Int32]]?

    var hasCountries: Bool { countryStorage != nil }
    var hasVendors: Bool { vendorStorage != nil }
    var hasTimeline: Bool { timelineStorage != nil }

    /// One row per country with matching deals, in `Summary`'s order.
    var countries: [GroupTotal] {
        if let c = countryStorage { return c }
        var byID: [Int32: GroupTotal] = [:]
        for i in members {
            let cid = catalog.countryOf[Int(i)]
            if byID[cid] == nil {
                let code = catalog.countryCodes[Int(cid)]
                byID[cid] = GroupTotal(key: code, name: Countries.byCode(code)?.name ?? code, id: cid)
            }
            byID[cid]!.add(catalog, i)
        }
        let c = byID.values.sorted(by: GroupTotal.summaryOrder)
        countryStorage = c
        return c
    }

    /// The sorted rows of one country.
    func rows(ofCountry id: Int32) -> [Int32] {
        if rowsByCountryStorage == nil {
            var split: [Int32: [Int32]] = [:]
            for i in rows { split[catalog.countryOf[Int(i)], default: []].append(i) }
            rowsByCountryStorage = split
        }
        return rowsByCountryStorage![id] ?? []
    }

    // MARK: - Vendors

    private var vendorStorage: (rows: [GroupTotal], ambition: Double?)?

    /// One row per vendor (and one for deals without a vendor), in `Summary`'s order, with the total ambition MW.
    var vendors: (rows: [GroupTotal], ambition: Double?) {
        if let v = vendorStorage { return v }
        var byID: [Int32: GroupTotal] = [:]
        var countries: [Int32: Set<Int32>] = [:]
        var total: Double?
        for i in members {
            let a = catalog.ambition[Int(i)]
            if !a.isNaN { total = (total ?? 0) + a }
            let vs = catalog.vendors(of: i)
            let ids: [Int32] = vs.isEmpty ? [-1] : Array(vs)
            for v in ids {
                if byID[v] == nil {
                    byID[v] = GroupTotal(key: v < 0 ? Summary.noVendor : catalog.vendorNames[Int(v)], name: "", id: v)
                }
                byID[v]!.add(catalog, i)
                countries[v, default: []].insert(catalog.countryOf[Int(i)])
            }
        }
        for (v, set) in countries {
            byID[v]!.countries = set.map { catalog.countryCodes[Int($0)] }.sorted()
        }
        let v = (byID.values.sorted(by: GroupTotal.summaryOrder), total)
        vendorStorage = v
        return v
    }

    // MARK: - Column widths

    private var naturalStorage: [DealColumn: Int] = [:]

    /// How wide a column's content is, over a sample of the result so widths stay put while scrolling.
    func naturalWidth(_ c: DealColumn) -> Int {
        if let w = naturalStorage[c] { return w }
        var w = 0
        for i in members.prefix(500) {
            w = max(w, DisplayWidth.of(SafeText.sanitize(c.value(catalog.deals[Int(i)]))))
            if w >= c.widths.max { break }
        }
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
