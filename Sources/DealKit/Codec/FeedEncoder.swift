import Foundation

/// Writes a feed in the canonical layout.
///
/// The layout is fixed (key order, one deal per block, one partner, milestone or source
/// per line, deals in the order given, a trailing newline) so that a store kept in git
/// gives small diffs that merge cleanly. `docs/format.md` shows it.
public enum FeedEncoder {
    /// Bytes reserved per deal when encoding: a little above a typical deal (≈ 1,100 bytes),
    /// so a buffer seldom grows (and copies itself) near its end.
    static let bytesPerDeal = 1_280

    /// The whole document as UTF-8 bytes.
    public static func encode(_ feed: Feed) -> [UInt8] {
        var w = JSONWriter(capacity: 512 + feed.deals.count * bytesPerDeal)
        writeHead(feed, to: &w)
        writeDeals(feed.deals, 0..<feed.deals.count, to: &w)
        writeTail(feed, to: &w)
        return w.finish()
    }

    /// Hands the document to `output` piece by piece, in order, encoding chunks of `chunk`
    /// deals on `cores` cores when there are many.
    ///
    /// Each piece is handed over as soon as it and all before it are ready, and only a few
    /// are held at once, so a save writes a large store while encoding it, in a small fraction
    /// of its size (docs/performance.md has the figure).
    /// A piece's storage is reused once `output` returns, so `output` must not keep it
    /// (copying it, as `append` does, is fine).
    public static func encode(
        _ feed: Feed, cores: Int = Parallel.cores,
        chunk: Int = 4_096, parallelFrom: Int = 2_000,
        into output: ([UInt8]) throws -> Void
    ) rethrows {
        _ = try encode(feed, cores: cores, chunk: chunk, parallelFrom: parallelFrom, accepting: nil, into: output)
    }

    /// Like `encode(_:cores:chunk:parallelFrom:into:)`, first showing each chunk of deals (by
    /// index) to `accept`, on the thread about to encode it.
    ///
    /// The first chunk refused stops the encoding: this returns false, having handed over only
    /// the pieces before it. A save checks the deals so, on every core while the disk writes,
    /// rather than in a pass of its own before encoding.
    ///
    /// `history`, when given, is written as the `history` key's value, whatever the feed holds
    /// there (the placeholder a load for a save leaves: `FeedDecoder.Result.history`).
    static func encode(
        _ feed: Feed, cores: Int = Parallel.cores,
        chunk: Int = 4_096, parallelFrom: Int = 2_000,
        accepting accept: (@Sendable (Range<Int>) -> Bool)?, history: HistoryText? = nil,
        into output: ([UInt8]) throws -> Void
    ) rethrows -> Bool {
        var head = JSONWriter(capacity: 256)
        writeHead(feed, to: &head)
        try output(head.finish())
        let deals = feed.deals
        let n = deals.count
        let threads = n >= parallelFrom ? max(1, min(cores, 8)) : 1
        // At least four chunks per core, so that the first write (and the disk) starts early
        // and the last chunk does not leave a core idle: at 10,000 deals, 1,250 a chunk.
        let chunk = max(1, threads > 1 ? min(chunk, max(256, n / (threads * 4))) : chunk)
        // Two chunks per core in flight keeps every core busy while the caller writes.
        let complete = try OrderedPipeline.run(
            count: (n + chunk - 1) / chunk, threads: threads, window: 2 * threads,
            produce: { c, spare -> [UInt8]? in
                let range = c * chunk..<min(n, (c + 1) * chunk)
                if let accept, !accept(range) { return nil }
                var w = JSONWriter(reusing: spare ?? nil, capacity: range.count * bytesPerDeal)
                writeDeals(deals, range, to: &w)
                return w.finish()
            },
            consume: { piece in
                guard let piece else { return false }
                try output(piece)
                return true
            })
        guard complete else { return false }
        var tail = JSONWriter(capacity: 256 + (history?.bytes.count ?? 0))
        writeTail(feed, history: history, to: &tail)
        try output(tail.finish())
        return true
    }

    /// Everything before the first deal.
    private static func writeHead(_ feed: Feed, to w: inout JSONWriter) {
        w.raw("{\n  \"format\": \"sovtrack-feed\",\n  \"version\": ")
        w.integer(feed.versionToWrite)
        if let u = feed.updated {
            w.raw(",\n  \"updated\": ")
            w.string(u.description)
        }
        w.raw(",\n  \"deals\": [")
    }

