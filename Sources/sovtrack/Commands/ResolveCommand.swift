import ArgumentParser
import DealKit

/// `sovtrack resolve`: choose a side of a field a merge left conflicted.
struct ResolveCommand: ParsableCommand {
    /// Which side of a conflict to keep.
    enum Side: String, ExpressibleByArgument, CaseIterable { case ours, theirs }

    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle a merge conflict of one deal by taking our or their value.",
        discussion: """
            'sovtrack validate' lists the conflicts a merge left (the store's "conflicts"). The \
            choice is recorded in the history; then 'git add' the store to finish git's merge.
            Examples:
              sovtrack resolve kr-naver-nvidia-dsx-sejong --field capacity --take theirs
              sovtrack resolve kr-naver-nvidia-dsx-sejong --take ours
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The deal's id.") var id: String
    @Option(help: ArgumentHelp("The conflicted field (default: every conflict of the deal).", valueName: "field"))
    var field: String?
    @Option(help: "ours or theirs.") var take: Side
    @Option(help: "Why: recorded with the change in the history.") var note: String?

    func run() throws {
        let store = try storeOptions.open(recording: true, note: note, action: "resolve")
        let settled = try store.update { feed in
            let all: [MergeConflict]
            do throws(HistoryError) { all = try MergeConflict.all(in: feed) } catch {
                throw CLIError.data("\(storeOptions.path): \(error.description)")
            }
            let chosen = all.filter { $0.id == id && (field == nil || $0.field == field) }
            guard !chosen.isEmpty else {
                throw CLIError.data(
                    "no merge conflict for \(FeedIssue.quote(id))\(field.map { " field \(FeedIssue.quote($0))" } ?? "")"
                )
            }
            let side: ConflictSide = take == .ours ? .ours : .theirs
            for c in chosen {
                do { try c.settle(taking: side, in: &feed) } catch let e as HistoryError {
                    throw CLIError.data(e.description)
                }
            }
            return chosen.count
        }
        Console.out("resolved \(settled) conflict\(settled == 1 ? "" : "s") of \(id) with \(take.rawValue)\n")
    }
}
