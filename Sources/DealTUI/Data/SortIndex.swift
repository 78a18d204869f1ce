import DealKit

/// All deals in one `DealSort` order, ascending and descending, computed once per feed and column.
///
/// Sorting a filtered subset is then a walk of this order that keeps the members
/// (O(n) with integer work only), instead of a comparison sort that lower-cases titles
/// on every comparison. The order is exactly `DealSort.apply`'s: by the key, unknown
/// values last in both directions, then by id.
struct SortIndex: Sendable {
    let ascending: [Int32]
    let descending: [Int32]

    init(_ sort: DealSort, deals: [Deal], idRank: [Int32]) {
        let rank = SortIndex.keyRanks(sort, deals: deals)
        let n = deals.count
        var asc = (0..<Int32(n)).map { $0 }
        asc.sort { a, b in
            let ra = rank[Int(a)], rb = rank[Int(b)]
            return ra != rb ? ra < rb : idRank[Int(a)] < idRank[Int(b)]
        }
        var desc = (0..<Int32(n)).map { $0 }
        let unknown = Int32.max
        desc.sort { a, b in
            let ra = rank[Int(a)], rb = rank[Int(b)]
            if ra != rb {
                if ra == unknown { return false }
                if rb == unknown { return true }
                return ra > rb
            }
            return idRank[Int(a)] < idRank[Int(b)]
        }
        ascending = asc
        descending = desc
    }

    /// The members (a bitmap over all deals) in this order.
    func order(of members: [Int32], isMember: [Bool], descending desc: Bool) -> [Int32] {
        if members.count == isMember.count { return desc ? descending : ascending }
        var out: [Int32] = []
        out.reserveCapacity(members.count)
        for i in desc ? descending : ascending where isMember[Int(i)] { out.append(i) }
        return out
    }

    /// The rank of each deal's key among all keys (equal keys share a rank; unknown is `Int32.max`).
    static func keyRanks(_ sort: DealSort, deals: [Deal]) -> [Int32] {
        switch sort {
        case .country:
            return ranks(deals.map { Optional(($0.country, announcedKey($0.announced))) }, <)
        case .announced: return ranks(deals.map { Optional(announcedKey($0.announced)) }, <)
        case .id: return ranks(deals.map { Optional($0.id) }, <)
        case .title: return ranks(deals.map { Optional($0.title.lowercased()) }, <)
        case .status: return ranks(deals.map { Optional($0.status) }, <)
        case .sponsor: return ranks(deals.map { $0.sponsor?.lowercased() }, <)
        case .mw: return ranks(deals.map(\.ambitionMW), <)
        case .committed: return ranks(deals.map(\.committedMW), <)
        case .operational: return ranks(deals.map(\.operationalMW), <)
        case .confidence: return ranks(deals.map { $0.capacity?.confidence }, <)
        case .milestone: return ranks(deals.map { $0.nextMilestone.map { announcedKey($0.date) } }, <)
        }
    }

    /// Orders like `PartialDate`'s `<`: the first day, then the less precise first.
    static func announcedKey(_ d: PartialDate) -> Int {
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
            if let p = prev, !less(p, k) {
                // Equal to the previous key: same rank.
            } else {
                rank += 1
            }
            out[i] = rank
            prev = k
        }
        return out
    }
}
