import ArgumentParser
import DealKit

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
    @OptionGroup var output: OutputOptions

    func run() throws {
        let filter = try filters.filter().compiled()
        // Only what the table reads is kept of each deal, only of the deals it counts.
        let selection = try storeOptions.select { deal in
            guard filter.matches(deal) else { return false }
            Summary.trim(&deal)
            return true
        }
        let summary = Summary(deals: selection.deals, by: by)
        let format = output.resolvedFormat
        try output.emit(SummaryExport.render(summary, as: format, forDisplay: Console.isDisplay(output.output))
                        + EpochCredit.footer(shown: selection.deals.contains(where: EpochCredit.isFromEpoch), format: format), store: storeOptions.path)
    }
}
