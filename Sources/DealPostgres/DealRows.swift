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

    /// What a summary reads of a deal beyond its figures, as JSON the server unnests
    /// (`ServerSummary`): `v` its vendors, `p` its other partners, `m` its models, each
    /// `[folded, as written]` once per folded name (the first spelling in the deal), and `o`
    /// its milestones not done, `[start key, precision, end key, date, event]`, in order.
    ///
    /// Names are folded here, by `DealFilter.fold`, not by the server: its case and accent
    /// rules are not Foundation's, and the totals must be the file store's.
    static func facets(_ d: Deal) -> String {
        var w = JSONWriter(capacity: 256)
        func names(_ key: StaticString, _ list: [String]) {
            w.raw(key)
            w.raw("[")
            var seen = Set<String>()
            for name in list {
                let k = DealFilter.fold(name)
                guard seen.insert(k).inserted else { continue }
                if seen.count > 1 { w.raw(",") }
                w.strings([k, name])
            }
            w.raw("]")
        }
        names("{\"v\":", d.partners.filter { $0.role == .vendor }.map(\.name))
        names(",\"p\":", d.partners.filter { $0.role != .vendor }.map(\.name))
        names(",\"m\":", d.models)
        w.raw(",\"o\":[")
        var first = true
        for m in d.milestones where !m.done {
            if !first { w.raw(",") }
            first = false
            w.raw("[")
            w.integer(m.date.startKey)
            w.raw(",")
            w.integer(m.date.precision.rawValue)
            w.raw(",")
            w.integer(m.date.endKey)
            w.raw(",")
            w.string(m.date.description)
            w.raw(",")
            w.string(m.event)
            w.raw("]")
        }
        w.raw("]}")
        return String(decoding: w.finish(), as: UTF8.self)
    }

    /// The rows of `sovtrack_names` for the deals of `source` (a relation with `id`, `country`
    /// and `facets`): one per name of each list (`v`, `p`, `m`), its place in the list from 1.
    static func names(from source: String) -> String {
        """
        SELECT s.id, s.country, l.list, e.pos, e.v->>0, e.v->>1
        FROM \(source) s CROSS JOIN (VALUES ('v'), ('p'), ('m')) AS l(list)
        CROSS JOIN LATERAL jsonb_array_elements(s.facets->l.list) WITH ORDINALITY AS e(v, pos)
        """
    }

    /// The rows of `sovtrack_milestones` for the deals of `source` (as `names(from:)`): one per
    /// milestone not done, its place among them from 1.
    static func milestones(from source: String) -> String {
        """
        SELECT s.id, s.country, e.pos, (e.v->>0)::int, (e.v->>1)::int, (e.v->>2)::int, e.v->>3, e.v->>4
        FROM \(source) s CROSS JOIN LATERAL jsonb_array_elements(s.facets->'o') WITH ORDINALITY AS e(v, pos)
        """
    }

    /// Deletes the deals `ids` with their names and milestones; returns the ids deleted. With
    /// `version`, only a deal still at that version goes.
    static func delete(_ ids: [String], version: Int64? = nil, _ link: PostgresLink) throws -> [String] {
        try link.rows(
            """
            WITH gone AS (
                DELETE FROM sovtrack_deals WHERE id = ANY(\(ids)::text[]) AND (\(version)::int8 IS NULL OR version = \(version))
                RETURNING id),
            names AS (DELETE FROM sovtrack_names WHERE deal_id IN (SELECT id FROM gone)),
            milestones AS (DELETE FROM sovtrack_milestones WHERE deal_id IN (SELECT id FROM gone))
            SELECT id FROM gone
            """
        ) { try $0.decode(String.self) }
    }

    /// Inserts the deals, or replaces those whose id is there (their version moves up by one,
    /// unless `bump` is false: a migration filling new columns changes no deal),
    /// `batch` rows a statement: each column is one array parameter, unnested by the server.
    ///
    /// The same statement rewrites the names and milestones rows (`sovtrack_names`,
    /// `sovtrack_milestones`) of each deal whose country or facets changed, and of each new deal;
    /// every part of one statement reads the tables as they were before it, so `old` is the
    /// deal before this write. `facetRows` false: before schema version 3 (a migration on its way).
    static func upsert(_ deals: ArraySlice<Deal>, _ link: PostgresLink, bump: Bool = true, facetRows: Bool = true)
        throws
    {
        _ = try write(deals, link, bump: bump, facetRows: facetRows, inPlaceAt: nil)
    }

    /// Rewrites a deal that is there at `version` (its row locked by the caller's transaction)
    /// and whose country, names and milestones are unchanged (its `facets` as stored): one
    /// statement that leaves its names and milestones rows alone, where planning the statement
    /// that rewrites them costs a new connection's server more than all the rest of an edit.
    /// Returns false, having written nothing, when any of them changed (`upsert` then does).
    static func updateInPlace(_ deal: Deal, version: Int64, _ link: PostgresLink) throws -> Bool {
        try write([deal][...], link, bump: true, facetRows: false, inPlaceAt: version) == 1
    }

    /// `upsert`, or with `inPlaceAt`, `updateInPlace`; returns how many rows it wrote when in place.
    private static func write(
        _ deals: ArraySlice<Deal>, _ link: PostgresLink, bump: Bool, facetRows: Bool, inPlaceAt version: Int64?
    ) throws -> Int {
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
        var applies: [Bool] = []
        var unknown: [Bool] = []
        var approx: [Int] = []
        var facets: [String] = []
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
            let figures = withUnsafePointer(to: d) { MWTotals.Figures($0) }
            applies.append(!figures.notApplicable)
            unknown.append(figures.unknown)
            approx.append(Int(figures.approx))
            facets.append(DealRows.facets(d))
        }
        let sep = DealRows.separator
        let step = bump ? 1 : 0
        let facetStatements =
            facetRows
            ? """
            , old AS (SELECT id, country, facets FROM sovtrack_deals WHERE id IN (SELECT i FROM r)),
            changed AS (
                SELECT r.i AS id, r.c AS country, r.fa::jsonb AS facets FROM r LEFT JOIN old ON old.id = r.i
                WHERE old.id IS NULL OR old.country <> r.c OR old.facets <> r.fa::jsonb),
            names_gone AS (DELETE FROM sovtrack_names n USING changed WHERE n.deal_id = changed.id),
            milestones_gone AS (DELETE FROM sovtrack_milestones m USING changed WHERE m.deal_id = changed.id),
            names_new AS (INSERT INTO sovtrack_names \(names(from: "changed"))),
            milestones_new AS (INSERT INTO sovtrack_milestones \(milestones(from: "changed")))
            """ : ""
        let statement: PostgresQuery = """
            WITH r AS (
                SELECT * FROM unnest(\(ids)::text[], \(countries)::text[], \(vendors)::text[], \(statuses)::text[],
                    \(from)::int8[], \(to)::int8[], \(ambition)::float8[], \(committed)::float8[], \(operational)::float8[],
                    \(investment)::float8[], \(currency)::text[], \(docs)::text[],
                    \(applies)::bool[], \(unknown)::bool[], \(approx)::int8[], \(facets)::text[])
                    AS r(i, c, v, s, f, t, a, cm, o, inv, cur, doc, ap, un, ax, fa))\(unescaped: facetStatements)
            INSERT INTO sovtrack_deals (id, country, vendors, status, announced_from, announced_to,
                ambition_mw, committed_mw, operational_mw, investment, currency, doc,
                mw_applies, unknown_mw, mw_approx, facets)
            SELECT i, c, CASE WHEN v = '' THEN '{}'::text[] ELSE string_to_array(v, \(sep)) END, s, f, t,
                NULLIF(a, 'NaN'), NULLIF(cm, 'NaN'), NULLIF(o, 'NaN'), NULLIF(inv, 'NaN'), NULLIF(cur, ''), doc,
                ap, un, ax, fa::jsonb
            FROM r
            ON CONFLICT (id) DO UPDATE SET country = EXCLUDED.country, vendors = EXCLUDED.vendors,
                status = EXCLUDED.status, announced_from = EXCLUDED.announced_from,
                announced_to = EXCLUDED.announced_to, ambition_mw = EXCLUDED.ambition_mw,
                committed_mw = EXCLUDED.committed_mw, operational_mw = EXCLUDED.operational_mw,
                investment = EXCLUDED.investment, currency = EXCLUDED.currency, doc = EXCLUDED.doc,
                mw_applies = EXCLUDED.mw_applies, unknown_mw = EXCLUDED.unknown_mw,
                mw_approx = EXCLUDED.mw_approx, facets = EXCLUDED.facets,
                version = sovtrack_deals.version + \(step)
            WHERE \(version)::int8 IS NULL OR (sovtrack_deals.version = \(version)
                AND sovtrack_deals.country = EXCLUDED.country AND sovtrack_deals.facets = EXCLUDED.facets)
            \(unescaped: version == nil ? "" : "RETURNING id")
            """
        if version == nil {
            try link.run(statement)
            return deals.count
        }
        return try link.rows(statement) { _ in () }.count
    }

    /// Fills the columns schema version 2 added from each deal's `doc`, in the migration's
    /// transaction, `batch` deals a statement; no deal's version moves.
    static func refill(_ link: PostgresLink, batch: Int = DealRows.batch) throws {
        var after = ""
        while true {
            let docs = try link.rows(
                "SELECT doc FROM sovtrack_deals WHERE id > \(after) ORDER BY id LIMIT \(batch)"
            ) { try $0.decode(String.self) }
            guard !docs.isEmpty else { return }
            let result = decode(docs: docs)
            if result.hasErrors {
                throw StoreError.invalid(
                    path: link.settings.display, issues: result.issues, omittedErrors: result.omittedErrors)
            }
            try upsert(result.feed.deals[...], link, bump: false, facetRows: false)
            guard let last = result.feed.deals.last?.id else { return }
            after = last
        }
    }

    /// Joins a deal's vendors for one array element; the validator refuses control
    /// characters in names, so it cannot occur in one.
    static let separator = "\u{1F}"

    /// Rows sent in one statement by `upsert`.
    static let batch = 2_000
}
