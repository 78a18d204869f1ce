/// `sovtrack summary` output in each format, with the spec's columns.
public enum SummaryExport {
    /// Column names in order for a grouping.
    public static func columns(_ grouping: Summary.Grouping) -> [String] {
        let head = grouping == .country ? ["country", "name"] : ["vendor", "countries"]
        return head + ["deals", "committed_mw", "ambition_mw", "operational_mw", "unknown_mw_deals", "no_mw_deals",
                       "vendors", "partners", "models", "next_milestone"]
    }

    /// The CSV and JSON columns: the table's, then `approx_mw`, the totals that add an
    /// approximate figure (a table marks them `≈` in place, but a number cell cannot).
    public static func dataColumns(_ grouping: Summary.Grouping) -> [String] { columns(grouping) + ["approx_mw"] }

    /// The names of a row's approximate totals, in column order.
    static func approxColumns(_ r: Summary.Row) -> [String] {
        [("committed_mw", r.approxCommitted), ("ambition_mw", r.approxAmbition), ("operational_mw", r.approxOperational)]
            .filter(\.1).map(\.0)
    }

    public static func render(_ s: Summary, as format: OutputFormat) -> [UInt8] {
        switch format {
        case .table: return Array(table(s).renderText().utf8)
        case .md: return Array(table(s).renderMarkdown().utf8)
        case .csv:
            var out = CSVWriter.line(dataColumns(s.grouping))
            for r in s.rows { out += CSVWriter.line(cells(r, s.grouping, csv: true)) }
            return Array(out.utf8)
        case .json: return json(s)
        }
    }

    private static func cells(_ r: Summary.Row, _ g: Summary.Grouping, csv: Bool) -> [String] {
        func mw(_ v: Double?, _ approx: Bool) -> String { csv ? (v.map(JSONWriter.format) ?? "") : MWText.figure(v, approx: approx) }
        let sep = csv ? ";" : ", "
        func list(_ items: [String]) -> String { items.isEmpty && !csv ? "-" : items.joined(separator: sep) }
        let head = g == .country ? [r.key, r.name] : [r.key, r.countries.joined(separator: sep)]
        let cells = head + [String(r.deals), mw(r.committedMW, r.approxCommitted), mw(r.ambitionMW, r.approxAmbition),
                            mw(r.operationalMW, r.approxOperational), String(r.unknownMWDeals), String(r.noMWDeals),
                            list(r.vendors), list(r.partners), list(r.models),
                            r.nextMilestone?.summary ?? (csv ? "" : "-")]
        return csv ? cells + [approxColumns(r).joined(separator: ";")] : cells
    }

    public static func table(_ s: Summary) -> TextTable {
        let names = columns(s.grouping)
        let numeric: Set<String> = ["deals", "committed_mw", "ambition_mw", "operational_mw", "unknown_mw_deals", "no_mw_deals"]
        let widths: [String: Int] = ["name": 24, "vendors": 24, "partners": 28, "models": 28, "next_milestone": 36, "countries": 20, "vendor": 24]
        var total = cells(s.total, s.grouping, csv: false)
        total[0] = "total"
        total[1] = s.grouping == .country ? "\(s.rows.count) countries" : "\(s.total.countries.count) countries"
        return TextTable(
            columns: names.map { .init($0, alignRight: numeric.contains($0), maxWidth: widths[$0] ?? 16) },
            rows: s.rows.map { cells($0, s.grouping, csv: false) },
            footer: total)
    }

    /// An array of objects keyed by the column names; lists as arrays, numbers as numbers.
    public static func json(_ s: Summary) -> [UInt8] {
        var w = JSONWriter()
        w.raw("[")
        for (i, r) in s.rows.enumerated() {
            w.raw(i == 0 ? "\n  {" : ",\n  {")
            if s.grouping == .country {
                w.member("country"); w.string(r.key)
                w.raw(", "); w.member("name"); w.string(r.name)
            } else {
                w.member("vendor"); w.string(r.key)
                w.raw(", "); w.member("countries"); w.strings(r.countries)
            }
            w.raw(", \"deals\": "); w.integer(r.deals)
            w.raw(", \"committed_mw\": "); w.optionalNumber(r.committedMW)
            w.raw(", \"ambition_mw\": "); w.optionalNumber(r.ambitionMW)
            w.raw(", \"operational_mw\": "); w.optionalNumber(r.operationalMW)
            w.raw(", \"unknown_mw_deals\": "); w.integer(r.unknownMWDeals)
            w.raw(", \"no_mw_deals\": "); w.integer(r.noMWDeals)
            w.raw(", \"vendors\": "); w.strings(r.vendors)
            w.raw(", \"partners\": "); w.strings(r.partners)
            w.raw(", \"models\": "); w.strings(r.models)
            w.raw(", \"next_milestone\": ")
            if let m = r.nextMilestone { w.string(m.summary) } else { w.raw("null") }
            w.raw(", \"approx_mw\": "); w.strings(approxColumns(r))
            w.raw("}")
        }
        w.raw(s.rows.isEmpty ? "]\n" : "\n]\n")
        return w.finish()
    }
}
