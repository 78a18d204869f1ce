import Foundation

/// Writes a feed in the canonical layout.
///
/// The layout is fixed (key order, one deal per block, one partner, milestone or source
/// per line, deals in the order given, a trailing newline) so that a store kept in git
/// gives small diffs that merge cleanly. `docs/format.md` shows it.
public enum FeedEncoder {
    /// The whole document as UTF-8 bytes.
    public static func encode(_ feed: Feed) -> [UInt8] {
        let parts = encodeParts(feed, cores: 1)
        return parts.count == 1 ? parts[0] : Array(parts.joined())
    }

    /// The document as consecutive parts, the deals split between `cores` cores when there
    /// are many: a 100,000-deal store is encoded in half the time on two.
    public static func encodeParts(_ feed: Feed, cores: Int = ProcessInfo.processInfo.activeProcessorCount,
                                   parallelFrom: Int = 20_000) -> [[UInt8]] {
        var head = JSONWriter(capacity: 256)
        head.raw("{\n  \"format\": \"sovtrack-feed\",\n  \"version\": 1")
        if let u = feed.updated {
            head.raw(",\n  \"updated\": ")
            head.string(u.description)
        }
        head.raw(",\n  \"deals\": [")
        var tail = JSONWriter(capacity: 256)
        tail.raw(feed.deals.isEmpty ? "]" : "\n  ]")
        for f in feed.extra {
            tail.raw(",\n  ")
            tail.member(f.key)
            tail.value(f.value)
        }
        tail.raw("\n}\n")
        let n = feed.deals.count
        let k = n >= parallelFrom ? max(1, min(cores, 8)) : 1
        let per = (n + k - 1) / max(k, 1)
        final class Parts: @unchecked Sendable { var items: [[UInt8]]; init(_ k: Int) { items = Array(repeating: [], count: k) } }
        let parts = Parts(k)
        let deals = feed.deals
        // Each core fills its own buffer; the array of buffers is only written at distinct indices
        // through a pointer, never resized.
        parts.items.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeSendable(out)
            DispatchQueue.concurrentPerform(iterations: k) { c in
                let lo = c * per, hi = min(n, lo + per)
                guard lo < hi else { return }
                var w = JSONWriter(capacity: (hi - lo) * 1100)
                for i in lo..<hi {
                    w.raw(i == 0 ? "\n" : ",\n")
                    write(deals[i], to: &w)
                }
                slots.value[c] = w.bytes
            }
        }
        return [head.bytes] + parts.items + [tail.bytes]
    }

    /// One deal as a block at 4 spaces indent, without a trailing newline.
    public static func write(_ d: Deal, to w: inout JSONWriter) {
        w.raw("    {\n      \"id\": ")
        w.string(d.id)
        w.raw(",\n      \"title\": ")
        w.string(d.title)
        w.raw(",\n      \"country\": ")
        w.string(d.country)
        w.raw(",\n      \"announced\": ")
        w.string(d.announced.description)
        w.raw(",\n      \"status\": ")
        w.string(d.status.rawValue)
        stringMember("sponsor", d.sponsor, &w)
        if !d.partners.isEmpty {
            w.raw(",\n      \"partners\": [")
            for (i, p) in d.partners.enumerated() {
                w.raw(i == 0 ? "\n        {" : ",\n        {")
                w.member("name"); w.string(p.name)
                w.raw(", "); w.member("role"); w.string(p.role.rawValue)
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
            extras(c.extra, &w)
            w.raw("}")
        }
        if let a = d.accelerators {
            w.raw(",\n      \"accelerators\": {\"count\": ")
            if let n = a.count { w.raw(String(n)) } else { w.raw("null") }
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
        if !d.milestones.isEmpty {
            w.raw(",\n      \"milestones\": [")
            for (i, m) in d.milestones.enumerated() {
                w.raw(i == 0 ? "\n        {\"date\": " : ",\n        {\"date\": ")
                w.string(m.date.description)
                w.raw(", \"event\": ")
                w.string(m.event)
                w.raw(m.done ? ", \"done\": true" : ", \"done\": false")
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
                func field(_ key: String, _ value: String?) {
                    guard let value else { return }
                    if !first { w.raw(", ") }
                    first = false
                    w.member(key)
                    w.string(value)
                }
                field("title", s.title)
                field("publisher", s.publisher)
                field("url", s.url)
                field("date", s.date?.description)
                for f in s.extra {
                    if !first { w.raw(", ") }
                    first = false
                    w.member(f.key)
                    w.value(f.value)
                }
                w.raw("}")
            }
            w.raw("\n      ]")
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

    private static func stringMember(_ key: StaticString, _ value: String?, _ w: inout JSONWriter) {
        guard let value else { return }
        w.raw(",\n      \"")
        w.raw(key)
        w.raw("\": ")
        w.string(value)
    }

    private static func extras(_ fields: [JSONField], _ w: inout JSONWriter) {
        for f in fields {
            w.raw(", ")
            w.member(f.key)
            w.value(f.value)
        }
    }
}

/// A value handed to concurrent work that writes only its own, disjoint part of it.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
