/// A briefing on some deals, computed as values: the per-country summary, vendor
/// concentration, milestones per year, numbered sources with each figure's citations, and
/// the fingerprint of the data. `ReportHTML` and `ReportMarkdown` render it.
public struct Report: Sendable {
    /// What the report says about where it came from.
    public struct Context: Sendable {
        public var title: String
        /// The day it was made.
        public var date: PartialDate
        /// The filter as one line (`DealFilter.summary`); empty for none.
        public var filter: String
        /// The store's path.
        public var store: String
        /// The command that gives the same numbers, shown so a reader can check them.
        public var reproduce: String
        /// The `--as-of` date when the report is of the store as it stood then.
        public var asOf: String?
        /// The changes of the period; nil when the report was made without the history.
        public var changes: Changes?

        public init(
            title: String, date: PartialDate, filter: String, store: String, reproduce: String,
            asOf: String? = nil, changes: Changes? = nil
        ) {
            self.title = title
            self.date = date
            self.filter = filter
            self.store = store
            self.reproduce = reproduce
            self.asOf = asOf
            self.changes = changes
        }
    }

    /// Milestones of one country in one year.
    public struct MilestoneCount: Sendable, Equatable {
        public var country: String
        public var year: Int
        public var done: Int
        public var open: Int
    }

    /// The changes of the period, from the store's history.
    public struct Changes: Sendable {
        /// The first day of the period, as given (`2026-06-01`).
        public var since: String
        /// The last day: the `--as-of` date, or the day the report was made.
        public var until: String
        /// False when the store has no recorded revision: then nothing can be said of the period.
        public var hasHistory: Bool
        /// The changes to the report's deals between the start of `since` and the end of `until`.
        public var list: [DealChange]

        public init(since: String, until: String, hasHistory: Bool, list: [DealChange]) {
            self.since = since
            self.until = until
            self.hasHistory = hasHistory
            self.list = list
        }

        /// A `yyyymmdd` day key as `yyyy-mm-dd`.
        public static func dayText(_ key: Int) -> String {
            let y = key / 10_000
            let m = key / 100 % 100
            let d = key % 100
            return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
        }

        /// At most this many changes are listed; the rest are counted.
        public static let listed = 200

        /// The paragraph above the list (or in its place).
        public var intro: String {
            guard hasHistory else {
                return
                    "This store has no recorded revision, so the changes from \(since) to \(until) cannot be told: sovtrack records each change made through it from the first one on (docs/history.md)."
            }
            if list.isEmpty { return "No change to these deals from \(since) to \(until)." }
            let setbacks = list.filter(\.isSetback).count
            return "\(list.count) change\(list.count == 1 ? "" : "s") to these deals from \(since) to \(until)"
                + (setbacks > 0 ? ", \(setbacks) of them setbacks (marked !: a slip, a cut, a regression)." : ".")
        }
    }

    /// Said where a report would list the changes of the period when none were asked for.
    public static let noHistory =
        "This report was made without the store's history, so it cannot list the changes of the period: it shows the data as it is on the day it was made."

    public var context: Context
    public var dealCount: Int
    /// SHA-256 of `canonicalBytes` of the deals: `sovtrack list --sort id --format json` with the same filter.
    public var fingerprint: String
    /// Per country, with vendor concentration.
    public var summary: Summary
    public var sources: SourceList
    /// Per row key (country code, or "total"), the source numbers of each figure, sorted.
    public var citations: [String: [Citation.Figure: [Int]]]
    public var milestones: [MilestoneCount]

    /// The shell command whose output the fingerprint is the SHA-256 of: `sovtrack list` with
    /// the store (when not the default) and the filter, sorted by id, as JSON, into `sha256sum`.
    public static func reproduceCommand(store: String?, filter: DealFilter, asOf: String? = nil) -> String {
        var args = ["sovtrack", "list"].map(shellQuoted)
        if let store {
            // A leading ~/ stays outside the quotes so the shell still expands it.
            args += [
                "--store", store.hasPrefix("~/") ? "~/" + shellQuoted(String(store.dropFirst(2))) : shellQuoted(store),
            ]
        }
        args += (filter.arguments + (asOf.map { ["--as-of", $0] } ?? []) + ["--sort", "id", "--format", "json"]).map(
            shellQuoted)
        return args.joined(separator: " ") + " | sha256sum"
    }

    /// `s` as one shell word: as is when it is plain, else in single quotes.
    static func shellQuoted(_ s: String) -> String {
        let plain =
            !s.isEmpty
            && s.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "-_./:=+,@".unicodeScalars.contains($0)
            }
        return plain ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The bytes the fingerprint is of: the deals as `list --sort id --format json` writes them.
    public static func canonicalBytes(_ deals: [Deal], updated: PartialDate?) -> [UInt8] {
        ListExport.render(byID(deals), as: .json, updated: updated)
    }

