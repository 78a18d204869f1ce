import ArgumentParser
import DealKit
import DealPostgres

extension Summary.Grouping: ExpressibleByArgument {}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Total the deals per country (or per vendor).",
        discussion: """
            Unknown megawatts are never counted as zero: a total over no known figure is "-" \
            (empty in CSV, null in JSON), and unknown_mw_deals counts the deals with no figure.
            Examples:
              sovtrack summary
              sovtrack summary --by vendor
              sovtrack summary --country KR --country JP --format md --output report.md
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "country or vendor.") var by: Summary.Grouping = .country
    @OptionGroup var filters: FilterOptions
    @OptionGroup var asOf: AsOfOption
    @Option(
        name: .customLong("slips-since"),
        help: ArgumentHelp(
            "Then, per country, the milestones that slipped since this date and their total slip in months: a table of its own (table, md), or two more columns per country (csv, json, html).",
            valueName: "date"))
    var slipsSince: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let today = CalendarClock.today()
        let dealFilter = try filters.filter()
        if asOf.asOf == nil && slipsSince == nil && by == .country && storeOptions.isDatabase,
            let store = try storeOptions.open() as? PostgresStore,
            let totalled = try store.summary(matching: dealFilter, today: today)
        {
            // Totalled by the server: the same table, from a few hundred rows instead of every deal.
            try emit(totalled.summary, fromEpoch: totalled.fromEpoch, slips: nil)
            return
        }
        let filter = dealFilter.compiled()
        // Only what the table reads is kept of each deal, only of the deals it counts.
        let selection = try asOf.select(storeOptions) { deal in
            guard filter.matches(deal) else { return false }
            Summary.trim(&deal)
            return true
        }
        let summary = Summary(deals: selection.deals, by: by, today: today)
        let format = output.resolvedFormat
        var slips: Slippage?
        if let slipsSince {
            if format != .table && format != .md && by != .country {
                throw CLIError.usage(
                    "--slips-since with --format \(format.rawValue): only by country (the slips are counted per country)"
                )
            }
            let from = try AsOfDate.startKey(slipsSince, option: "--slips-since")
            let history: History
            do throws(HistoryError) { history = try History(of: Feed(extra: selection.extra)) } catch {
                throw CLIError.data("\(storeOptions.path): \(error.description)")
            }
            slips = Slippage(history: history, deals: selection.deals, from: from, to: asOf.cutoff ?? 99_991_231)
        }
        try emit(summary, fromEpoch: selection.deals.contains(where: EpochCredit.isFromEpoch), slips: slips)
    }

    /// Writes the summary in the chosen format, with the slips (`--slips-since`) and the credit line.
    private func emit(_ summary: Summary, fromEpoch: Bool, slips: Slippage?) throws {
        let format = output.resolvedFormat
        // A table or Markdown shows the slips as a table of their own; the other formats as columns.
        let separate = format == .table || format == .md
        var bytes = SummaryExport.render(
            summary, as: format, forDisplay: Console.isDisplay(output.output), slips: separate ? nil : slips)
        if let slips, let slipsSince, separate {
            let title = "Milestones slipped since \(slipsSince)"
            bytes += Array((format == .md ? "\n**\(title)**\n\n" : "\n\(title):\n").utf8)
            bytes += Array(slips.render(markdown: format == .md).utf8)
        }
        bytes += EpochCredit.footer(shown: fromEpoch, format: format)
        try output.emit(bytes, store: storeOptions.path)
    }
}
