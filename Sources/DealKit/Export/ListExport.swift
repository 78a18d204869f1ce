/// `sovtrack list` output in each format.
public enum ListExport {
    /// The bytes of `deals` in `format`; `forDisplay` when they go to a terminal or a pipe
    /// rather than a file (CSV then shows controls as placeholders; see `CSVWriter.line`).
    public static func render(
        _ deals: [Deal], as format: OutputFormat, updated: PartialDate? = nil, forDisplay: Bool = false
    ) -> [UInt8] {
        switch format {
        case .table: return Array(table(deals).renderText().utf8)
        case .md: return Array(table(deals).renderMarkdown().utf8)
        case .html: return Array(table(deals).renderHTML(title: "sovtrack deals").utf8)
        case .csv: return DealCSV.exportBytes(deals, forDisplay: forDisplay)
        case .json: return FeedEncoder.encode(Feed(updated: updated, deals: deals))
        }
    }

    /// `render` of the deals at the positions `order` gives, in that order (a sort's result).
    ///
    /// CSV, the format of whole stores, reads each deal where it is; the other formats take
    /// the deals copied in order.
    public static func render(
        _ deals: [Deal], order: [Int], as format: OutputFormat, updated: PartialDate? = nil, forDisplay: Bool = false
    ) -> [UInt8] {
        if format == .csv { return DealCSV.exportBytes(deals, order: order, forDisplay: forDisplay) }
        return render(order.map { deals[$0] }, as: format, updated: updated, forDisplay: forDisplay)
    }

    /// One row per deal: the columns that fit a report.
    public static func table(_ deals: [Deal]) -> TextTable {
        TextTable(
            columns: [
                .init("id", maxWidth: 64), .init("country"), .init("announced"), .init("status"),
                .init("mw", alignRight: true, maxWidth: 20), .init("confidence"),
                .init("title", maxWidth: 44), .init("sponsor", maxWidth: 20), .init("vendors", maxWidth: 24),
            ],
            rows: deals.map { d in
                [
                    d.id, d.country, d.announcedText, d.status.rawValue, MWText.range(d),
                    d.capacity?.confidence?.rawValue ?? "-", d.title, d.sponsor ?? "-",
                    d.vendors.isEmpty ? "-" : d.vendors.joined(separator: ", "),
                ]
            })
    }
}
