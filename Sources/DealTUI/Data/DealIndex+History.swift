import DealKit

extension DealIndex {
    /// The recorded revisions of deal `id`, newest first; none when the store keeps no history
    /// (or one that does not read: `validate` reports it).
    ///
    /// The history is kept in id order, so the deal's revisions are found by binary search and
    /// only they are read: the Detail view asks on every frame.
    func revisions(of id: String) -> [Revision] {
        guard case .array(let items)? = feed.extra.first(where: { $0.key == History.key })?.value else { return [] }
        func idAt(_ i: Int) -> String {
            if case .object(let f) = items[i], case .string(let s)? = f.first(where: { $0.key == "id" })?.value {
                return s
            }
            return ""
        }
        var lo = 0
        var hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if idAt(mid) < id { lo = mid + 1 } else { hi = mid }
        }
        var out: [Revision] = []
        var i = lo
        while i < items.count, idAt(i) == id {
            if let r = try? Revision(json: items[i], path: "history[\(i)]") { out.append(r) }
            i += 1
        }
        return History(revisions: out).newestFirst
    }

    /// The merge conflicts of deal `id` still to settle, in the store's order; none when the
    /// store's `conflicts` does not read (`validate` reports it).
    func conflicts(of id: String) -> [MergeConflict] {
        ((try? MergeConflict.all(in: feed)) ?? []).filter { $0.id == id }
    }
}
