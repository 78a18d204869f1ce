import ArgumentParser
import DealKit
import DealPostgres
import Foundation

/// `--store PATH|URL`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store: a feed file, or a postgresql:// URL (default: $SOVTRACK_STORE, else $XDG_DATA_HOME/sovtrack/deals.json).",
            valueName: "path|url"))
    var store: String?

    /// The store's path or URL as given (`--store`, `$SOVTRACK_STORE` or the default), without opening it.
    var path: String { StoreLocation.resolve(explicit: store, environment: ProcessInfo.processInfo.environment).path }

    /// True when the store is a PostgreSQL database.
    var isDatabase: Bool { StoreLocation.isDatabase(path) }

    /// The store, created from the bundled dataset if this is the default location's first use.
    ///
    /// `recording`: every change saved is recorded in the store's history, with the author,
    /// `note` and `action` (add/edit/remove when nil).
    func open(recording: Bool = false, note: String? = nil, action: String? = nil) throws -> any DealStore {
        let env = ProcessInfo.processInfo.environment
        let (path, isDefault) = StoreLocation.resolve(explicit: store, environment: env)
        var s: any DealStore
        if StoreLocation.isDatabase(path) {
            s = try openDatabase(path)
        } else {
            s = try openFile(path, isDefault: isDefault)
        }
        if recording {
            s.recorder = RevisionRecorder(
                author: Author.resolve(store: s.path, environment: env), note: note, action: action)
        }
        return s
    }

    /// The database store a URL names; connects on first use.
    func openDatabase(_ url: String) throws -> PostgresStore {
        var s = try PostgresStore(url: url)
        let name = s.path
        s.onProgress = SaveProgress.line("saving deals to the database")
        s.onUpgrade = { from in
            Console.err(
                "upgraded \(name) from feed version \(from) to \(Feed.currentVersion) (see docs/format.md, \"Version 2\")"
            )
        }
        return s
    }

    private func openFile(_ path: String, isDefault: Bool) throws -> Store {
        let env = ProcessInfo.processInfo.environment
        var s = Store(path: path)
        s.keep = { Retained.keep($0) }
        s.onUpgrade = { from in
            Console.err(
                "upgraded \(path) from feed version \(from) to \(Feed.currentVersion) (see docs/format.md, \"Version 2\")"
            )
        }
        if let t = env["SOVTRACK_LOCK_TIMEOUT"] { s.lockTimeout = try StoreOptions.lockTimeout(t) }
        if isDefault {
            try s.initializeIfMissing(with: BundledDataset.bytes)
        }
        return s
    }

    /// The longest `$SOVTRACK_LOCK_TIMEOUT` accepted: an hour.
    static let maxLockTimeout = 3600.0

    /// `$SOVTRACK_LOCK_TIMEOUT` as seconds, or a usage error naming the variable and the range:
    /// `nan`, `inf`, `1e309` or a negative number would otherwise wait forever or not at all.
    static func lockTimeout(_ text: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let seconds = Double(trimmed), seconds.isFinite, seconds >= 0, seconds <= maxLockTimeout,
            trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
        else {
            throw CLIError.usage(
                "SOVTRACK_LOCK_TIMEOUT: \(FeedIssue.quote(text)) is not a number of seconds from 0 to \(Int(maxLockTimeout))"
            )
        }
        return seconds
    }

    /// The deals of the store that pass `filter`.
    ///
    /// Only the deals shown are kept while the store is read and checked, which for a
    /// large store and a narrow filter takes a fraction of the time and memory of `load`.
    func select(_ filter: DealFilter) throws -> Store.Selection {
        try reading { try $0.select(matching: filter) }
    }

    /// The deal with `id` (none or one), and the history.
    func select(id: String) throws -> Store.Selection {
        try reading { try $0.select(id: id) }
    }

    /// The deals of the store that `keep` accepts.
    func select(where keep: @escaping @Sendable (inout Deal) -> Bool) throws -> Store.Selection {
        try reading { try $0.select(where: keep) }
    }

    /// Opens the store and reads a selection of it, keeping it to the end of the process.
    private func reading(_ read: (any DealStore) throws -> Store.Selection) throws -> Store.Selection {
        let s = try open()
        let selection = try read(s)
        Retained.keep(selection)
        return selection
    }

    /// Loads the store, keeping it to the end of the process.
    func load(recording: Bool = false) throws -> (any DealStore, Store.Snapshot) {
        let s = try open(recording: recording)
        let snapshot = try s.load()
        Retained.keep(snapshot)
        return (s, snapshot)
    }
}
