import ArgumentParser
import DealKit

/// `sovtrack log`: the store's recorded revisions, newest first.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the recorded changes to the store, newest first.",
        discussion: """
            Each change made through sovtrack (add, edit, remove, import, the dashboard) is a \
            revision: when (UTC), who, which deal, what changed and why (--note). docs/history.md \
            explains where they are kept.
            Examples:
              sovtrack log
              sovtrack log kr-naver-nvidia-dsx-sejong --since 2026-06
              sovtrack log --author alice --format json
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Only this deal's revisions.") var id: String?
    @Option(
        help: ArgumentHelp(
            "Only revisions on or after this date (a partial date: 2026, 2026-Q3, 2026-06-01).", valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("Only revisions by this author.", valueName: "name")) var author: String?
    @Option(name: .long, help: ArgumentHelp("table, csv, json or md (default: table).", valueName: "format"))
    var format: OutputFormat = .table

    func run() throws {
        let from = try since.map { try AsOfDate.startKey($0, option: "--since") }
        // Every deal is still read and checked, but none is kept: the log needs only the history.
        let selection = try storeOptions.select { _ in false }
        let history: History
        do throws(HistoryError) { history = try History(of: Feed(extra: selection.extra)) } catch {
            throw CLIError.data("\(storeOptions.path): \(error.description)")
        }
        let shown = history.newestFirst.filter { r in
            (id == nil || r.id == id) && (author == nil || r.author == author) && (from.map { r.dayKey >= $0 } ?? true)
        }
        Console.out(RevisionExport.render(shown, as: format))
    }
}
