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
/// vendor shares are `VendorConcentration` itself, over each deal's country, vendors and
/// figures only (fetched in id order), not its document.
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
                    coalesce(bool_or(starts_with(d.id, \(picked.placeholder(0)))), false), GROUPING(d.country) = 1
                FROM sovtrack_deals d
                """, "GROUP BY GROUPING SETS ((d.country), ())", extra: [EpochID.prefix])
        ) {
            try $0.decode(
                (String?, Int, Double?, Double?, Double?, Int, Int, Int, Bool, Bool).self)
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
            if r.9 {
                total = f
                fromEpoch = r.8
            } else if let country = r.0 {
                figures[country] = f
            }
        }

        // Each name once per folded spelling, as first written (deal by id, then its place): per
        // country by the server, then over all here, the earliest of the countries' firsts. The
        // server skips from one (country, list, folded name) to the next along the index of
        // `sovtrack_names`, a probe each: a few thousand rows read, not every deal's names sorted.
        var names: [String?: [Character: [String]]] = [:]
        var firsts: [Character: [String: (name: String, at: Place)]] = [:]
        let nameRows = try link.rows(
            picked.query { _ in
                """
                WITH RECURSIVE first AS (
                    (SELECT n.country, n.list, n.key, n.name, n.deal_id, n.pos FROM sovtrack_names n
                    WHERE \(picked.picks("n"))
                    ORDER BY n.country, n.list, n.key, n.deal_id, n.pos LIMIT 1)
                    UNION ALL
                    SELECT next.* FROM first CROSS JOIN LATERAL (
                        SELECT n.country, n.list, n.key, n.name, n.deal_id, n.pos FROM sovtrack_names n
                        WHERE (n.country, n.list, n.key) > (first.country, first.list, first.key)
                            AND \(picked.picks("n"))
                        ORDER BY n.country, n.list, n.key, n.deal_id, n.pos LIMIT 1) next
                )
                SELECT country, list, key, name, deal_id, pos::int8 FROM first
                """
            }
        ) { try $0.decode((String, String, String, String, String, Int).self) }
        for (country, list, key, name, id, pos) in nameRows {
            let kind = list.first ?? "?"
            names[country, default: [:]][kind, default: []].append(name)
            let at = Place(id: id, pos: pos)
            if firsts[kind]?[key].map({ at < $0.at }) ?? true { firsts[kind, default: [:]][key] = (name, at) }
        }
        for (kind, spellings) in firsts {
            names[nil, default: [:]][kind] = spellings.values.map(\.name)
        }

        // The milestone needing attention first: overdue first, then by date, then deal and
        // place; per country by the server, then over all here by the same order. Each
        // country's is the first overdue one along the index in that order, else the first
        // one to come: one or two short index scans a country.
        var next: [String?: Milestone] = [:]
        var first: (milestone: Milestone, order: MilestoneOrder)?
        let (day, countries) = (picked.placeholder(0), picked.placeholder(1))
        let milestoneRows = try link.rows(
            picked.query(extra: [today.startKey, Array(figures.keys)]) { _ in
                func probe(_ overdue: Bool) -> String {
                    """
                    (SELECT m.date, m.event, \(overdue), m.start_key::int8, m.precision::int8, m.deal_id, m.pos::int8
                    FROM sovtrack_milestones m
                    WHERE m.country = c.country AND m.end_key \(overdue ? "<" : ">=") \(day) AND \(picked.picks("m"))
                    ORDER BY m.start_key, m.precision, m.deal_id, m.pos LIMIT 1)
                    """
                }
                return """
                    SELECT c.country, x.* FROM unnest(\(countries)::text[]) AS c(country)
                    CROSS JOIN LATERAL (\(probe(true)) UNION ALL \(probe(false)) LIMIT 1) x
                    """
            }
        ) { try $0.decode((String, String, String, Bool, Int, Int, String, Int).self) }
        for (country, date, event, overdue, start, precision, id, pos) in milestoneRows {
            guard let d = PartialDate(date) else { continue }
            let m = Milestone(date: d, event: event)
            next[country] = m
            let order = MilestoneOrder(
                overdue: overdue, start: start, precision: precision, at: Place(id: id, pos: pos))
            if first.map({ order < $0.order }) ?? true { first = (m, order) }
        }
        next[nil] = first?.milestone

        // The vendors' shares: `VendorConcentration` itself, over each deal's country, vendors
        // and figures only (a few bytes a deal, read from a covering index, not its document),
        // in id order.
        let slim = try link.rows(
            picked.query(
                """
                SELECT d.country, array_to_string(d.vendors, chr(31)),
                    CASE WHEN d.mw_applies THEN d.committed_mw END, CASE WHEN d.mw_applies THEN d.ambition_mw END
                FROM sovtrack_deals d
                """, "ORDER BY d.id")
        ) { try $0.decode((String, String, Double?, Double?).self) }
        let unknownDate = PartialDate("2000")!
        // The vendors joined by the separator no name holds (`DealRows.separator`): one text
        // decodes many times faster than an array of them.
        let separator = DealRows.separator.utf8.first!
        let sharesOf = slim.map { country, vendors, committed, ambition in
            Deal(
                id: "", title: "", country: country, announced: unknownDate,
                partners: vendors.isEmpty
                    ? []
                    : vendors.utf8.split(separator: separator, omittingEmptySubsequences: false).map {
                        Partner(name: String(decoding: $0, as: UTF8.self), role: .vendor)
                    },
                capacity: Capacity(initialMW: committed, targetMW: ambition))
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
            concentration: VendorConcentration(deals: sharesOf), today: today)
        return (summary, fromEpoch)
    }

    /// Where a name or milestone stands among the deals: the deal's id, compared bytewise as
    /// the server's `COLLATE "C"` orders it, then its place in the deal's list.
    struct Place: Comparable {
        var id: String
        var pos: Int

        static func < (a: Place, b: Place) -> Bool {
            a.id != b.id ? a.id.utf8.lexicographicallyPrecedes(b.id.utf8) : a.pos < b.pos
        }
    }

    /// The order in which milestones need attention (`Milestone.precedes`), first of equals.
    struct MilestoneOrder: Comparable {
        var overdue: Bool
        var start: Int
        var precision: Int
        var at: Place

        static func < (a: MilestoneOrder, b: MilestoneOrder) -> Bool {
            if a.overdue != b.overdue { return a.overdue }
            if a.start != b.start { return a.start < b.start }
            if a.precision != b.precision { return a.precision < b.precision }
            return a.at < b.at
        }
    }
}
