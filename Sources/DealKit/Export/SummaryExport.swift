/// `sovtrack summary` output in each format, with the spec's columns.
public enum SummaryExport {
    /// Column names in order for a grouping.
    ///
    /// The vendor-concentration columns come last (see `VendorConcentration` for the rule):
    /// by country, the largest vendor of the ambition MW, its share and the HHI of both
    /// kinds of MW; by vendor, its share of all committed and ambition MW and the number of
    /// countries where it has the largest share.
    public static func columns(_ grouping: Summary.Grouping) -> [String] {
        let head = grouping == .country ? ["country", "name"] : ["vendor", "countries"]
        let concentration =
            grouping == .country
            ? ["top_vendor", "top_vendor_share_pct", "hhi_committed", "hhi_ambition", "no_vendor_deals"]
            : ["committed_share_pct", "ambition_share_pct", "top_vendor_in"]
        return head + [
            "deals", "committed_mw", "ambition_mw", "operational_mw", "unknown_mw_deals", "no_mw_deals",
            "vendors", "partners", "models", "next_milestone",
        ] + concentration
    }

    /// A concentration figure of a row (nil: unknown), in column order.
    enum Figure {
        /// A share, 0–1: `87.5%` in a table, `87.5` (percent) in CSV and JSON.
        case share(Double?)
        /// An HHI: whole in a table, one decimal in CSV and JSON.
        case index(Double?)
        case integer(Int)
        case text(String?)

        /// The figure in CSV and JSON: a share in percent to two decimals, an index to one.
        var number: Double? {
            switch self {
            case .share(let v): return v.map { ($0 * 10_000).rounded() / 100 }
            case .index(let v): return v.map { ($0 * 10).rounded() / 10 }
            case .integer, .text: return nil
            }
        }

        /// The figure in a table, or as a CSV cell.
        func cell(csv: Bool) -> String {
            switch self {
            case .text(let t): return t ?? (csv ? "" : "-")
            case .integer(let n): return String(n)
            case .share(let v): return csv ? number.map(JSONWriter.format) ?? "" : VendorConcentration.percent(v)
            case .index(let v): return csv ? number.map(JSONWriter.format) ?? "" : VendorConcentration.index(v)
            }
        }
    }

    static func concentration(_ r: Summary.Row, _ s: Summary, isTotal: Bool) -> [Figure] {
        func pct(_ share: Double?) -> Figure { .share(share) }
        func hhi(_ v: Double?) -> Figure { .index(v) }
        let c = s.concentration
        switch s.grouping {
        case .country:
            let row = isTotal ? c.total : c.row(r.key)
            let top = row?.ambition.top
            return [
                .text(top?.vendor), pct(top?.share), hhi(row?.committed.hhi), hhi(row?.ambition.hhi),
                .integer(row?.noVendorDeals ?? 0),
            ]
        case .vendor:
            if isTotal {
                let known = { (split: VendorConcentration.Split) -> Double? in split.hhi == nil ? nil : 1 }
                return [
                    pct(known(c.total.committed)), pct(known(c.total.ambition)),
                    .integer(c.rows.filter { $0.ambition.top != nil }.count),
                ]
            }
            guard r.key != Summary.noVendor else { return [.share(nil), .share(nil), .integer(0)] }
            let k = DealFilter.fold(r.key)
            func share(_ split: VendorConcentration.Split) -> Double? {
                split.shares.first { DealFilter.fold($0.vendor) == k }?.share
            }
            return [
                pct(share(c.total.committed)), pct(share(c.total.ambition)),
                .integer(c.topVendorCountries[k] ?? 0),
            ]
        }
    }

    /// The CSV and JSON columns: the table's, then `approx_mw`, the totals that add an
    /// approximate figure (a table marks them `≈` in place, but a number cell cannot).
    public static func dataColumns(_ grouping: Summary.Grouping) -> [String] { columns(grouping) + ["approx_mw"] }

    /// The names of a row's approximate totals, in column order.
    static func approxColumns(_ r: Summary.Row) -> [String] {
        [
            ("committed_mw", r.approxCommitted), ("ambition_mw", r.approxAmbition),
            ("operational_mw", r.approxOperational),
        ]
        .filter(\.1).map(\.0)
    }

    /// The bytes of the summary in `format`; `forDisplay` as in `ListExport.render`. With
    /// `slips` (`summary --slips-since`, by country), CSV, JSON and HTML rows gain the columns
    /// `slipped` and `slip_months` (a table or Markdown shows them as a table of their own).
    public static func render(_ s: Summary, as format: OutputFormat, forDisplay: Bool = false, slips: Slippage? = nil)
        -> [UInt8]
    {
        let slipColumns = slips == nil ? [] : ["slipped", "slip_months"]
        func slipCells(_ r: Summary.Row) -> [String] {
            guard let slips else { return [] }
            let row = slips.row(for: r.key)
            return [String(row.slipped), String(row.months)]
        }
        switch format {
        case .table: return Array(table(s).renderText().utf8)
        case .md: return Array(table(s).renderMarkdown().utf8)
        case .html:
            var t = table(s)
            if let slips {
                t.columns += slipColumns.map { .init($0, alignRight: true) }
                t.rows = zip(t.rows, s.rows).map { $0 + slipCells($1) }
                t.footer = t.footer.map { $0 + [String(slips.total.slipped), String(slips.total.months)] }
            }
            return Array(t.renderHTML(title: "sovtrack summary by \(s.grouping.rawValue)").utf8)
        case .csv:
            var out = CSVWriter.line(dataColumns(s.grouping) + slipColumns)
            for r in s.rows { out += CSVWriter.line(cells(r, s, csv: true) + slipCells(r), forDisplay: forDisplay) }
            return Array(out.utf8)
        case .json: return json(s, slips: slips)
        }
    }

