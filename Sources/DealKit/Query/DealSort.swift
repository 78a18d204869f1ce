/// The orders deals can be listed in.
public enum DealSort: String, Sendable, CaseIterable {
    case country, announced, id, title, status, sponsor
    case mw, committed, operational, confidence, milestone

    /// Sorts stably by this key then by id; unknown values sort last either way.
    public func apply(to deals: [Deal], descending: Bool = false) -> [Deal] {
        order(of: deals, descending: descending).map { deals[$0] }
    }

    /// The indices of `deals` in this order.
    ///
    /// Sorting indices moves no deal (a moved deal is a retain per string), and text keys are
    /// folded once per deal rather than once per comparison.
    public func order(of deals: [Deal], descending: Bool = false) -> [Int] {
        var order = Array(deals.indices)
        deals.withUnsafeBufferPointer { d in
            switch self {
            case .title, .sponsor:
                let keys = d.map { self == .title ? $0.title.lowercased() : $0.sponsor?.lowercased() }
                let sign = descending ? -1 : 1
                order.sort { a, b in
                    let o: Int
                    switch (keys[a], keys[b]) {
                    case let (x?, y?): o = x == y ? 0 : sign * (x < y ? -1 : 1)
                    case (nil, nil): o = 0
                    case (nil, _): o = 1
                    case (_, nil): o = -1
                    }
                    return o != 0 ? o < 0 : DealSort.byID(d, a, b)
                }
            default:
                order.sort { a, b in
                    let o = compare(d[a], d[b], descending: descending)
                    return o != 0 ? o < 0 : DealSort.byID(d, a, b)
                }
            }
        }
        return order
    }

    /// Ties go by id, then by position, so the order never depends on the sort algorithm.
    private static func byID(_ d: UnsafeBufferPointer<Deal>, _ a: Int, _ b: Int) -> Bool {
        d[a].id != d[b].id ? d[a].id < d[b].id : a < b
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
