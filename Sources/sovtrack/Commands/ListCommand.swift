import ArgumentParser
import DealKit

extension DealSort: ExpressibleByArgument {}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List deals, one row each.",
        discussion: """
            Examples:
              sovtrack list --country KR
              sovtrack list --vendor nvidia --since 2026 --format csv --output deals.csv
              sovtrack list --search "world model" --sort mw --reverse

            Sort keys: \(DealSort.allCases.map(\.rawValue).joined(separator: ", ")). The default order is country, then announcement date.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Sort by this key (unknown values last).", valueName: "key")) var sort: DealSort =
        .country
    @Flag(help: "Reverse the sort order.") var reverse = false

    func run() throws {
        let filter = try filters.filter()
        let selection: Store.Selection
        if asOf.asOf != nil {
            let compiled = filter.compiled()
            selection = try asOf.select(storeOptions) { compiled.matches($0) }
        } else {
            selection = try storeOptions.select(filter)
        }
        let deals = sort.apply(to: selection.deals, descending: reverse, today: CalendarClock.today())
        let format = output.resolvedFormat
        try output.emit(
            ListExport.render(
                deals, as: format, updated: selection.updated, forDisplay: Console.isDisplay(output.output))
                + EpochCredit.footer(shown: deals.contains(where: EpochCredit.isFromEpoch), format: format),
            store: storeOptions.path)
    }
}
