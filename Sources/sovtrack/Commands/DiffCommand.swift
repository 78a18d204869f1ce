import ArgumentParser
import DealKit

/// `sovtrack diff`: what changed between two versions of the deals, in the domain's words.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two feeds, deal by deal: targets revised, milestones slipped, partners added.",
        discussion: """
        OLD and NEW are each a feed file, the store as of a date (@2026-06-01, any partial \
        date: the end of that period), or a file in a git revision (REV:PATH, e.g. \
        HEAD~1:deals.json). NEW defaults to the store; with neither, the store's changes of \
        the last 7 days. Exits 0 when nothing changed, 1 when something did, 2 on trouble.
        With git's seven arguments (as GIT_EXTERNAL_DIFF) it compares the two files and exits 0.
        Examples:
          sovtrack diff
          sovtrack diff @2026-06-01
          sovtrack diff old.json new.json --format json
          sovtrack diff HEAD~1:deals.json deals.json
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "OLD and NEW (see above).") var operands: [String] = []
    @Option(name: .long, help: ArgumentHelp("table, csv, json or md (default: table).", valueName: "format"))
    var format: OutputFormat = .table

    func run() throws {
        let changes: [DealChange]
        var external = false
        do {
            let old: Feed, new: Feed
            switch operands.count {
            case 0:
                old = try FeedOperand.storeAsOf(AsOfDate.daysAgo(7), store: storeOptions)
                new = try storeOptions.load().1.feed
            case 1:
                old = try FeedOperand.load(operands[0], store: storeOptions)
                new = try storeOptions.load().1.feed
            case 2:
                old = try FeedOperand.load(operands[0], store: storeOptions)
                new = try FeedOperand.load(operands[1], store: storeOptions)
            case 7:
                // git's external diff: path old-file old-hex old-mode new-file new-hex new-mode.
                external = true
                Console.out("diff \(SafeText.sanitize(operands[0]))\n")
                old = try DiffCommand.gitSide(operands[1])
                new = try DiffCommand.gitSide(operands[4])
            default:
                throw CLIError.usage("diff takes OLD and NEW (or git's seven arguments), not \(operands.count) operands")
            }
            changes = DealDiff.changes(from: old.deals, to: new.deals)
        } catch {
            throw CLIError(converting: error)?.with(code: 2) ?? error
        }
        Console.out(ChangeExport.render(changes, as: format))
        if !changes.isEmpty && !external { throw ExitCode(1) }
    }

    /// One side of git's external diff: `/dev/null` (no file there) is an empty feed.
    static func gitSide(_ path: String) throws -> Feed {
        path == "/dev/null" ? Feed() : try FeedOperand.load(path, store: StoreOptions())
    }
}