    /// The deals at `range` as they appear in the document, each after its separator.
    private static func writeDeals(_ deals: [Deal], _ range: Range<Int>, to w: inout JSONWriter) {
        // Through a buffer, so that each deal is read in place rather than copied.
        deals.withUnsafeBufferPointer { all in
            for i in range {
                w.raw(i == 0 ? "\n" : ",\n")
                write(all[i], to: &w)
            }
        }
    }

    /// Everything after the last deal.
    private static func writeTail(_ feed: Feed, history: HistoryText? = nil, to w: inout JSONWriter) {
        w.raw(feed.deals.isEmpty ? "]" : "\n  ]")
        for f in feed.extra {
            w.raw(",\n  ")
            w.member(f.key)
            if f.key == History.key, let history {
                history.bytes.withUnsafeBufferPointer { w.raw($0) }
                continue
            }
            // The history and merge conflicts: one compact record a line, so that a revision
            // added is a line added in a git diff.
            if f.key == History.key || f.key == MergeConflict.key, case .array(let items) = f.value, !items.isEmpty {
                w.raw("[")
                for (i, item) in items.enumerated() {
                    w.raw(i == 0 ? "\n    " : ",\n    ")
                    w.value(item)
                }
                w.raw("\n  ]")
            } else {
                w.value(f.value)
            }
        }
        w.raw("\n}\n")
    }

    /// One deal as a block at 4 spaces indent (`FeedLayout.dealOpen`), without a trailing newline.
    public static func write(_ d: Deal, to w: inout JSONWriter) {
        w.raw(FeedLayout.dealOpen)
        w.raw("\n      \"id\": ")
        w.string(d.id)
        w.raw(",\n      \"title\": ")
        w.string(d.title)
        if let k = d.kind {
            w.raw(",\n      \"kind\": ")
            w.string(k.rawValue)
        }
        w.raw(",\n      \"country\": ")
        w.string(d.country)
        w.raw(d.announcedStated ? ",\n      \"announced\": " : ",\n      \"announcedBy\": ")
        date(d.announced, to: &w)
        w.raw(",\n      \"status\": ")
        w.string(d.status.rawValue)
        stringMember("sponsor", d.sponsor, &w)
        if !d.partners.isEmpty {
            w.raw(",\n      \"partners\": [")
            for (i, p) in d.partners.enumerated() {
                w.raw(i == 0 ? "\n        {" : ",\n        {")
                w.raw("\"name\": ")
                w.string(p.name)
                w.raw(", \"role\": ")
                w.string(p.role.rawValue)
                if let s = p.supplies {
                    w.raw(", \"supplies\": ")
                    w.string(s)
                }
                if let t = p.to {
                    w.raw(", \"to\": ")
                    w.string(t)
                }
                extras(p.extra, &w)
                w.raw("}")
            }
            w.raw("\n      ]")
        }
        stringMember("platform", d.platform, &w)
        stringMember("site", d.site, &w)
        if let c = d.capacity {
            w.raw(",\n      \"capacity\": {\"initialMW\": ")
            w.optionalNumber(c.initialMW)
            w.raw(", \"targetMW\": ")
            w.optionalNumber(c.targetMW)
            w.raw(", \"operationalMW\": ")
            w.optionalNumber(c.operationalMW)
            if let conf = c.confidence {
                w.raw(", \"confidence\": ")
                w.string(conf.rawValue)
            }
            if !c.approx.isEmpty {
                w.raw(", \"approx\": ")
                w.strings(CapacityFigures.keyed.filter { c.approx.contains($0.figure) }.map(\.key))
            }
            extras(c.extra, &w)
            w.raw("}")
        }
        if let a = d.accelerators {
            w.raw(",\n      \"accelerators\": {\"count\": ")
            if let n = a.count { w.integer(n) } else { w.raw("null") }
            w.raw(", \"type\": ")
            if let t = a.type { w.string(t) } else { w.raw("null") }
            extras(a.extra, &w)
            w.raw("}")
        }
        if let inv = d.investment {
            w.raw(",\n      \"investment\": {\"amount\": ")
            w.number(inv.amount)
            w.raw(", \"currency\": ")
            w.string(inv.currency)
            extras(inv.extra, &w)
            w.raw("}")
        }
        if !d.models.isEmpty {
            w.raw(",\n      \"models\": ")
            w.strings(d.models)
        }
        if !d.products.isEmpty {
            w.raw(",\n      \"products\": ")
            w.strings(d.products)
        }
        if !d.milestones.isEmpty {
            w.raw(",\n      \"milestones\": [")
            for (i, m) in d.milestones.enumerated() {
                w.raw(i == 0 ? "\n        {\"date\": " : ",\n        {\"date\": ")
                date(m.date, to: &w)
                w.raw(", \"event\": ")
                w.string(m.event)
                w.raw(m.done ? ", \"done\": true" : ", \"done\": false")
                if !m.cite.isEmpty {
                    w.raw(", \"cite\": ")
                    numbers(m.cite, &w)
                }
                extras(m.extra, &w)
                w.raw("}")
            }
            w.raw("\n      ]")
        }
        if !d.sources.isEmpty {
            w.raw(",\n      \"sources\": [")
            for (i, s) in d.sources.enumerated() {
                w.raw(i == 0 ? "\n        {" : ",\n        {")
                var first = true
                // The separator before every member but the first.
                func separate() {
                    if !first { w.raw(", ") }
                    first = false
                }
                func key(_ key: StaticString) {
                    separate()
                    w.raw("\"")
                    w.raw(key)
                    w.raw("\": ")
                }
                if let v = s.title {
                    key("title")
                    w.string(v)
                }
                if let v = s.publisher {
                    key("publisher")
                    w.string(v)
                }
                if let v = s.url {
                    key("url")
                    w.string(v)
                }
                if let v = s.date {
                    key("date")
                    FeedEncoder.date(v, to: &w)
                }
                for f in s.extra {
                    separate()
                    w.member(f.key)
                    w.value(f.value)
                }
                w.raw("}")
            }
            w.raw("\n      ]")
        }
        if !d.cite.isEmpty {
            w.raw(",\n      \"cite\": {")
            for (i, e) in d.cite.entries.enumerated() {
                if i > 0 { w.raw(", ") }
                w.member(e.figure.rawValue)
                numbers(e.sources, &w)
            }
            w.raw("}")
        }
        if !d.tags.isEmpty {
            w.raw(",\n      \"tags\": ")
            w.strings(d.tags)
        }
        stringMember("notes", d.notes, &w)
        for f in d.extra {
            w.raw(",\n      ")
            w.member(f.key)
            w.value(f.value)
        }
        w.raw("\n    }")
    }

