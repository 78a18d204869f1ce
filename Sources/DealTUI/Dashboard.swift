import DealKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the dashboard starts.
public struct DashboardOptions: Sendable {
    public var color = true
    public var mouse = true
    /// The directory exports are written to (the current directory when nil).
    public var exportDirectory: String?
    /// Set: the feed is the store as of this date (`browse --as-of`): shown read-only, saying so.
    public var asOf: String?
    public init() {}
}

/// Why the dashboard could not start.
public struct DashboardError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// The full-screen dashboard: sets up the terminal, runs the loop, and always gives the terminal back.
public enum Dashboard {
    public static func run(
        store: any DealStore, snapshot: Store.Snapshot, filter: DealFilter, options: DashboardOptions
    ) throws {
        setlocale(LC_ALL, "")
        if !localeIsUTF8() { setlocale(LC_CTYPE, "C.UTF-8") }
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw DashboardError(description: "the dashboard needs a terminal on standard input and output")
        }
        try MainActor.assumeIsolated {
            var options = options
            if ProcessEnvironment.noColor { options.color = false }
            Signals.installStopHandlers()
            defer { Signals.removeStopHandlers() }
            let terminal = try NcursesTerminal(color: options.color, mouse: options.mouse)
            defer { terminal.close() }
            let name = displayPath(store.path) + (options.asOf.map { " as of \($0), read-only" } ?? "")
            var state = AppState(
                feed: snapshot.feed, storeName: name, filter: filter,
                today: CalendarClock.today(), rows: terminal.rows, cols: terminal.cols)
            if !snapshot.warnings.isEmpty {
                state.message =
                    "\(CountText.of(snapshot.warnings.count, "warning")) in the store (sovtrack validate lists them)"
            }
            if let conflicts = try? MergeConflict.all(in: snapshot.feed), !conflicts.isEmpty {
                state.message =
                    "\(CountText.of(conflicts.count, "merge conflict")) to settle: open the deal, then < takes ours, > theirs"
            }
            var loop = DashboardLoop(state: state, terminal: terminal, exportDirectory: options.exportDirectory ?? ".")
            // A past state of the store is never saved (nor reloaded when the store changes).
            if options.asOf == nil {
                loop.store = StoreLink(
                    session: StoreSession(store: store, snapshot: snapshot), interval: store.watchInterval)
            }
            loop.shouldStop = { Signals.stop.load(ordering: .relaxed) != 0 }
            loop.run()
        }
    }

    private static func localeIsUTF8() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// The store path with the home directory written `~`.
    static func displayPath(_ path: String) -> String {
        if let home = ProcessEnvironment.home, !home.isEmpty, home != "/", path.hasPrefix(home + "/") {
            return "~" + path.dropFirst(home.count)
        }
        return path
    }
}
