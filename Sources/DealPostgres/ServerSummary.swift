import DealKit
import PostgresNIO

/// `summary` by country totalled by the server: `GROUP BY country` over the indexed columns
/// and the deals' facets (`DealRows.facets`), a few hundred rows back instead of every deal,
/// made into the very `Summary` the file store's deals give (`Summary.init(countries:…)`).
///
/// Every figure is the file store's to the bit: each MW sum is added in id order
/// (`sum(… ORDER BY id)`, the order `Summary` adds them in, and plain `float8` addition as
/// Swift's), with `+ 0.0::float8` so that a sum of `-0` reads `0` as Swift's `0 + x` does; names are
/// folded by sovtrack when a deal is written, and the first spelling of each is the one of the
/// first deal in id order (then the first in the deal); the next milestone is the first by
/// (overdue, date, precision, deal, place), which is `Milestone.next` over the group; the
/// vendor shares are the same equal parts added in id order, then finished by
/// `VendorConcentration` itself (shares, HHI, order).
enum ServerSummary {
    /// The summary of the deals `filter` picks, and whether any of them is from Epoch AI (for
    /// the credit line); nil when the filter needs sovtrack's own matching (names, text).
    static func run(_ link: PostgresLink, filter: DealFilter, today: PartialDate) throws -> (
        summary: Summary, fromEpoch: Bool
    )? {
        let picked = ServerFilter(filter)
        guard picked.isExact else { return nil }
        var figures: [String: MWTotals] = [:]
        var total = MWTotals()
        var tallies: [String: VendorConcentration.Tally] = [:]
        var all = VendorConcentration.Tally()
        var fromEpoch = false
        // Grouping sets: one row per country, and the total (country NULL).
        let head = try link.rows(
            picked.query(
                """
                SELECT d.country, count(*)::int8,
                    sum(d.committed_mw ORDER BY d.id) FILTER (WHERE d.mw_applies) + 0.0::float8,
                    sum(d.ambition_mw ORDER BY d.id) FILTER (WHERE d.mw_applies) + 0.0::float8,
                    sum(d.operational_mw ORDER BY d.id) FILTER (WHERE d.mw_applies) + 0.0::float8,
                    count(*) FILTER (WHERE d.unknown_mw)::int8, count(*) FILTER (WHERE NOT d.mw_applies)::int8,
                    coalesce(bit_or(d.mw_approx), 0)::int8,
                    count(*) FILTER (WHERE jsonb_array_length(d.facets->'v') = 0)::int8,
                    count(*) FILTER (WHERE jsonb_array_length(d.facets->'v') > 0 AND d.committed_mw IS NULL)::int8,
                    count(*) FILTER (WHERE jsonb_array_length(d.facets->'v') > 0 AND d.ambition_mw IS NULL)::int8,
                    coalesce(bool_or(starts_with(d.id, \(picked.placeholder(0)))), false), GROUPING(d.country) = 1
                FROM sovtrack_deals d
                """, "GROUP BY GROUPING SETS ((d.country), ())", extra: [EpochID.prefix])
        ) {
            try $0.decode(
                (String?, Int, Double?, Double?, Double?, Int, Int, Int, Int, Int, Int, Bool, Bool).self)
        }
        for r in head {
            var f = MWTotals()
            f.deals = r.1
            f.committed = r.2
            f.ambition = r.3
            f.operational = r.4
            f.unknown = r.5
            f.notApplicable = r.6
            f.approx = UInt8(r.7)
            var t = VendorConcentration.Tally()
            t.deals = r.1
            t.noVendor = r.8
            t.unknownCommitted = r.9
            t.unknownAmbition = r.10
            if r.12 {
                total = f
                all = t
                fromEpoch = r.11
            } else if let country = r.0 {
                figures[country] = f
                tallies[country] = t
            }
        }

        // Each name once per folded spelling, as first written (deal by id, then its place).
        var names: [String?: [Character: [String]]] = [:]
        var firstSpelling: [String: String] = [:]
        let nameRows = try link.rows(
            picked.query(
                """
                SELECT g.country, g.list, g.key, g.name FROM (
                    SELECT DISTINCT ON (grouping_key, l.list, e.v->>0)
                        CASE WHEN s.total THEN NULL ELSE d.country END AS country, l.list, e.v->>1 AS name,
                        CASE WHEN s.total THEN '' ELSE d.country END AS grouping_key, e.v->>0 AS key, d.id, e.pos
                    FROM sovtrack_deals d
                    CROSS JOIN (VALUES (false), (true)) AS s(total)
                    CROSS JOIN (VALUES ('v'), ('p'), ('m')) AS l(list)
                    CROSS JOIN LATERAL jsonb_array_elements(d.facets->l.list) WITH ORDINALITY AS e(v, pos)
                """,
                "ORDER BY grouping_key, l.list, e.v->>0, d.id, e.pos) AS g")
        ) { try $0.decode((String?, String, String, String).self) }
        for (country, list, key, name) in nameRows {
            names[country, default: [:]][list.first ?? "?", default: []].append(name)
            if country == nil && list == "v" { firstSpelling[key] = name }
        }

        // The milestone needing attention first: overdue first, then by date, then deal and place.
        var next: [String?: Milestone] = [:]
        let milestoneRows = try link.rows(
            picked.query(
                """
                SELECT g.country, g.date, g.event FROM (
                    SELECT DISTINCT ON (grouping_key)
                        CASE WHEN s.total THEN NULL ELSE d.country END AS country,
                        CASE WHEN s.total THEN '' ELSE d.country END AS grouping_key,
                        e.v->>3 AS date, e.v->>4 AS event, (e.v->>2)::int AS end_key, (e.v->>0)::int AS start_key,
                        (e.v->>1)::int AS precision, d.id, e.pos
                    FROM sovtrack_deals d
                    CROSS JOIN (VALUES (false), (true)) AS s(total)
                    CROSS JOIN LATERAL jsonb_array_elements(d.facets->'o') WITH ORDINALITY AS e(v, pos)
                """,
                """
                ORDER BY grouping_key, ((e.v->>2)::int < \(picked.placeholder(0))) DESC, (e.v->>0)::int,
                    (e.v->>1)::int, d.id, e.pos) AS g
                """, extra: [today.startKey])
        ) { try $0.decode((String?, String, String).self) }
        for (country, date, event) in milestoneRows {
            guard let d = PartialDate(date) else { continue }
            next[country] = Milestone(date: d, event: event)
        }

        // The vendors' equal parts of each deal's MW, per country and over all.
        let shareRows = try link.rows(
            picked.query(
                """
                SELECT d.country, e.v->>0,
                    sum(d.committed_mw / jsonb_array_length(d.facets->'v')::float8 ORDER BY d.id) + 0.0::float8,
                    sum(d.ambition_mw / jsonb_array_length(d.facets->'v')::float8 ORDER BY d.id) + 0.0::float8,
                    GROUPING(d.country) = 1
                FROM sovtrack_deals d CROSS JOIN LATERAL jsonb_array_elements(d.facets->'v') AS e(v)
                """, "GROUP BY GROUPING SETS ((d.country, e.v->>0), (e.v->>0))")
        ) { try $0.decode((String?, String, Double?, Double?, Bool).self) }
        for (country, key, committed, ambition, isTotal) in shareRows {
            func add(_ t: inout VendorConcentration.Tally) {
                t.vendors.insert(key)
                if let committed { t.committed[key] = committed }
                if let ambition { t.ambition[key] = ambition }
            }
            if isTotal {
                add(&all)
            } else if let country {
                add(&tallies[country, default: VendorConcentration.Tally()])
            }
        }

        func group(_ key: String?, _ f: MWTotals, countries: [String]) -> Summary.Group {
            let lists = names[key] ?? [:]
            return Summary.Group(
                key: key ?? "total", figures: f, vendors: lists["v"] ?? [], partners: lists["p"] ?? [],
                models: lists["m"] ?? [], countries: countries, next: next[key])
        }
        let groups = figures.map { group($0.key, $0.value, countries: [$0.key]) }
        let summary = Summary(
            countries: groups, total: group(nil, total, countries: Array(figures.keys)),
            concentration: VendorConcentration(tallies: tallies, total: all, names: firstSpelling), today: today)
        return (summary, fromEpoch)
    }
}