    /// Writes a partial date as a quoted string, byte for byte as its `description`, without
    /// making that String: a store has several dates per deal.
    private static func date(_ d: PartialDate, to w: inout JSONWriter) {
        let oneDigitPart = d.precision == .half || d.precision == .quarter
        guard (0...9999).contains(d.year), (0...(oneDigitPart ? 9 : 99)).contains(d.part), (0...99).contains(d.day)
        else {
            return w.string(d.description)
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { t in
            func digit(_ n: Int) -> UInt8 { 0x30 + UInt8(n) }
            t[0] = 0x22
            t[1] = digit(d.year / 1000)
            t[2] = digit(d.year / 100 % 10)
            t[3] = digit(d.year / 10 % 10)
            t[4] = digit(d.year % 10)
            var n = 5
            switch d.precision {
            case .year: break
            case .half, .quarter:
                t[5] = 0x2D
                t[6] = d.precision == .half ? UInt8(ascii: "H") : UInt8(ascii: "Q")
                t[7] = digit(d.part)
                n = 8
            case .month, .day:
                t[5] = 0x2D
                t[6] = digit(d.part / 10)
                t[7] = digit(d.part % 10)
                n = 8
                if d.precision == .day {
                    t[8] = 0x2D
                    t[9] = digit(d.day / 10)
                    t[10] = digit(d.day % 10)
                    n = 11
                }
            }
            t[n] = 0x22
            w.raw(UnsafeBufferPointer(rebasing: t[0...n]))
        }
    }

    private static func stringMember(_ key: StaticString, _ value: String?, _ w: inout JSONWriter) {
        guard let value else { return }
        w.raw(",\n      \"")
        w.raw(key)
        w.raw("\": ")
        w.string(value)
    }

    /// `[1, 3]`: a compact array of source numbers.
    private static func numbers(_ list: [Int], _ w: inout JSONWriter) {
        w.raw("[")
        for (i, n) in list.enumerated() {
            if i > 0 { w.raw(", ") }
            w.integer(n)
        }
        w.raw("]")
    }

    private static func extras(_ fields: [JSONField], _ w: inout JSONWriter) {
        for f in fields {
            w.raw(", ")
            w.member(f.key)
            w.value(f.value)
        }
    }
}
