import ArgumentParser
import DealKit
import Foundation

@main
struct Sovtrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sovtrack",
        abstract: "Track sovereign-AI infrastructure deals: who builds what capacity, with whom, when.",
        discussion: """
            With no command, opens the dashboard on the store. The store is --store PATH, else \
            $SOVTRACK_STORE, else $XDG_DATA_HOME/sovtrack/deals.json (created from the bundled \
            dataset on first use).
            """,
        version: Sovtrack.version,
        subcommands: [
            BrowseCommand.self, ListCommand.self, SummaryCommand.self, ShowCommand.self,
            ReportCommand.self, ValidateCommand.self, ImportCommand.self, AddCommand.self, EditCommand.self,
            RemoveCommand.self, LogCommand.self, DiffCommand.self, MergeCommand.self, ResolveCommand.self,
            DbCommand.self,
        ])

    /// What `--version` prints: the program's version and the feed format it reads and writes.
    static let version = "sovtrack 0.1.0 (feed format \(Feed.currentVersion))"

    /// `sovtrack lst` or `sovtrack help lst`: an unknown command, with the nearest ones. Without
    /// this, `lst` went to the default command (browse) as an unexpected argument.
    static func unknownCommand(_ args: [String]) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        var words = args.prefix { !$0.hasPrefix("-") }
        if words.first == "help" { words = words.dropFirst() }
        guard let word = words.first, !names.contains(word) else { return nil }
        return "unknown command \(FeedIssue.quote(word))"
            + Suggest.phrase(Suggest.nearest(word, among: names.filter { $0 != "help" }))
    }

    /// A usage error as one line: the parser lists an option's allowed values one per line
    /// (`- country`), which would otherwise be cut off after "one of the following:".
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard var first = lines.first else { return "invalid usage" }
        if first.hasPrefix("Error: ") { first = String(first.dropFirst(7)) }
        let values = lines.dropFirst().filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        guard !values.isEmpty else { return first }
        return (first.hasSuffix(":") ? first : first + ":") + " " + values.joined(separator: ", ")
    }

    /// Runs a command; a user error is one line on standard error and its exit code, never a trace.
    static func main() {
        Console.guardStandardDescriptors()
        Foundation.exit(status(running: Array(CommandLine.arguments.dropFirst())))
    }

    /// The options that belong to `sovtrack` itself, not to the dashboard.
    static let ownOptions: Set<String> = [
        "-h", "-help", "--help", "--version", "--generate-completion-script", "--experimental-dump-help",
    ]

    /// The command line with `browse` named where no command is: `sovtrack` alone or followed
    /// by the dashboard's options (`sovtrack --country KR`) opens the dashboard.
    ///
    /// This is `defaultSubcommand`'s rule, made here: given a default subcommand, the parser
    /// builds the default's whole argument set on every parse of every command, to ask whether
    /// it takes passthrough arguments, which was a third of each parse's time in a debug build.
    static func naming(_ args: [String]) -> [String] {
        guard let first = args.first else { return ["browse"] }
        guard first.hasPrefix("-"), !isOwnOption(first) else { return args }
        return ["browse"] + args
    }

    /// Whether `arg` is one of `ownOptions` (`--help`, or `--generate-completion-script=zsh`).
    static func isOwnOption(_ arg: String) -> Bool {
        ownOptions.contains(arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg)
    }

    /// The command a command line names, parsed by that command alone, or by the whole tree when
    /// the line asks for help, the version or a completion script (whose text names the tree).
    ///
    /// Parsed from the root, a command line costs the parser the named command's argument set
    /// twice more (once to look for passthrough arguments while it reads the root's): a parse of
    /// `add` took three times as long, most of it the debug build's checks of the definitions,
    /// and the release build's start-up its conformance lookups. What the command does, its
    /// errors and its exit codes are the same either way.
    static func parse(_ args: [String]) throws -> any ParsableCommand {
        guard let name = args.first, name != "help", !args.contains(where: isOwnOption),
            let command = configuration.subcommands.first(where: { $0.configuration.commandName == name })
        else { return try parseAsRoot(args) }
        return try command.parseAsRoot(Array(args.dropFirst()))
    }

    /// Runs the command line `args` (without the program's name) and gives its exit status.
    /// Tests call this in process for commands whose logic, not process, is under test.
    static func status(running given: [String]) -> Int32 {
        _ = Console.takeOutputError()
        let code = outcome(of: given)
        if let e = Console.takeOutputError() {
            Console.err("sovtrack: cannot write to standard output: \(String(cString: strerror(e)))")
            return 74
        }
        return code
    }

    /// The exit status of the command line `given`, what it printed aside.
    private static func outcome(of given: [String]) -> Int32 {
        let args = naming(given)
        if let unknown = unknownCommand(args) {
            Console.err("sovtrack: \(unknown) (see 'sovtrack help')")
            return 64
        }
        do {
            var command = try parse(args)
            try command.run()
            return 0
        } catch let e as ExitCode {
            // A status that is an answer, not an error: `diff` found changes, `merge` a conflict.
            return e.rawValue
        } catch {
            if let e = CLIError(converting: error) {
                Console.err("sovtrack: \(e.message)")
                return e.code
            }
            // Help and version go out whole; a usage error is one line with where to look.
            let code = exitCode(for: error)
            if code == .success {
                Console.out(fullMessage(for: error) + "\n")
                return 0
            }
            Console.err("sovtrack: \(oneLine(message(for: error))) (see 'sovtrack help')")
            return code.rawValue
        }
    }
}
