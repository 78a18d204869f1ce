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
        let order = desc ? descending : ascending
        precondition(isMember.count == order.count, "a bitmap over every deal")
        // Every deal written and the place kept only for a member: a branch on membership
        // guesses wrong about half the time when half the deals match. The place never passes
        // the room made, whatever `isMember` holds (a bitmap of more members than `members`).
        let last = members.count
        return [Int32](unsafeUninitializedCapacity: last + 1) { out, count in
            var k = 0
            order.withUnsafeBufferPointer { order in
                isMember.withUnsafeBufferPointer { isMember in
                    for i in order {
                        out[k] = i
                        k = min(k + (isMember[Int(i)] ? 1 : 0), last)
                    }
                }
            }
            count = k
        }
    }
}
