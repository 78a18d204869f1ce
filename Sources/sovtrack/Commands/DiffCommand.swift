import ArgumentParser
import DealKit

/// `sovtrack diff`: what changed between two versions of the deals, in the domain's words.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "Show what changed between two feeds, deal by deal: targets revised, milestones slipped, partners added.",
        discussion: """
            OLD and NEW are each a feed file, the store as of a date (@2026-06-01, any partial \
            date: the end of that period), or a file in a git revision (REV:PATH, e.g. \
            HEAD~1:deals.json). NEW defaults to the store; with neither, the store's changes of \
            the last 7 days. Exits 0 when nothing changed, 1 when something did, 2 on trouble.
            With git's seven arguments (as GIT_EXTERNAL_DIFF) it compares the two files and exits 0; \
            with --textconv FILE it prints that feed a fact a line, for git's textconv.
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
    @Flag(help: "Print the one feed FILE as plain lines, a fact a line, for git's textconv (see docs/history.md).")
    var textconv = false

    func run() throws {
        if textconv { return try DiffCommand.textconv(operands) }
        let changes: [DealChange]
        let external = operands.count == 7
        do {
            changes = try compare()
        } catch {
            throw CLIError(converting: error)?.with(code: 2) ?? error
        }
        Console.out(ChangeExport.render(changes, as: format))
        if !changes.isEmpty && !external { throw ExitCode(1) }
    }

    /// The changes between the operands.
    private func compare() throws -> [DealChange] {
        let old: Feed
        let new: Feed
        switch operands.count {
        case 0:
            old = try FeedOperand.storeAsOf(AsOfDate.daysAgo(7), store: storeOptions)
            new = try storeOptions.load().1.feed
        case 1:
            old = try FeedOperand.load(operands[0], store: storeOptions)
            new = try storeOptions.load().1.feed
        case 2:
            if let fast = try DiffCommand.fileChanges(operands[0], operands[1]) { return fast }
            old = try FeedOperand.load(operands[0], store: storeOptions)
            new = try FeedOperand.load(operands[1], store: storeOptions)
        case 7:
            // git's external diff: path old-file old-hex old-mode new-file new-hex new-mode.
            Console.out("diff \(SafeText.sanitize(operands[0]))\n")
            if operands[1] != "/dev/null" && operands[4] != "/dev/null",
                let fast = try DiffCommand.fileChanges(operands[1], operands[4])
            {
                return fast
            }
            old = try DiffCommand.gitSide(operands[1])
            new = try DiffCommand.gitSide(operands[4])
        default:
            throw CLIError.usage("diff takes OLD and NEW (or git's seven arguments), not \(operands.count) operands")
        }
        return DealDiff.changes(from: old.deals, to: new.deals)
    }

    /// The changes between two file operands, each distinct deal checked once and only the
    /// deals that differ modelled (`DealDiff.changes(oldBytes:newBytes:)`); nil when that way
    /// does not apply or finds an error, and the caller loads both whole (and reports it).
    static func fileChanges(_ oldSpec: String, _ newSpec: String) throws -> [DealChange]? {
        try FeedOperand.withBytes(oldSpec) { old in
            try FeedOperand.withBytes(newSpec) { new in DealDiff.changes(oldBytes: old, newBytes: new) }
        }
    }

    /// `--textconv FILE`: the feed as lines for git to compare (`FeedLines`). A file that is not
    /// a valid feed (an old revision mended since, a half-resolved text merge) is printed as it
    /// is, made safe for the terminal, under a line saying so: git's diff of it still works.
    static func textconv(_ operands: [String]) throws {
        guard operands.count == 1 else {
            throw CLIError.usage("--textconv takes one feed file (git gives it), not \(operands.count) operands")
        }
        let path = operands[0]
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(path) } catch {
            throw CLIError(message: "\(SafeText.sanitize(path)): cannot read: \(error)", code: 2)
        }
        let result = FeedDecoder.decode(bytes)
        if result.hasErrors {
            let first = result.issues.first(where: \.isError).map { ": \($0)" } ?? ""
            Console.out(SafeText.sanitize("# not a valid sovtrack feed\(first); shown as it is") + "\n")
            Console.out(SafeText.sanitize(String(decoding: bytes, as: UTF8.self), keepingNewlines: true))
            return
        }
        Console.out(FeedLines.render(result.feed))
    }

    /// One side of git's external diff: `/dev/null` (no file there) is an empty feed.
    static func gitSide(_ path: String) throws -> Feed {
        path == "/dev/null" ? Feed() : try FeedOperand.load(path, store: StoreOptions())
    }
}