    /// The fingerprint: SHA-256 of `canonicalBytes`, hashed piece by piece as they are encoded
    /// (the same bytes, never held whole: 110 MB for 100,000 deals), on the calling core alone.
    /// `chunk`: deals per piece, the encoder's own unless a test wants many pieces of few deals.
    static func fingerprint(_ deals: [Deal], updated: PartialDate?, chunk: Int = 4_096) -> String {
        var hasher = SHA256.Incremental()
        FeedEncoder.encode(Feed(updated: updated, deals: byID(deals)), cores: 1, chunk: chunk) { hasher.add($0) }
        return hasher.hex()
    }

    /// The deals in id order. A store's are saved so: sorting would only copy every deal (a
    /// retain and a release per string).
    private static func byID(_ deals: [Deal]) -> [Deal] {
        DealValidator.idsIncrease(deals) ? deals : DealSort.id.apply(to: deals)
    }

    /// `updated`: the store's `updated` date, which the canonical bytes hold.
    public init(deals: [Deal], updated: PartialDate?, context: Context) {
        self.context = context
        dealCount = deals.count
        // The fingerprint (encode, then hash) runs on its own core beside the rest.
        var hash = ""
        var rest: (Summary, SourceList, [String: [Citation.Figure: [Int]]], [MilestoneCount])?
        let parts = Parallel.map(2) {
            part -> (String?, (Summary, SourceList, [String: [Citation.Figure: [Int]]], [MilestoneCount])?) in
            if part == 0 { return (Report.fingerprint(deals, updated: updated), nil) }
            let summary = Summary(deals: deals, by: .country, today: context.date)
            let (sources, citations) = Report.cite(deals, rows: summary.rows.map(\.key))
            return (nil, (summary, sources, citations, Report.countMilestones(deals)))
        }
        for p in parts {
            if let h = p.0 { hash = h }
            if let r = p.1 { rest = r }
        }
        fingerprint = hash
        (summary, sources, citations, milestones) = rest!
    }

    /// Numbers the sources country by country in the summary's order, and notes which figure cites which.
    ///
    /// Within a country, deals stating an operational figure come first, then a committed one,
    /// then an ambition, then none, each with the deals that have a vendor first: those sets
    /// nest, so each figure's sources are mostly one run of numbers (`[12–40]`).
    static func cite(_ deals: [Deal], rows: [String]) -> (SourceList, [String: [Citation.Figure: [Int]]]) {
        // Through a buffer: `deals[i]` by value copies a whole deal (a retain per string and array).
        deals.withUnsafeBufferPointer { cite($0, rows: rows) }
    }

    private static func cite(_ deals: UnsafeBufferPointer<Deal>, rows: [String]) -> (
        SourceList, [String: [Citation.Figure: [Int]]]
    ) {
        var byCountry: [String: [Int]] = [:]
        for i in deals.indices { byCountry[deals[i].country, default: []].append(i) }
        var list = SourceList()
        var out: [String: [Citation.Figure: [Int]]] = [:]
        var total: [Citation.Figure: [Int]] = [:]
        for key in rows {
            let members = (byCountry[key] ?? []).map { i -> (Int, Int) in
                let c = deals[i].capacity
                let level = c?.operationalMW != nil ? 3 : c?.committedMW != nil ? 2 : c?.ambitionMW != nil ? 1 : 0
                return (level * 2 + (deals[i].partners.contains { $0.role == .vendor } ? 1 : 0), i)
            }.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            var row: [Citation.Figure: [Int]] = [:]
            for (_, i) in members {
                let d = UnsafePointer(deals.baseAddress! + i)
                let base = Citation.sources(of: d.pointee, for: .deal)
                let baseNumbers = base.map { list.number($0) }
                for f in Citation.Figure.allCases where Citation.contributes(d.pointee, to: f) {
                    let s = Citation.sources(of: d.pointee, for: f)
                    row[f, default: []] += s == base ? baseNumbers : s.map { list.number($0) }
                }
            }
            for f in row.keys {
                row[f] = sortedUnique(row[f]!)
                total[f, default: []] += row[f]!
            }
            out[key] = row
        }
        for f in total.keys { total[f] = sortedUnique(total[f]!) }
        out["total"] = total
        return (list, out)
    }

    /// The numbers in order, each once.
    static func sortedUnique(_ numbers: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(numbers.count)
        for n in numbers.sorted() where out.last != n { out.append(n) }
        return out
    }

    /// Milestones per country and year, by country then year.
    static func countMilestones(_ deals: [Deal]) -> [MilestoneCount] {
        struct Key: Hashable {
            var country: String
            var year: Int
        }
        var counts: [Key: (done: Int, open: Int)] = [:]
        for d in deals {
            for m in d.milestones {
                let k = Key(country: d.country, year: m.date.year)
                var c = counts[k] ?? (0, 0)
                if m.done { c.done += 1 } else { c.open += 1 }
                counts[k] = c
            }
        }
        return counts.map {
            MilestoneCount(country: $0.key.country, year: $0.key.year, done: $0.value.done, open: $0.value.open)
        }
        .sorted { ($0.country, $0.year) < ($1.country, $1.year) }
    }
}
