/// All deals in one `DealSort` order, ascending and descending, computed once per feed and column.
///
/// Sorting a filtered subset is then a walk of this order that keeps the members
/// (O(n) with integer work only), instead of a comparison sort that lower-cases titles
/// on every comparison. The order is exactly `DealSort.apply`'s: by the key, unknown
/// values last in both directions, then by id.
public struct SortIndex: Sendable {
    public let ascending: [Int32]
    public let descending: [Int32]

    /// `today`: which milestones are overdue, for `.milestone` (as `DealSort.apply`).
    public init(_ sort: DealSort, deals: [Deal], idRank: [Int32], today: PartialDate) {
        let rank = sort.keyRanks(deals, today: today)
        ascending = DealSort.sorted(rank: rank, idRank: idRank, descending: false)
        descending = DealSort.sorted(rank: rank, idRank: idRank, descending: true)
    }

    /// The members (a bitmap over all deals) in this order.
    public func order(of members: [Int32], isMember: [Bool], descending desc: Bool) -> [Int32] {
        if members.count == isMember.count { return desc ? descending : ascending }
        var out: [Int32] = []
        out.reserveCapacity(members.count)
        for i in desc ? descending : ascending where isMember[Int(i)] { out.append(i) }
        return out
    }
}
