import ArgumentParser
import DealKit
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a briefing: per-country summary, vendor concentration, charts and sources.",
        discussion: """
        HTML is one self-contained file (inline SVG and CSS, no script, nothing fetched); \
        Markdown writes its three charts as SVG files beside it (REPORT-countries.svg, \
        REPORT-vendors.svg, REPORT-milestones.svg). docs/report.md says what it holds.
        Examples:
          sovtrack report --output briefing.html
          sovtrack report --country KR --country JP --format md --output briefing.md
        """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The report's title.") var title = "Sovereign-AI infrastructure deals"
    @OptionGroup var asOf: AsOfOption
    @Option(name: .customLong("changes-since"), help: ArgumentHelp("List the changes from this date to the report's day (default: the 7 days before it), from the store's history.", valueName: "date"))
    var changesSince: String?

    func run() throws {
        let format = output.format ?? output.output.flatMap { OutputFormat(fileName: $0) } ?? .html
        guard format == .md || format == .html else {
            throw CLIError.usage("--format: a report is md or html, not \(format.rawValue)")
        }
        let destination = output.output.flatMap { $0 == "-" ? nil : $0 }
        if format == .md && destination == nil {
            throw CLIError.usage("--output: a Markdown report writes its charts as SVG files beside it; give --output FILE.md")
        }
        let filter = try filters.filter()
        let compiled = filter.compiled()
        let selection = try asOf.select(storeOptions) { compiled.matches($0) }
        let env = ProcessInfo.processInfo.environment
        let store = StoreLocation.resolve(explicit: storeOptions.store, environment: env)
        let today = CalendarClock.today()
        let context = Report.Context(title: title, date: today, filter: filter.summary, store: store.path,
                                     reproduce: Report.reproduceCommand(store: store.isDefault ? nil : store.path, filter: filter, asOf: asOf.asOf),
                                     asOf: asOf.asOf, changes: try changes(to: selection, filter: compiled, today: today))
        let report = Report(deals: selection.deals, updated: selection.updated, context: context)
        switch format {
        case .md:
            for file in ReportMarkdown.render(report, path: destination!) {
                try Console.emit(file.bytes, to: file.path, force: output.force, store: store.path)
            }
        default:
            try Console.emit(ReportHTML.render(report), to: destination, force: output.force, store: store.path)
        }
    }

    /// The changes to the selected deals over the period, from the store's history: the deals as
    /// they stood at the end of the day before `--changes-since` against the report's own.
    func changes(to selection: Store.Selection, filter: DealFilter.Compiled, today: PartialDate) throws -> Report.Changes {
        let endKey = asOf.cutoff ?? today.endKey
        let startKey = try changesSince.map { try AsOfDate.startKey($0, option: "--changes-since") }
            ?? History.dayKey(7, before: PartialDate(Report.Changes.dayText(endKey)) ?? today)
        guard startKey <= endKey else {
            throw CLIError.usage("--changes-since: \(changesSince ?? "") is after the report's day \(Report.Changes.dayText(endKey))")
        }
        let since = changesSince ?? Report.Changes.dayText(startKey)
        let until = asOf.asOf ?? today.description
        let history: History
        do throws(HistoryError) { history = try History(of: Feed(extra: selection.extra)) } catch {
            throw CLIError.data("\(storeOptions.path): \(error.description)")
        }
        guard !history.revisions.isEmpty else { return Report.Changes(since: since, until: until, hasHistory: false, list: []) }
        // Only a store with revisions is read again, as it stood before the period.
        let before = try FeedOperand.storeAsOf(startKey - 1, store: storeOptions).deals.filter { filter.matches($0) }
        return Report.Changes(since: since, until: until, hasHistory: true, list: DealDiff.changes(from: before, to: selection.deals))
    }
}
