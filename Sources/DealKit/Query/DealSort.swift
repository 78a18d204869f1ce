/// The orders deals can be listed in.
public enum DealSort: String, Sendable, CaseIterable {
    case country, announced, id, title, status, sponsor
    case mw, committed, operational, confidence, milestone

    /// Sorts stably by this key then by id; unknown values sort last either way.
    public func apply(to deals: [Deal], descending: Bool = false) -> [Deal] {
        deals.sorted { a, b in
            let o = compare(a, b, descending: descending)
            if o != 0 { return o < 0 }
            return a.id < b.id
        }
    }

    /// -1, 0 or 1; a deal with an unknown value comes after one with a known value.
    public func compare(_ a: Deal, _ b: Deal, descending: Bool = false) -> Int {
        let sign = descending ? -1 : 1
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { sign * (x < y ? -1 : (y < x ? 1 : 0)) }
        func opt<T: Comparable>(_ x: T?, _ y: T?) -> Int {
            switch (x, y) {
            case let (x?, y?): return cmp(x, y)
            case (nil, nil): return 0
            case (nil, _): return 1
            case (_, nil): return -1
            }
        }
        switch self {
        case .country:
            let c = cmp(a.country, b.country)
            return c != 0 ? c : cmp(a.announced, b.announced)
        case .announced: return cmp(a.announced, b.announced)
        case .id: return cmp(a.id, b.id)
        case .title: return cmp(a.title.lowercased(), b.title.lowercased())
        case .status: return cmp(a.status, b.status)
        case .sponsor: return opt(a.sponsor?.lowercased(), b.sponsor?.lowercased())
        case .mw: return opt(a.ambitionMW, b.ambitionMW)
        case .committed: return opt(a.committedMW, b.committedMW)
        case .operational: return opt(a.operationalMW, b.operationalMW)
        case .confidence: return opt(a.capacity?.confidence, b.capacity?.confidence)
        case .milestone: return opt(a.nextMilestone?.date, b.nextMilestone?.date)
        }
    }
}
