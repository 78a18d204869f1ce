import ArgumentParser
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
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
            let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            Console.err("sovtrack: \(text) (see 'sovtrack help')")
            exit(withError: code)
        }
    }
}
