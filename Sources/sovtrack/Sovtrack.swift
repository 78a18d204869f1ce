import ArgumentParser
import Foundation
import DealKit

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
        subcommands: [BrowseCommand.self, ListCommand.self, SummaryCommand.self, ShowCommand.self,
                      ReportCommand.self, ValidateCommand.self, ImportCommand.self, AddCommand.self, EditCommand.self,
                      RemoveCommand.self],
        defaultSubcommand: BrowseCommand.self)

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
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as CLIError {
            Console.err("sovtrack: \(e.message)")
            exit(withError: ExitCode(e.code))
        } catch {
            // Help and version go out whole; a usage error is one line with where to look.
            let code = exitCode(for: error)
            if code == .success {
                Console.out(fullMessage(for: error) + "\n")
                exit(withError: ExitCode.success)
            }
            Console.err("sovtrack: \(oneLine(message(for: error))) (see 'sovtrack help')")
            exit(withError: code)
        }
    }
}
