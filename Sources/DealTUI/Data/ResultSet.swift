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
    private var rowsByCountryStorage: [[Int32]]?

    var hasCountries: Bool { countryStorage != nil }
    var hasVendors: Bool { vendorStorage != nil }
    var hasTimeline: Bool { timelineStorage != nil }

    /// One row per country with matching deals, in `Summary`'s order.
    var countries: [GroupTotal] {
        if let c = countryStorage { return c }
        var byID = [GroupTotal?](repeating: nil, count: catalog.countryCodes.count)
        for i in members {
            let cid = Int(catalog.countryOf[Int(i)])
            if byID[cid] == nil {
                let code = catalog.countryCodes[cid]
                byID[cid] = GroupTotal(key: code, name: Countries.byCode(code)?.name ?? code, id: Int32(cid))
            }
            byID[cid]!.add(catalog, i)
        }
        let c = byID.compactMap { $0 }.sorted(by: GroupTotal.summaryOrder)
        countryStorage = c
        return c
    }

    /// The sorted rows of one country.
    func rows(ofCountry id: Int32) -> [Int32] {
        if rowsByCountryStorage == nil {
            var split = [[Int32]](repeating: [], count: catalog.countryCodes.count)
            for i in rows { split[Int(catalog.countryOf[Int(i)])].append(i) }
            rowsByCountryStorage = split
        }
        return rowsByCountryStorage![Int(id)]
    }

    // MARK: - Vendors

    private var vendorStorage: (rows: [GroupTotal], ambition: Double?)?

    /// One row per vendor (and one for deals without a vendor), in `Summary`'s order, with the total ambition MW.
    var vendors: (rows: [GroupTotal], ambition: Double?) {
        if let v = vendorStorage { return v }
        // Slot 0 is "no vendor", slot v + 1 vendor v; countries as one bitmap row per slot.
        let slots = catalog.vendorNames.count + 1
        let nc = catalog.countryCodes.count
        var bySlot = [GroupTotal?](repeating: nil, count: slots)
        var countries = [Bool](repeating: false, count: slots * nc)
        var total: Double?
        for i in members {
            let a = catalog.ambition[Int(i)]
            if !a.isNaN { total = (total ?? 0) + a }
            let c = Int(catalog.countryOf[Int(i)])
            let vs = catalog.vendors(of: i)
            func add(_ slot: Int) {
                if bySlot[slot] == nil {
                    bySlot[slot] = GroupTotal(key: slot == 0 ? Summary.noVendor : catalog.vendorNames[slot - 1], name: "", id: Int32(slot - 1))
                }
                bySlot[slot]!.add(catalog, i)
                countries[slot * nc + c] = true
            }
            if vs.isEmpty { add(0) } else { for v in vs { add(Int(v) + 1) } }
        }
        var rows: [GroupTotal] = []
        for slot in 0..<slots {
            guard var row = bySlot[slot] else { continue }
            row.countries = (0..<nc).filter { countries[slot * nc + $0] }.map { catalog.countryCodes[$0] }
            rows.append(row)
        }
        let v = (rows.sorted(by: GroupTotal.summaryOrder), total)
        vendorStorage = v
        return v
    }

    // MARK: - Totals

    private var totalStorage: GroupTotal?

    /// Every deal shown, totalled once each: the Countries and Vendors views' totals row.
    var total: GroupTotal {
        if let t = totalStorage { return t }
        var t = GroupTotal(key: "total", name: "", id: -1)
        var seen = [Bool](repeating: false, count: catalog.countryCodes.count)
        for i in members {
            t.add(catalog, i)
            seen[Int(catalog.countryOf[Int(i)])] = true
        }
        t.countries = catalog.countryCodes.indices.filter { seen[$0] }.map { catalog.countryCodes[$0] }
        totalStorage = t
        return t
    }

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

    private func sortedGroups(_ kind: String, _ rows: @autoclosure () -> [GroupTotal], _ column: GroupColumn,
                              _ descending: Bool) -> [GroupTotal] {
        let key = "\(kind) \(column.rawValue) \(descending)"
        if let r = sortedStorage[key] { return r }
        let r = column.sorted(rows(), descending: descending, shares: column.needsShares ? vendorShares : nil)
        sortedStorage[key] = r
        return r
    }

    private var vendorSharesStorage: VendorShares?

    /// Vendor concentration of the matching deals, computed when a view first shows it.
    var vendorShares: VendorShares {
        if let v = vendorSharesStorage { return v }
        let v = VendorShares(catalog: catalog, members: members)
        vendorSharesStorage = v
        return v
    }

    // MARK: - Column widths

    private var naturalStorage: [DealColumn: Int] = [:]

    /// How wide a column's content is, over a sample of the result so widths stay put while scrolling.
    func naturalWidth(_ c: DealColumn) -> Int {
        if let w = naturalStorage[c] { return w }
        var w = 0
        for i in members.prefix(500) {
            w = max(w, DisplayWidth.of(SafeText.sanitize(c.value(catalog.deals[Int(i)], today: catalog.today))))
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
