import ArgumentParser
import DealKit
import DealTUI

#if canImport(Glibc)
    import Glibc
#endif

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the dashboard (the default command).",
        discussion: """
            With standard output not a terminal, prints the summary table instead.
            Examples:
              sovtrack
              sovtrack browse --country KR --vendor NVIDIA
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: FilterOptions
    @Flag(name: .customLong("no-color"), help: "Monochrome screen (also when NO_COLOR is set).") var noColor = false
    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse.") var noMouse = false
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        if Console.stdoutIsTerminal { BrowseCommand.quietBacktraces() }
        let filter = try filters.filter()
        var (store, snapshot) = try storeOptions.load(recording: true)
        if let past = try asOf.feed(storeOptions) { snapshot.feed = past }
        guard Console.stdoutIsTerminal else {
            Console.out(
                SummaryExport.render(
                    Summary(deals: filter.apply(to: snapshot.feed.deals), today: CalendarClock.today()), as: .table))
            return
        }
        var options = DashboardOptions()
        options.color = !noColor
        options.mouse = !noMouse
        options.asOf = asOf.asOf
        do {
            try Dashboard.run(store: store, snapshot: snapshot, filter: filter, options: options)
        } catch let e as DashboardError {
            throw CLIError(message: e.description, code: 69)
        }
    }

    /// Restarts the program once with `SWIFT_BACKTRACE=interactive=no`.
    ///
    /// The runtime reads that variable only at start-up, and its interactive crash
    /// prompt would otherwise wait for keys on a terminal the dashboard has just left.
    private static func quietBacktraces() {
        #if os(Linux)
            guard getenv("SWIFT_BACKTRACE") == nil, getenv("SOVTRACK_NO_REEXEC") == nil else { return }
            // The executable's real path, not /proc/self/exe, so the process keeps its name (ps, pkill).
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            guard n > 0 else { return }
            setenv("SWIFT_BACKTRACE", "interactive=no", 1)
            execv(buffer, CommandLine.unsafeArgv)
        // Still here: exec failed; carry on with the runtime's defaults.
        #endif
    }
}
