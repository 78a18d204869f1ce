/// The orders deals can be listed in.
public enum DealSort: String, Sendable, CaseIterable {
    case country, announced, id, title, status, sponsor
    case mw, committed, operational, confidence, milestone
    /// By the list as a table shows it (`NVIDIA, AMD`), case folded; a deal with none comes last.
    case vendors, partners, models

    /// Sorts stably by this key then by id; unknown values sort last either way.
    ///
    /// `today` matters to `.milestone` only: overdue milestones come first, as the column shows
    /// them (`Milestone.next(in:today:)`); nil: none is overdue.
    public func apply(to deals: [Deal], descending: Bool = false, today: PartialDate? = nil) -> [Deal] {
        order(of: deals, descending: descending, today: today).map { deals[$0] }
    }

    /// The indices of `deals` in this order.
    ///
    /// Each deal's key is ranked once (`keyRanks`), so the sort compares integers: no deal is
    /// moved or copied, and no title is folded on every comparison.
    public func order(of deals: [Deal], descending: Bool = false, today: PartialDate? = nil) -> [Int] {
        let ids = deals.withUnsafeBufferPointer(DealSort.idOrder)
        return DealSort.sorted(rank: keyRanks(deals, today: today), idRank: ids.rank, descending: descending).map(
            Int.init)
    }

    /// The positions 0..<n ordered by key rank, then by id rank: the one order every list
    /// of deals is in, on the command line (`order(of:)`) and in the dashboard (`SortIndex`).
    public static func sorted(rank: [Int32], idRank: [Int32], descending: Bool) -> [Int32] {
        (0..<Int32(rank.count)).sorted { a, b in
            let ra = rank[Int(a)]
            let rb = rank[Int(b)]
            // Ties go by id (then by position, in `idRank`), so the order never depends on the sort algorithm.
            return ra != rb ? DealSort.before(ra, rb, descending: descending) : idRank[Int(a)] < idRank[Int(b)]
        }
    }

    /// The deals in id order (`byID`, positions) and each deal's place in it (`rank`); equal ids by position.
    public static func idOrder(_ deals: UnsafeBufferPointer<Deal>) -> (byID: [Int32], rank: [Int32]) {
        idOrder(count: deals.count) { deals[$0].id < deals[$1].id }
    }

    /// `idOrder` of `count` ids that `less(a, b)` compares by position (the index's CSV
    /// compares them as bytes, where they lie).
    static func idOrder(count: Int, less: (Int, Int) -> Bool) -> (byID: [Int32], rank: [Int32]) {
        var byID = (0..<Int32(count)).map { $0 }
        // A saved store is in id order already: no sort then.
        let ascending = (0..<count).dropFirst().allSatisfy { less($0 - 1, $0) }
        if !ascending {
            byID.sort { a, b in
                if less(Int(a), Int(b)) { return true }
                return !less(Int(b), Int(a)) && a < b
            }
        }
        var rank = [Int32](repeating: 0, count: count)
        for (r, i) in byID.enumerated() { rank[Int(i)] = Int32(r) }
        return (byID, rank)
    }

    /// Whether key rank `a` sorts before `b`: a deal with no value (`Int32.max`) comes last
    /// in both directions.
    public static func before(_ a: Int32, _ b: Int32, descending: Bool) -> Bool {
        !descending || a == .max || b == .max ? a < b : a > b
    }

    /// The rank of each deal's key among all the deals' keys: equal keys share a rank, a deal
    /// with no value has `Int32.max`.
    public func keyRanks(_ deals: [Deal], today: PartialDate? = nil) -> [Int32] {
        deals.withUnsafeBufferPointer { d in
            // Through the buffer: a deal passed to a closure by value is copied whole first.
            func keys<K>(_ key: (UnsafePointer<Deal>) -> K?) -> [K?] { d.indices.map { key(d.baseAddress! + $0) } }
            switch self {
            case .country:
                // Each country's rank among the few distinct ones first, so that the sort of
                // 100,000 deals compares integers, not strings (the same order).
                let countries = Set(d.indices.map { d[$0].country }).sorted()
                let rank = Dictionary(uniqueKeysWithValues: countries.enumerated().map { ($1, $0) })
                return DealSort.ranks(keys { (rank[$0.pointee.country]!, DealSort.dateKey($0.pointee.announced)) }, <)
            case .announced: return DealSort.ranks(keys { DealSort.dateKey($0.pointee.announced) }, <)
            case .id: return DealSort.ranks(keys { $0.pointee.id }, <)
            case .title: return DealSort.ranks(keys { $0.pointee.title.lowercased() }, <)
            case .status: return DealSort.ranks(keys { $0.pointee.status }, <)
            case .sponsor: return DealSort.ranks(keys { $0.pointee.sponsor?.lowercased() }, <)
            case .mw: return DealSort.ranks(keys { $0.pointee.capacity?.ambitionMW }, <)
            case .committed: return DealSort.ranks(keys { $0.pointee.capacity?.committedMW }, <)
            case .operational: return DealSort.ranks(keys { $0.pointee.capacity?.operationalMW }, <)
            case .confidence: return DealSort.ranks(keys { $0.pointee.capacity?.confidence }, <)
            case .milestone:
                return DealSort.ranks(keys { DealSort.milestoneKey($0.pointee.milestones, today: today) }, <)
            case .vendors, .partners, .models: return DealSort.ranks(keys { listKey($0.pointee) }, <)
            }
        }
    }

    /// The folded text of the list this sort reads, nil when the deal has none.
    private func listKey(_ d: Deal) -> String? {
        let names: [String]
        switch self {
        case .vendors: names = d.vendors
        case .partners: names = d.otherPartners.map(\.name)
        case .models: names = d.models
        default: return nil
        }
        return names.isEmpty ? nil : names.joined(separator: ", ").lowercased()
    }

    /// The shown milestone's order: overdue (0) before to come (1), then by date.
    private static func milestoneKey(_ milestones: [Milestone], today: PartialDate?) -> (Int, Int)? {
        Milestone.next(in: milestones, today: today).map { m in
            (today.map { m.isOverdue(on: $0) } == true ? 0 : 1, DealSort.dateKey(m.date))
        }
    }

    /// Orders like `PartialDate`'s `<`: the first day, then the less precise first.
    static func dateKey(_ d: PartialDate) -> Int {
        d.startKey * 8 + d.precision.rawValue
    }

    private static func ranks<K>(_ keys: [K?], _ less: (K, K) -> Bool) -> [Int32] {
        var idx = keys.indices.filter { keys[$0] != nil }
        idx.sort { less(keys[$0]!, keys[$1]!) }
        var out = [Int32](repeating: .max, count: keys.count)
        var rank: Int32 = -1
        var prev: K?
        for i in idx {
            let k = keys[i]!
            // A key equal to the previous one shares its rank.
            if prev.map({ less($0, k) }) ?? true { rank += 1 }
            out[i] = rank
            prev = k
        }
        return out
    }

    /// -1, 0 or 1; a deal with an unknown value comes after one with a known value.
    ///
    /// From the keys' ranks, so it cannot disagree with `order(of:)`.
    public func compare(_ a: Deal, _ b: Deal, descending: Bool = false, today: PartialDate? = nil) -> Int {
        let r = keyRanks([a, b], today: today)
        if r[0] == r[1] { return 0 }
        return DealSort.before(r[0], r[1], descending: descending) ? -1 : 1
    }
}
