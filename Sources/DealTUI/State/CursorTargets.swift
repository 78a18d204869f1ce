/// What each view's cursor is on, to carry across a result change: deal ids per view, a country code, a vendor key.
///
/// Only lists already built are read, and only the current view's cursor is restored
/// at once; the others wait in `pendingTargets` until their view opens, so a search
/// keystroke never builds the timeline or the vendor totals nobody is looking at.
struct CursorTargets: Sendable, Equatable {
    var countryDeal: String?, deal: String?, timeline: String?
    var country: String?, vendor: String?

    init() {}

    init(_ s: AppState) {
        let c = s.catalog
        let r = s.results
        func id(_ rows: [Int32], _ cur: ListCursor) -> String? {
            rows.isEmpty ? nil : c.deals[Int(rows[min(cur.index, rows.count - 1)])].id
        }
        self = s.pendingTargets
        if r.hasCountries {
            country = s.selectedCountry?.key
            countryDeal = id(s.selectedCountry.map { r.rows(ofCountry: $0.id) } ?? [], s.countryDealCursor)
        }
        if r.hasVendors { vendor = s.selectedVendor?.key }
        deal = id(r.rows, s.dealsCursor)
        if r.hasTimeline {
            let t = r.timeline
            if !t.laneLines.isEmpty,
                case .deal(let i) = t.lines[t.laneLines[min(s.timelineCursor.index, t.laneLines.count - 1)]]
            {
                timeline = c.deals[Int(i)].id
            }
        }
    }

    func restore(into s: inout AppState) {
        s.pendingTargets = self
        s.restorePending(for: s.view)
    }
}
