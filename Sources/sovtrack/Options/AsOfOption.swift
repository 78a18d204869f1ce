import ArgumentParser
import DealKit

/// `--as-of DATE`: read the store as it stood at the end of that date, from its history.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Show the store as it stood at the end of this date (2026, 2026-Q2, 2026-06-01), from its history.",
            valueName: "date"))
    var asOf: String?

    /// The last day of `--as-of` as `yyyymmdd`, nil without it (already checked by `feed`).
    var cutoff: Int? { asOf.flatMap { PartialDate($0)?.endKey } }

    /// The store's feed as of the date (nil without `--as-of`); a bad date is a usage error with an example.
    func feed(_ store: StoreOptions) throws -> Feed? {
        guard let asOf else { return nil }
        let cutoff = try AsOfDate.endKey(asOf, option: "--as-of")
        let feed = try FeedOperand.storeAsOf(cutoff, store: store)
        Retained.keep(feed)
        return feed
    }

    /// The deals `keep` accepts: of the store as of the date with `--as-of`, else read as `select` reads.
    func select(_ store: StoreOptions, where keep: @escaping @Sendable (inout Deal) -> Bool) throws -> Store.Selection {
        guard let past = try feed(store) else { return try store.select(where: keep) }
        var deals: [Deal] = []
        for var d in past.deals where keep(&d) { deals.append(d) }
        return Store.Selection(deals: deals, updated: past.updated, warnings: [], extra: past.extra)
    }

    /// The deal with `id` (none or one): of the store as of the date with `--as-of`, else read
    /// by its id (`DealStore.select(id:)`: a database reads that deal alone).
    func select(_ store: StoreOptions, id: String) throws -> Store.Selection {
        asOf == nil ? try store.select(id: id) : try select(store) { $0.id == id }
    }
}
