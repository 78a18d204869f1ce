import DealKit
import PostgresNIO

/// The part of a `DealFilter` the server applies, on the indexed columns of `sovtrack_deals`
/// (named `d`): countries, statuses, the announcement dates and the minimum MW, each with
/// exactly the filter's meaning (`DealFilter.Compiled.passesFields`).
///
/// The names and the text a filter may also ask for (vendors, partners, search, products) are
/// folded by sovtrack's rules, not the server's: `isExact` is false then, and the deals the
/// server picks must still pass the filter in sovtrack.
struct ServerFilter {
    /// The condition, over the bound values `binds` (`$1`…).
    let condition: String
    let binds: PostgresBindings
    /// True when the condition alone is the filter.
    let isExact: Bool
    /// True when the condition holds for every deal (no country, status, date or MW asked).
    let isEverything: Bool

    init(_ filter: DealFilter) {
        let countries = filter.countries
        let statuses = filter.statuses.map(\.rawValue)
        let since = filter.since?.startKey ?? Int.min
        let until = filter.until?.endKey ?? Int.max
        let minMW = filter.minMW ?? -Double.greatestFiniteMagnitude
        let q: PostgresQuery = """
            (cardinality(\(countries)::text[]) = 0 OR d.country = ANY(\(countries)::text[]))
              AND (cardinality(\(statuses)::text[]) = 0 OR d.status = ANY(\(statuses)::text[]))
              AND d.announced_from >= \(since) AND d.announced_from <= \(until)
              AND (\(filter.minMW == nil) OR d.ambition_mw >= \(minMW))
            """
        condition = q.sql
        binds = q.binds
        isEverything =
            countries.isEmpty && statuses.isEmpty && filter.since == nil && filter.until == nil && filter.minMW == nil
        isExact = filter.vendors.isEmpty && filter.partners.isEmpty && filter.search.isEmpty && filter.products.isEmpty
    }

    /// `head`, the condition (`WHERE …`) and `tail`, with `extra` bound after the filter's
    /// values: `head` and `tail` name them `placeholder(0)`, `placeholder(1)`, … . `head` and
    /// `tail` are sovtrack's own SQL, never a value.
    func query(_ head: String, _ tail: String = "", extra: [any PostgresThrowingDynamicTypeEncodable] = []) throws
        -> PostgresQuery
    {
        try query(extra: extra) { "\(head) WHERE \($0) \(tail)" }
    }

    /// The SQL `sql` makes of the condition over the deal `d` (it may use it several times),
    /// with `extra` bound after the filter's values, as in `query(_:_:extra:)`.
    func query(extra: [any PostgresThrowingDynamicTypeEncodable] = [], _ sql: (_ condition: String) -> String) throws
        -> PostgresQuery
    {
        var b = binds
        for v in extra { try b.append(v) }
        return PostgresQuery(unsafeSQL: sql(condition), binds: b)
    }

    /// The condition over a row that names its deal by `deal_id` (in the tables of its names
    /// and milestones): true when the filter picks every deal, so that no deal is read then.
    func picks(_ row: String) -> String {
        // The countries asked for (`$1`, the first value the condition binds) also on the row
        // itself, whose index it leads.
        isEverything
            ? "true"
            : """
            (cardinality($1::text[]) = 0 OR \(row).country = ANY($1::text[]))
              AND EXISTS (SELECT 1 FROM sovtrack_deals d WHERE d.id = \(row).deal_id AND \(condition))
            """
    }

    /// The placeholder of the `i`th extra value of `query`.
    func placeholder(_ i: Int) -> String { "$\(binds.count + i + 1)" }
}
