import DealKit

/// `selfcheck`: the generator is deterministic, its feeds are valid and round-trip, and
/// their shape is the one documented (prints the figures).
enum SelfCheck {
    static func run() throws {
        let n = 5_000
        var a = FeedGenerator(seed: 7)
        var b = FeedGenerator(seed: 7)
        var c = FeedGenerator(seed: 8)
        let feed = a.feed(deals: n)
        let bytes = FeedEncoder.encode(feed)
        guard bytes == FeedEncoder.encode(b.feed(deals: n)) else { throw BenchError("same seed, different feeds") }
        guard bytes != FeedEncoder.encode(c.feed(deals: n)) else { throw BenchError("different seeds, same feed") }

        let result = FeedDecoder.decode(bytes)
        let errors = result.issues.filter(\.isError)
        guard errors.isEmpty else {
            throw BenchError("generated feed has \(errors.count) errors, first: \(errors[0])")
        }
        guard result.feed == feed else { throw BenchError("decode(encode(feed)) differs from feed") }
        guard FeedEncoder.encode(result.feed) == bytes else { throw BenchError("re-encoding changes the bytes") }

        let deals = feed.deals
        func share(_ p: (Deal) -> Bool) -> String {
            Report.fixed(Double(deals.filter(p).count) * 100 / Double(n), 1) + "%"
        }
        func isWide(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value >= 0x0600 } }
        var precisions: [PartialDate.Precision: Int] = [:]
        for d in deals { precisions[d.announced.precision, default: 0] += 1 }
        let unknownKeys = deals.reduce(0) { sum, d in
            sum + d.extra.count + d.partners.reduce(0) { $0 + $1.extra.count } + (d.capacity?.extra.count ?? 0)
                + d.sources.reduce(0) { $0 + $1.extra.count }
        }
        print(
            "selfcheck: \(n) deals, \(bytes.count / n) bytes per deal, deterministic, valid (\(result.issues.count) warnings), round-trips"
        )
        print(
            "  countries: \(Set(deals.map(\.country)).count), vendors: \(Set(deals.flatMap(\.vendors)).count), KR: \(share { $0.country == "KR" })"
        )
        print(
            "  no MW figure known: \(share(\.hasUnknownMW)); some figure unknown: \(share { $0.capacity?.initialMW == nil || $0.capacity?.targetMW == nil || $0.capacity?.operationalMW == nil })"
        )
        print(
            "  wide or RTL script: titles \(share { isWide($0.title) }), sponsors \(share { $0.sponsor.map(isWide) ?? false })"
        )
        print(
            "  announced precision: "
                + [PartialDate.Precision.year, .half, .quarter, .month, .day]
                .map { "\($0) \(precisions[$0] ?? 0)" }.joined(separator: ", "))
        print("  unknown keys: \(unknownKeys) + 1 top-level; no source: \(share { $0.sources.isEmpty })")
    }
}
