/// Milestones that slipped in a period, by country: how many and by how much in all.
public struct Slippage: Sendable, Equatable {
    /// One country's slips.
    public struct Row: Sendable, Equatable {
        public var country: String
        /// Milestone slips recorded in the period (a milestone slipped twice counts twice).
        public var slipped: Int
        /// Their total, in months between the periods' starts.
        public var months: Int
    }

    /// Countries with a slip, most months first.
    public var rows: [Row]

    /// The slips the history records on days `from...to` (`yyyymmdd`) of `deals` (those a
    /// summary counts), each under the deal's country.
    public init(history: History, deals: [Deal], from: Int, to: Int) {
        var country: [String: String] = [:]
        for d in deals { country[d.id] = d.country }
        var byCountry: [String: Row] = [:]
        for r in history.revisions where r.dayKey >= from && r.dayKey <= to {
            let slips = DealDiff.changes(id: r.id, fields: r.changes).filter { $0.kind == .slipped }
            guard !slips.isEmpty else { continue }
            guard let c = country[r.id] else { continue }
            var row = byCountry[c] ?? Row(country: c, slipped: 0, months: 0)
            row.slipped += slips.count
            row.months += slips.reduce(0) { $0 + ($1.months ?? 0) }
            byCountry[c] = row
        }
        rows = byCountry.values.sorted { $0.months != $1.months ? $0.months > $1.months : $0.country < $1.country }
    }

    /// The row of `country`, zero when nothing of it slipped.
    public func row(for country: String) -> Row {
        rows.first { $0.country == country } ?? Row(country: country, slipped: 0, months: 0)
    }

    /// The slips and months of every country.
    public var total: (slipped: Int, months: Int) {
        rows.reduce((0, 0)) { ($0.0 + $1.slipped, $0.1 + $1.months) }
    }

    /// The table, or Markdown, with a total row.
    public func render(markdown: Bool) -> String {
        let table = TextTable(
            columns: [
                TextTable.Column("country"), TextTable.Column("slipped", alignRight: true),
                TextTable.Column("slip_months", alignRight: true),
            ],
            rows: rows.map { [$0.country, String($0.slipped), String($0.months)] },
            footer: ["total", String(total.slipped), String(total.months)])
        return markdown ? table.renderMarkdown() : table.renderText()
    }
}
