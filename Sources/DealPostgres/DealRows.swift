import DealKit
import PostgresNIO

/// Deals as the rows of `sovtrack_deals`: the columns the server filters and totals on,
/// and the deal's canonical JSON, which is what is read back.
enum DealRows {
    /// A deal's block as the feed file has it (the encoder's layout), for the `doc` column.
    static func doc(_ deal: Deal) -> String {
        var w = JSONWriter(capacity: 1_280)
        FeedEncoder.write(deal, to: &w)
        return String(decoding: w.finish(), as: UTF8.self)
    }

    /// A revision compact on one line, as the feed's history has it.
    static func doc(_ revision: Revision) -> String {
        var w = JSONWriter(capacity: 256)
        w.value(revision.json)
        return String(decoding: w.finish(), as: UTF8.self)
    }

    /// The deals `docs` hold (and the history `revisions` hold), read and validated by the feed
    /// decoder, as one document: the same checks and messages as a file.
    static func decode(docs: [String], revisions: [String] = []) -> FeedDecoder.Result {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(
            docs.reduce(128) { $0 + $1.utf8.count + 2 } + revisions.reduce(0) { $0 + $1.utf8.count + 2 })
        bytes += Array("{\"format\": \"sovtrack-feed\", \"version\": \(Feed.currentVersion), \"deals\": [".utf8)
        for (i, d) in docs.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += d.utf8
        }
        bytes += Array("]".utf8)
        if !revisions.isEmpty {
            bytes += Array(", \"\(History.key)\": [".utf8)
            for (i, r) in revisions.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += r.utf8
            }
            bytes += Array("]".utf8)
        }
        bytes += Array("}\n".utf8)
        return FeedDecoder.decode(bytes)
    }

    /// Inserts the deals, or replaces those whose id is there (their version moves up by one),
    /// `batch` rows a statement: each column is one array parameter, unnested by the server.
    static func upsert(_ deals: ArraySlice<Deal>, _ link: PostgresLink) throws {
        var ids: [String] = []
        var countries: [String] = []
        var vendors: [String] = []
        var statuses: [String] = []
        var from: [Int] = []
        var to: [Int] = []
        var ambition: [Double] = []
        var committed: [Double] = []
        var operational: [Double] = []
        var investment: [Double] = []
        var currency: [String] = []
        var docs: [String] = []
        for d in deals {
            ids.append(d.id)
            countries.append(d.country)
            vendors.append(d.vendors.joined(separator: DealRows.separator))
            statuses.append(d.status.rawValue)
            from.append(d.announced.startKey)
            to.append(d.announced.endKey)
            ambition.append(d.ambitionMW ?? .nan)
            committed.append(d.committedMW ?? .nan)
            operational.append(d.operationalMW ?? .nan)
            investment.append(d.investment?.amount ?? .nan)
            currency.append(d.investment?.currency ?? "")
            docs.append(doc(d))
        }
        let sep = DealRows.separator
        try link.run(
            """
            INSERT INTO sovtrack_deals (id, country, vendors, status, announced_from, announced_to,
                ambition_mw, committed_mw, operational_mw, investment, currency, doc)
            SELECT i, c, CASE WHEN v = '' THEN '{}'::text[] ELSE string_to_array(v, \(sep)) END, s, f, t,
                NULLIF(a, 'NaN'), NULLIF(cm, 'NaN'), NULLIF(o, 'NaN'), NULLIF(inv, 'NaN'), NULLIF(cur, ''), doc
            FROM unnest(\(ids)::text[], \(countries)::text[], \(vendors)::text[], \(statuses)::text[],
                \(from)::int8[], \(to)::int8[], \(ambition)::float8[], \(committed)::float8[], \(operational)::float8[],
                \(investment)::float8[], \(currency)::text[], \(docs)::text[])
                AS r(i, c, v, s, f, t, a, cm, o, inv, cur, doc)
            ON CONFLICT (id) DO UPDATE SET country = EXCLUDED.country, vendors = EXCLUDED.vendors,
                status = EXCLUDED.status, announced_from = EXCLUDED.announced_from,
                announced_to = EXCLUDED.announced_to, ambition_mw = EXCLUDED.ambition_mw,
                committed_mw = EXCLUDED.committed_mw, operational_mw = EXCLUDED.operational_mw,
                investment = EXCLUDED.investment, currency = EXCLUDED.currency, doc = EXCLUDED.doc,
                version = sovtrack_deals.version + 1
            """)
    }

    /// Joins a deal's vendors for one array element; the validator refuses control
    /// characters in names, so it cannot occur in one.
    static let separator = "\u{1F}"

    /// Rows sent in one statement by `upsert`.
    static let batch = 2_000
}
