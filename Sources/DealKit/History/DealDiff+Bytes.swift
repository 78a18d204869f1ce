import Foundation

extension DealDiff {
    /// The changes from the feed in `old` to the feed in `new`, both still bytes, checking each
    /// distinct deal once and modelling only the deals that differ.
    ///
    /// Two whole loads cost `diff` of two 100,000-deal feeds 2.8 times a `summary`; most deals
    /// are the same in both. So the deals' byte ranges are found first (`DealBlocks`, both
    /// feeds at once): `new` is decoded and checked whole but keeps only the deals whose bytes
    /// are not in `old`, and of `old` only those deals (with its top level and history) are
    /// decoded, from a document made of them. A deal byte for byte the same in both has the
    /// same issues in both, so none is missed. Nil when the blocks cannot be told apart, when
    /// either feed has an error, or when the two feeds' versions differ (a deal then reads
    /// differently in each): the caller loads both whole, which reports the errors as usual.
    public static func changes(oldBytes old: UnsafeBufferPointer<UInt8>, newBytes new: UnsafeBufferPointer<UInt8>)
        -> [DealChange]?
    {
        let sides = [ReadOnlyBuffer(old), ReadOnlyBuffer(new)]
        let scans = Parallel.map(2) { k in DealBlocks.of(sides[k].buffer) }
        guard let ob = scans[0], let nb = scans[1] else { return nil }
        var oldIndex: [String: Int] = [:]
        oldIndex.reserveCapacity(ob.ids.count)
        for (k, id) in ob.ids.enumerated() where oldIndex.updateValue(k, forKey: id) != nil { return nil }
        var differing = Set<String>()
        var oldNeeded: [Int] = []
        for (k, id) in nb.ids.enumerated() {
            if let o = oldIndex.removeValue(forKey: id) {
                if same(old, ob.ranges[o], new, nb.ranges[k]) { continue }
                oldNeeded.append(o)
            }
            differing.insert(id)
        }
        oldNeeded += oldIndex.values
        oldNeeded.sort()

        let keep = differing
        let newResult = FeedDecoder.decode(buffer: new, keeping: { keep.contains($0.id) })
        guard !newResult.hasErrors else { return nil }
        // The old feed with only those deals: its top level before and after the array unchanged.
        var part: [UInt8] = []
        var size = ob.open + 1 + old.count - ob.end + 1
        for k in oldNeeded { size += ob.ranges[k].count + 2 }
        part.reserveCapacity(size)
        part += old[...ob.open]
        for (n, k) in oldNeeded.enumerated() {
            if n > 0 { part += [UInt8(ascii: ","), 0x0A] }
            part += old[ob.ranges[k]]
        }
        part += old[(ob.end - 1)...]
        let oldResult = FeedDecoder.decode(part)
        guard !oldResult.hasErrors, oldResult.feed.version == newResult.feed.version,
            oldResult.feed.deals.count == oldNeeded.count
        else { return nil }
        return changes(from: oldResult.feed.deals, to: newResult.feed.deals)
    }

    /// True when the two ranges hold the same bytes.
    private static func same(
        _ a: UnsafeBufferPointer<UInt8>, _ ra: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ rb: Range<Int>
    ) -> Bool {
        ra.count == rb.count && memcmp(a.baseAddress! + ra.lowerBound, b.baseAddress! + rb.lowerBound, ra.count) == 0
    }
}