    private static func cells(_ r: Summary.Row, _ s: Summary, csv: Bool, isTotal: Bool = false) -> [String] {
        let g = s.grouping
        func mw(_ v: Double?, _ approx: Bool) -> String {
            csv ? (v.map(JSONWriter.format) ?? "") : MWText.figure(v, approx: approx)
        }
        let extra = concentration(r, s, isTotal: isTotal).map { $0.cell(csv: csv) }
        // In CSV each item of a list is neutralised (`CSVWriter.list`).
        func list(_ items: [String]) -> String {
            csv ? CSVWriter.list(items) : items.isEmpty ? "-" : items.joined(separator: ", ")
        }
        let head =
            g == .country
            ? [r.key, r.name] : [r.key, csv ? CSVWriter.list(r.countries) : r.countries.joined(separator: ", ")]
        let cells =
            head + [
                String(r.deals), mw(r.committedMW, r.approxCommitted), mw(r.ambitionMW, r.approxAmbition),
                mw(r.operationalMW, r.approxOperational), String(r.unknownMWDeals), String(r.noMWDeals),
                list(r.vendors), list(r.partners), list(r.models),
                r.nextMilestoneText ?? (csv ? "" : "-"),
            ] + extra
        return csv ? cells + [approxColumns(r).joined(separator: ";")] : cells
    }

    public static func table(_ s: Summary) -> TextTable {
        let names = columns(s.grouping)
        let numeric: Set<String> = [
            "deals", "committed_mw", "ambition_mw", "operational_mw", "unknown_mw_deals", "no_mw_deals",
            "top_vendor_share_pct", "hhi_committed", "hhi_ambition", "no_vendor_deals",
            "committed_share_pct", "ambition_share_pct", "top_vendor_in",
        ]
        let widths: [String: Int] = [
            "name": 24, "vendors": 24, "partners": 28, "models": 28, "next_milestone": 36, "countries": 20,
            "vendor": 24,
        ]
        var total = cells(s.total, s, csv: false, isTotal: true)
        total[0] = "total"
        total[1] = s.grouping == .country ? "\(s.rows.count) countries" : "\(s.total.countries.count) countries"
        return TextTable(
            columns: names.map { .init($0, alignRight: numeric.contains($0), maxWidth: widths[$0] ?? 16) },
            rows: s.rows.map { cells($0, s, csv: false) },
            footer: total)
    }

    /// An array of objects keyed by the CSV's column names; lists as arrays, numbers as numbers.
    public static func json(_ s: Summary, slips: Slippage? = nil) -> [UInt8] {
        let names = dataColumns(s.grouping) + (slips == nil ? [] : ["slipped", "slip_months"])
        var w = JSONWriter()
        w.raw("[")
        for (i, r) in s.rows.enumerated() {
            w.raw(i == 0 ? "\n  " : ",\n  ")
            w.value(.object(zip(names, jsonValues(r, s, slips: slips)).map { JSONField($0, $1) }))
        }
        w.raw(s.rows.isEmpty ? "]\n" : "\n]\n")
        return w.finish()
    }

    /// A row's values in the order of its JSON keys (`dataColumns`, then the slip columns).
    private static func jsonValues(_ r: Summary.Row, _ s: Summary, slips: Slippage?) -> [JSONValue] {
        func integer(_ n: Int) -> JSONValue { .number(String(n)) }
        func number(_ v: Double?) -> JSONValue { v.map { .number(JSONWriter.format($0)) } ?? .null }
        func text(_ t: String?) -> JSONValue { t.map(JSONValue.string) ?? .null }
        func list(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
        let head = s.grouping == .country ? [text(r.key), text(r.name)] : [text(r.key), list(r.countries)]
        let figures = concentration(r, s, isTotal: false).map { f -> JSONValue in
            switch f {
            case .text(let t): return text(t)
            case .integer(let n): return integer(n)
            case .share, .index: return number(f.number)
            }
        }
        let slipped = slips.map {
            let row = $0.row(for: r.key)
            return [integer(row.slipped), integer(row.months)]
        }
        return head + [
            integer(r.deals), number(r.committedMW), number(r.ambitionMW), number(r.operationalMW),
            integer(r.unknownMWDeals), integer(r.noMWDeals), list(r.vendors), list(r.partners), list(r.models),
            text(r.nextMilestoneText),
        ] + figures + [list(approxColumns(r))] + (slipped ?? [])
    }
}
