#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DealKit
import Foundation

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
    public static func run(store: any DealStore, snapshot: Store.Snapshot, filter: DealFilter, options: DashboardOptions) throws {
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
            var state = AppState(feed: snapshot.feed, storeName: name, filter: filter,
                                 today: Clock.today(), rows: terminal.rows, cols: terminal.cols)
            if !snapshot.warnings.isEmpty {
                state.message = "\(CountText.of(snapshot.warnings.count, "warning")) in the store (sovtrack validate lists them)"
            }
            var loop = RunLoop(state: state, terminal: terminal, exportDirectory: options.exportDirectory ?? ".")
            // A past state of the store is never saved (nor reloaded when the store changes).
            if options.asOf == nil { loop.store = StoreLink(session: StoreSession(store: store, snapshot: snapshot)) }
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

/// Reads input, reduces it, carries out effects and paints, until asked to stop.
@MainActor
struct RunLoop {
    var state: AppState
    let terminal: any Terminal
    let exportDirectory: String
    var shouldStop: () -> Bool = { false }
    /// The time stamp in export file names; replaceable for tests.
    var stamp: () -> String = RunLoop.timestamp
    /// Called after each paint with the frame's render time in seconds (for measuring).
    var onFrame: ((Double) -> Void)?
    /// The store edits are saved to and watched for other writers; nil: the dashboard only reads.
    var store: StoreLink?

    init(state: AppState, terminal: any Terminal, exportDirectory: String) {
        self.state = state; self.terminal = terminal; self.exportDirectory = exportDirectory
    }

    mutating func run() {
        var dirty = true
        var builder: (IndexBuilder, DealCatalog)?
        while !shouldStop() {
            if state.rows != terminal.rows || state.cols != terminal.cols {
                AppReducer.reduce(&state, .resize(rows: terminal.rows, cols: terminal.cols))
                dirty = true
            }
            if dirty {
                let start = DispatchTime.now().uptimeNanoseconds
                terminal.paint(Screen.render(state))
                onFrame?(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                dirty = false
                // After the first frame, build the search text and sort orders in the background
                // so the first `/` and `s` are as quick as any other key.
                if builder == nil || builder?.1 !== state.catalog {
                    let c = state.catalog
                    builder = (IndexBuilder(deals: c.deals, idRank: c.idRank, first: state.sort), c)
                }
            }
            // Pieces built for a feed since replaced are dropped with their builder.
            if let (b, catalog) = builder, catalog === state.catalog {
                for piece in b.take() { state.adopt(piece) }
            }
            if let news = store?.poll() {
                EditReducer.store(&state, news)
                dirty = true
            }
            guard let event = terminal.read() else { continue }
            let effects = AppReducer.reduce(&state, event)
            dirty = true
            for effect in effects {
                switch effect {
                case .quit: return
                case .redraw: terminal.invalidate()
                case .export(let format): export(format)
                case .apply(let change, let undo): apply(change, undo: undo)
                }
            }
        }
    }

    /// Saves a change through the store and tells the reducer how it went; a refusal means the
    /// file changed on disk, so it is read again at once.
    private mutating func apply(_ change: StoreSession.Change, undo: Bool) {
        guard store != nil else {
            EditReducer.store(&state, .failed(change, undo: undo, message: "this dashboard has no store to save to"))
            return
        }
        let answer = store!.apply(change, undo: undo)
        EditReducer.store(&state, answer)
        if case .refused = answer, let news = store?.poll(force: true) {
            EditReducer.store(&state, news)
            // Keep the refusal's message in front: it is what the user just did.
            if case .refused(_, _, let conflict) = answer {
                state.message = (undo ? "cannot undo \(change.inverse.summary): " : "not saved: ") + "\(conflict) · reloaded"
                state.isError = true
            }
        }
    }

    /// Writes the export as a new file and reports the path (or the failure) in the footer.
    private mutating func export(_ format: ExportFormat) {
        let (name, bytes, what) = ViewExport.make(state, format: format, stamp: stamp())
        var dir = exportDirectory
        if dir == "." { dir = FileManager.default.currentDirectoryPath }
        if dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
        let ext = format.rawValue
        do {
            // Two exports in the same second would share a name: the second gets "-2", never the first's file.
            let path = try FileSystem.writeNew(bytes, directory: dir, stem: String(name.dropLast(ext.count + 1)), ext: ext)
            state.message = "exported \(what) to \(Dashboard.displayPath(path))"
            state.isError = false
        } catch {
            state.message = "export failed: \(error)"
            state.isError = true
        }
    }

    nonisolated static func timestamp() -> String {
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(tmv.tm_year + 1900)\(two(tmv.tm_mon + 1))\(two(tmv.tm_mday))-\(two(tmv.tm_hour))\(two(tmv.tm_min))\(two(tmv.tm_sec))"
    }
}
