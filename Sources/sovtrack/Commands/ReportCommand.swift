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
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The data as it was on DATE (refused: sovtrack keeps no history yet).", valueName: "date"))
    var asOf: String?

    func run() throws {
        if asOf != nil {
            throw CLIError.usage("--as-of: sovtrack keeps no history of the store yet, so a report can only be of the data as it is now; leave --as-of out")
        }
        let format = output.format ?? output.output.flatMap { OutputFormat(fileName: $0) } ?? .html
        guard format == .md || format == .html else {
            throw CLIError.usage("--format: a report is md or html, not \(format.rawValue)")
        }
        let destination = output.output.flatMap { $0 == "-" ? nil : $0 }
        if format == .md && destination == nil {
            throw CLIError.usage("--output: a Markdown report writes its charts as SVG files beside it; give --output FILE.md")
        }
        let filter = try filters.filter()
        let selection = try storeOptions.select(filter)
        let env = ProcessInfo.processInfo.environment
        let store = StoreLocation.resolve(explicit: storeOptions.store, environment: env)
        let context = Report.Context(title: title, date: Clock.today(), filter: filter.summary, store: store.path,
                                     reproduce: Report.reproduceCommand(store: store.isDefault ? nil : store.path, filter: filter))
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
}
