import ArgumentParser
import DealKit
import Foundation

/// `--store PATH`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (default: $SOVTRACK_STORE, else $XDG_DATA_HOME/sovtrack/deals.json).", valueName: "path"))
    var store: String?

    /// The store, created from the bundled dataset if this is the default location's first use.
    func open() throws -> Store {
        let env = ProcessInfo.processInfo.environment
        let (path, isDefault) = StoreLocation.resolve(explicit: store, environment: env)
        var s = Store(path: path)
        s.keep = { Retained.keep($0) }
        s.onUpgrade = { from in
            Console.err("upgraded \(path) from feed version \(from) to \(Feed.currentVersion) (see docs/format.md, \"Version 2\")")
        }
        if let t = env["SOVTRACK_LOCK_TIMEOUT"], let seconds = Double(t) { s.lockTimeout = seconds }
        if isDefault {
            do { try s.initializeIfMissing(with: BundledDataset.bytes) } catch let e as StoreError { throw CLIError(e) }
        }
        return s
    }

    /// The deals of the store that pass `filter`, turning store errors into user errors.
    ///
    /// Only the deals shown are kept while the store is read and checked, which for a
    /// large store and a narrow filter takes a fraction of the time and memory of `load`.
    func select(_ filter: DealFilter) throws -> Store.Selection {
        try reading { try $0.select(matching: filter) }
    }

    /// The deals of the store that `keep` accepts, turning store errors into user errors.
    func select(where keep: @escaping @Sendable (inout Deal) -> Bool) throws -> Store.Selection {
        try reading { try $0.select(where: keep) }
    }

    /// Opens the store and reads a selection of it, keeping it to the end of the process.
    private func reading(_ read: (Store) throws -> Store.Selection) throws -> Store.Selection {
        let s = try open()
        do {
            let selection = try read(s)
            Retained.keep(selection)
            return selection
        } catch let e as StoreError { throw CLIError(e) }
    }

    /// Loads the store, turning store errors into user errors.
    func load() throws -> (Store, Store.Snapshot) {
        let s = try open()
        do {
            let snapshot = try s.load()
            Retained.keep(snapshot)
            return (s, snapshot)
        } catch let e as StoreError { throw CLIError(e) }
    }
}
