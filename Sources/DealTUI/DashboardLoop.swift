import DealKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads input, reduces it, carries out effects and paints, until asked to stop.
@MainActor
struct DashboardLoop {
    var state: AppState
    let terminal: any Terminal
    let exportDirectory: String
    var shouldStop: () -> Bool = { false }
    /// The time stamp in export file names; replaceable for tests.
    var stamp: () -> String = DashboardLoop.timestamp
    /// Called after each paint with the frame's render time in seconds (for measuring).
    var onFrame: ((Double) -> Void)?
    /// The store edits are saved to and watched for other writers; nil: the dashboard only reads.
    var store: StoreLink?

    init(state: AppState, terminal: any Terminal, exportDirectory: String) {
        self.state = state
        self.terminal = terminal
        self.exportDirectory = exportDirectory
    }

    mutating func run() {
        var dirty = true
        var builder: (IndexBuilder, DealIndex)?
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
                // After the first frame, build the sort orders in the background so the first
                // `s` is as quick as any other key (the search index is under way since the load).
                if builder == nil || builder?.1 !== state.catalog {
                    let c = state.catalog
                    builder = (IndexBuilder(deals: c.deals, idRank: c.idRank, today: c.today, first: state.sort), c)
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
                state.message =
                    (undo ? "cannot undo \(change.inverse.summary): " : "not saved: ") + "\(conflict) · reloaded"
                state.isError = true
            }
        }
    }

    /// Writes the export as a new file and reports the path (or the failure) in the footer.
    private mutating func export(_ format: OutputFormat) {
        let (name, bytes, what) = ViewExport.make(state, format: format, stamp: stamp())
        var dir = exportDirectory
        if dir == "." { dir = FileManager.default.currentDirectoryPath }
        if dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
        let ext = format.fileExtension
        do {
            // Two exports in the same second would share a name: the second gets "-2", never the first's file.
            let path = try FileSystem.writeNew(
                bytes, directory: dir, stem: String(name.dropLast(ext.count + 1)), ext: ext)
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
        return
            "\(tmv.tm_year + 1900)\(two(tmv.tm_mon + 1))\(two(tmv.tm_mday))-\(two(tmv.tm_hour))\(two(tmv.tm_min))\(two(tmv.tm_sec))"
    }
}
