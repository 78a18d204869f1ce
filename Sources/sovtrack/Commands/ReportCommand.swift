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
    @Option(
        name: .customLong("changes-since"),
        help: ArgumentHelp(
            "List the changes from this date to the report's day (default: the 7 days before it), from the store's history.",
            valueName: "date"))
    var changesSince: String?

    func run() throws {
        let format = output.format ?? output.output.flatMap { OutputFormat(fileName: $0) } ?? .html
        guard format == .md || format == .html else {
            throw CLIError.usage("--format: a report is md or html, not \(format.rawValue)")
        }
        let destination = output.output.flatMap { $0 == "-" ? nil : $0 }
        if format == .md && destination == nil {
            throw CLIError.usage(
                "--output: a Markdown report writes its charts as SVG files beside it; give --output FILE.md")
        }
        let filter = try filters.filter()
        let compiled = filter.compiled()
        let today = CalendarClock.today()
        let period = try period(today: today)
        // The store is read once: the report's deals and, with a history, the deals as they
        // stood before the period both come from it.
        let (stored, updated, history) = try read(compiled, period)
        let deals = try matching(compiled, dealsAsOf(period.cutoff, stored, history))
        // A store with no revision up to the report's day cannot tell what changed.
        let recorded =
            period.cutoff.map { c in history.revisions.contains { $0.dayKey <= c } } ?? !history.revisions.isEmpty
        var changes = Report.Changes(since: period.since, until: period.until, hasHistory: recorded, list: [])
        if recorded {
            let before = try matching(compiled, dealsAsOf(period.startKey - 1, stored, history))
            changes.list = DealDiff.changes(from: before, to: deals)
            Retained.keep(before)
        }
        Retained.keep(deals)
        let env = ProcessInfo.processInfo.environment
        let store = StoreLocation.resolve(explicit: storeOptions.store, environment: env)
        let context = Report.Context(
            title: title, date: today, filter: filter.summary, store: store.path,
            reproduce: Report.reproduceCommand(
                store: store.isDefault ? nil : store.path, filter: filter, asOf: asOf.asOf),
            asOf: asOf.asOf, changes: changes)
        let report = Report(deals: deals, updated: updated, context: context)
        switch format {
        case .md:
            // Every file is checked before any is written (a refused .md used to leave its new
            // charts behind), the Markdown the user named first, so that a refusal names it.
            let files = ReportMarkdown.render(report, path: destination!).map { (path: $0.path, bytes: $0.bytes) }
            try Console.writeFiles(
                files.filter { $0.path == destination } + files.filter { $0.path != destination },
                force: output.force, store: store.path)
        default:
            try Console.emit(ReportHTML.render(report), to: destination, force: output.force, store: store.path)
        }
    }

    typealias Period = (cutoff: Int?, startKey: Int, since: String, until: String)

    /// The report's period, checked before the store is read: `--as-of`'s last day (nil: the
    /// store as it is), and the changes listed from the start of `--changes-since` (default:
    /// the 7 days before the report's day) to the end of the report's day.
    func period(today: PartialDate) throws -> Period {
        let cutoff = try asOf.asOf.map { try AsOfDate.endKey($0, option: "--as-of") }
        let endKey = cutoff ?? today.endKey
        let startKey =
            try changesSince.map { try AsOfDate.startKey($0, option: "--changes-since") }
            ?? History.dayKey(7, before: PartialDate(Report.Changes.dayText(endKey)) ?? today)
        guard startKey <= endKey else {
            throw CLIError.usage(
                "--changes-since: \(changesSince ?? "") is after the report's day \(Report.Changes.dayText(endKey))")
        }
        return (cutoff, startKey, changesSince ?? Report.Changes.dayText(startKey), asOf.asOf ?? today.description)
    }

    /// The store's deals the report needs, its `updated` date and its history, from one read.
    ///
    /// With a filter, only the deals it passes are kept as the store is read (the others are
    /// let go as soon as they are checked, as `list --country KR` does), when that gives what
    /// filtering the whole store would: when every deal the report's history undoes (the
    /// revisions after `--as-of`, or after the start of the changes listed) is among those
    /// kept, since undoing can make a deal pass the filter. Otherwise the whole store is loaded.
    private func read(_ compiled: DealFilter.Compiled, _ period: Period) throws -> (
        deals: [Deal], updated: PartialDate?, history: History
    ) {
        if !compiled.matchesEverything {
            let selection = try storeOptions.select { compiled.matches($0) }
            let history = try readHistory(Feed(updated: selection.updated, extra: selection.extra))
            // The earliest day the report undoes revisions back to: --as-of's, or the changes' start.
            let earliest = history.revisions.isEmpty ? nil : min(period.cutoff ?? Int.max, period.startKey - 1)
            let undone = earliest.map { day in Set(history.revisions.lazy.filter { $0.dayKey > day }.map(\.id)) } ?? []
            if undone.isEmpty || undone.isSubset(of: selection.deals.lazy.map(\.id)) {
                return (selection.deals, selection.updated, history)
            }
        }
        let (_, snapshot) = try storeOptions.load()
        return (snapshot.feed.deals, snapshot.feed.updated, try readHistory(snapshot.feed))
    }

    private func readHistory(_ feed: Feed) throws -> History {
        do throws(HistoryError) { return try History(of: feed) } catch {
            throw CLIError.data("\(storeOptions.path): \(error.description)")
        }
    }

    /// The deals `compiled` passes; all of them, uncopied, when it passes every deal.
    private func matching(_ compiled: DealFilter.Compiled, _ deals: [Deal]) -> [Deal] {
        compiled.matchesEverything ? deals : deals.filter { compiled.matches($0) }
    }

    /// The store's deals as they stood at the end of the day `cutoff` (nil: as they are now).
    func dealsAsOf(_ cutoff: Int?, _ deals: [Deal], _ history: History) throws -> [Deal] {
        guard let cutoff else { return deals }
        do throws(HistoryError) { return try history.deals(deals, asOf: cutoff) } catch {
            throw CLIError.data("\(storeOptions.path): \(error.description)")
        }
    }
}
