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
        if let bytes = try everyDealAsCSV(filter) { return try output.emit(bytes, store: storeOptions.path) }
        let selection: Store.Selection
        if asOf.asOf != nil {
            let compiled = filter.compiled()
            selection = try asOf.select(storeOptions) { compiled.matches($0) }
        } else {
            selection = try storeOptions.select(filter)
        }
        // Positions, not a sorted copy: copying 100,000 deals retains every string of each.
        let order = sort.order(of: selection.deals, descending: reverse, today: CalendarClock.today())
        let format = output.resolvedFormat
        var bytes = ListExport.render(
            selection.deals, order: order, as: format, updated: selection.updated,
            forDisplay: Console.isDisplay(output.output))
        let shown = selection.deals.withUnsafeBufferPointer { d in
            d.indices.contains { EpochCredit.isFromEpoch(d[$0]) }
        }
        bytes += EpochCredit.footer(shown: shown, format: format)
        try output.emit(bytes, store: storeOptions.path)
    }

    /// Every deal of a file store as CSV to a file, straight from the index's bytes
    /// (`IndexCSV`: the same bytes, without making the deals); nil when this list is not
    /// that, or the index cannot give it, and the deals are loaded as for any list.
    private func everyDealAsCSV(_ filter: DealFilter) throws -> [UInt8]? {
        guard asOf.asOf == nil, output.resolvedFormat == .csv, !Console.isDisplay(output.output),
            IndexCSV.supports(sort), !storeOptions.isDatabase, filter.compiled().matchesEverything,
            let store = try storeOptions.open() as? Store
        else { return nil }
        return IndexCSV.export(store: store.path, sort: sort, descending: reverse)
    }
}
