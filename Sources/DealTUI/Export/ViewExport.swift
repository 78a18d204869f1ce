import DealKit

/// What `x` writes for each view, through DealKit's exporters: the pure part of exporting.
public enum ViewExport {
    /// The formats `x` offers: the view as Markdown, CSV or JSON, or the HTML report of the filter.
    public static let offered: [OutputFormat] = [.md, .csv, .json, .html]

    /// The file name and bytes of an export of what the state shows.
    ///
    /// Countries and Vendors write the summary by country or vendor of the deals shown;
    /// Deals and Timeline write the deals shown, in their order (JSON is a valid feed);
    /// a detail writes its one deal. `stamp` is `YYYYMMDD-HHMMSS`, given so tests are stable.
    ///
    /// `html` is the report (`sovtrack report`) of every deal the filter selects, whatever the view;
    /// `table` (not offered by `x`) is the text `list`, `summary` and `show` print.
    public static func make(_ s: AppState, format: OutputFormat, stamp: String) -> (
        fileName: String, bytes: [UInt8], what: String
    ) {
        if format == .html { return report(s, stamp: stamp) }
        let output = format
        let deals = s.catalog.deals
        let name: String
        let bytes: [UInt8]
        let what: String
        if let d = s.detail {
            name = "deal-\(d.id)"
            // In Markdown the deal whole (facts with their citations, timeline, sources, notes); CSV is its one row, JSON a one-deal feed.
            bytes =
                output == .md
                ? Array(DealText.markdown(deals[Int(d.deal)], today: s.today).utf8)
                : output == .table
                    ? Array(DealText.render(deals[Int(d.deal)], today: s.today).utf8)
                    : ListExport.render([deals[Int(d.deal)]], as: output, updated: s.catalog.feed.updated)
            what = "deal \(d.id)"
        } else {
            let shown = s.results.rows.map { deals[Int($0)] }
            switch s.view {
            case .countries, .vendors:
                let grouping: Summary.Grouping = s.view == .countries ? .country : .vendor
                let summary = Summary(deals: shown, by: grouping, today: s.today)
                name = s.view == .countries ? "countries" : "vendors"
                bytes = SummaryExport.render(summary, as: output)
                what =
                    s.view == .countries
                    ? CountText.of(summary.rows.count, "country", plural: "countries")
                    : CountText.of(summary.rows.count, "vendor")
            case .deals, .timeline:
                name = s.view == .deals ? "deals" : "timeline"
                bytes = ListExport.render(shown, as: output, updated: s.catalog.feed.updated)
                what = CountText.of(shown.count, "deal")
            }
        }
        return ("sovtrack-\(name)-\(stamp).\(format.fileExtension)", bytes, what)
    }

    /// The HTML report of the deals the filter selects.
    static func report(_ s: AppState, stamp: String) -> (fileName: String, bytes: [UInt8], what: String) {
        let deals = s.results.members.map { s.catalog.deals[Int($0)] }
        let context = Report.Context(
            title: "Sovereign-AI infrastructure deals", date: s.today, filter: s.filter.summary,
            store: s.storeName, reproduce: Report.reproduceCommand(store: s.storeName, filter: s.filter))
        let report = Report(deals: deals, updated: s.catalog.feed.updated, context: context)
        return (
            "sovtrack-report-\(stamp).html", ReportHTML.render(report),
            "the report of \(deals.count) deal\(deals.count == 1 ? "" : "s")"
        )
    }
}
