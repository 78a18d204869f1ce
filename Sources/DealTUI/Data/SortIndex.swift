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

    /// `today`: which milestones are overdue, for `.milestone` (as `DealSort.apply`).
    init(_ sort: DealSort, deals: [Deal], idRank: [Int32], today: PartialDate) {
        let rank = sort.keyRanks(deals, today: today)
        func sorted(descending: Bool) -> [Int32] {
            (0..<Int32(deals.count)).sorted { a, b in
                let ra = rank[Int(a)], rb = rank[Int(b)]
                return ra != rb ? DealSort.before(ra, rb, descending: descending) : idRank[Int(a)] < idRank[Int(b)]
            }
        }
        ascending = sorted(descending: false)
        descending = sorted(descending: true)
    }

    /// The members (a bitmap over all deals) in this order.
    func order(of members: [Int32], isMember: [Bool], descending desc: Bool) -> [Int32] {
        if members.count == isMember.count { return desc ? descending : ascending }
        var out: [Int32] = []
        out.reserveCapacity(members.count)
        for i in desc ? descending : ascending where isMember[Int(i)] { out.append(i) }
        return out
    }
}
