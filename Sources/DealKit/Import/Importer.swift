/// Merges incoming deals into a feed by id.
public enum Importer {
    /// Merges whole deals (from a feed): a new id is added, a known id is replaced.
    public static func merge(_ incoming: [Deal], into feed: inout Feed) -> ImportReport {
        merge(incoming.map { d in (d.id, { (_: Deal?) in d }) }, into: &feed)
    }

    /// Merges by id with a function that builds the new deal from the stored one (nil if new).
    ///
    /// `incoming` is consumed once, in order: a lazy sequence (a CSV file's rows read one at a
    /// time) is never held whole.
    ///
    /// Once `keeping` turns false (the caller found a problem, so nothing will be saved), every
    /// deal is still made, for the caller to count its problems, but none is kept: two million
    /// bad rows then cost the memory of one.
    public static func merge(
        _ incoming: some Sequence<(id: String, make: (Deal?) -> Deal)>, into feed: inout Feed,
        keeping: () -> Bool = { true }
    ) -> ImportReport {
        var report = ImportReport()
        var index: [String: Int] = [:]
        index.reserveCapacity(feed.deals.count)
        for (i, d) in feed.deals.enumerated() { index[d.id] = i }
        // Work out each id's result first, so that an id given twice can be set aside whole.
        var results: [String: Deal] = [:]
        var order: [String] = []
        var conflicted = Set<String>()
        for item in incoming {
            let base = index[item.id].map { feed.deals[$0] }
            let made = item.make(base)
            guard keeping() else { continue }
            if let earlier = results[item.id] {
                if earlier != made { conflicted.insert(item.id) }
                continue
            }
            results[item.id] = made
            order.append(item.id)
        }
        for id in order {
            if conflicted.contains(id) {
                report.conflicts.append(id)
                continue
            }
            guard let deal = results[id] else { continue }
            if let i = index[id] {
                if feed.deals[i] == deal {
                    report.unchanged.append(id)
                } else {
                    feed.deals[i] = deal
                    report.updated.append(id)
                }
            } else {
                index[id] = feed.deals.count
                feed.deals.append(deal)
                report.added.append(id)
            }
        }
        return report
    }

    /// Refuses a merged feed that a save would refuse, for a dry run to fail as the import would.
    public static func refuseInvalid(_ feed: Feed) throws(StoreError) {
        let issues = DealValidator.issues(for: feed).filter(\.isError)
        if !issues.isEmpty { throw StoreError.invalidChange(issues: issues) }
    }
}
