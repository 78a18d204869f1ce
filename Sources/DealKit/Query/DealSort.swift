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
                    let o = compare(at: d.baseAddress! + a, d.baseAddress! + b, descending: descending)
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
        withUnsafePointer(to: a) { a in withUnsafePointer(to: b) { b in compare(at: a, b, descending: descending) } }
    }

    /// Reads single fields through the pointers: a deal passed by value out of an array or
    /// buffer is copied whole first, on every comparison.
    func compare(at a: UnsafePointer<Deal>, _ b: UnsafePointer<Deal>, descending: Bool = false) -> Int {
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
            let c = cmp(a.pointee.country, b.pointee.country)
            return c != 0 ? c : cmp(a.pointee.announced, b.pointee.announced)
        case .announced: return cmp(a.pointee.announced, b.pointee.announced)
        case .id: return cmp(a.pointee.id, b.pointee.id)
        case .title: return cmp(a.pointee.title.lowercased(), b.pointee.title.lowercased())
        case .status: return cmp(a.pointee.status, b.pointee.status)
        case .sponsor: return opt(a.pointee.sponsor?.lowercased(), b.pointee.sponsor?.lowercased())
        case .mw: return opt(a.pointee.capacity?.ambitionMW, b.pointee.capacity?.ambitionMW)
        case .committed: return opt(a.pointee.capacity?.committedMW, b.pointee.capacity?.committedMW)
        case .operational: return opt(a.pointee.capacity?.operationalMW, b.pointee.capacity?.operationalMW)
        case .confidence: return opt(a.pointee.capacity?.confidence, b.pointee.capacity?.confidence)
        case .milestone: return opt(Milestone.next(in: a.pointee.milestones)?.date, Milestone.next(in: b.pointee.milestones)?.date)
        }
    }
}
