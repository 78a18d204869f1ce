import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Empty databases on the PostgreSQL test cluster, one per test, made ahead a few at a time and
/// dropped a few at a time.
///
/// A test used to start psql twice, once to create its database and once to drop it: a process
/// and a password login each, most of the cost of a short database test. Here one psql run
/// creates the next few (each statement on its own, as CREATE DATABASE cannot run in a
/// transaction) and another drops the databases of the tests that ended; what is left at the
/// end is dropped at exit. Both runs go on in the background while the tests run, started when
/// one database is left, so that a test seldom waits for the server to copy a template.
public enum ScratchDatabases {
    /// How many databases one psql run makes ahead.
    static let batch = 4

    /// A psql run under way in the background, and the databases it creates or drops.
    private struct Run {
        var names: [String]
        var process: Process
    }

    private struct State {
        var ready: [String] = []
        /// The next batch, being created.
        var making: Run?
        /// Finished databases being dropped (tried again at exit, as `lingering`).
        var dropping: Run?
        var finished: [String] = []
        /// Databases a drop may have failed on (another role's session was still on one).
        var lingering: [String] = []
        var cleanupRegistered = false
        /// The owner's URL and password of the cluster, for the drops at exit.
        var admin: (url: String, password: String)?
    }

    private static let state = Mutex(State())

    /// The name of a new empty database on the cluster, owned by the role of `admin` (the URL of
    /// a database that role may connect to); `finished(_:)` hands it back for dropping.
    public static func take(admin url: String, password: String, prefix: String) throws -> String {
        try state.withLock { s in
            if s.ready.isEmpty, let making = s.making {
                s.making = nil
                making.process.waitUntilExit()
                if making.process.terminationStatus == 0 {
                    s.ready = making.names
                } else {
                    // The server was stopped under it (a fault test): made again below, and
                    // whichever of these it did create is dropped at exit.
                    s.lingering += making.names
                }
            }
            if s.ready.isEmpty {
                let names = newNames(prefix)
                try Psql.run(url, password: password, names.map { "CREATE DATABASE \($0)" })
                s.ready = names
            }
            s.admin = (url, password)
            if !s.cleanupRegistered {
                s.cleanupRegistered = true
                atexit { ScratchDatabases.dropAll() }
            }
            let name = s.ready.removeFirst()
            guard s.ready.count <= 1 && s.making == nil else { return name }
            let names = newNames(prefix)
            s.making = Run(
                names: names, process: try Psql.start(url, password: password, names.map { "CREATE DATABASE \($0)" }))
            // With the creates, as often: a psql run costs a process and a login.
            if !s.finished.isEmpty && (s.dropping.map { !$0.process.isRunning } ?? true) {
                // Tried again at exit (IF EXISTS): a session of another role may keep one (see below).
                s.lingering += s.finished
                s.dropping = Run(
                    names: s.finished,
                    process: try Psql.start(url, password: password, s.finished.map(dropStatement), stopOnError: false))
                s.finished = []
            }
            return name
        }
    }

    /// `batch` new database names.
    private static func newNames(_ prefix: String) -> [String] {
        (0..<batch).map { _ in
            prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        }
    }

    /// Hands a database back: the next `take` (or the exit) drops it, with any session still on it.
    public static func finished(_ name: String) {
        state.withLock { $0.finished.append(name) }
    }

    /// Drops the databases of the tests that ended, now rather than at the next batch.
    public static func dropFinished(admin url: String, password: String) {
        state.withLock { dropFinished(&$0, url: url, password: password) }
    }

    /// The drops run apart from the creates, each tried, and may fail: WITH (FORCE) cannot end a
    /// session of another role that a test left open (a reader's connection), and that must not
    /// fail the next test's database. What is not dropped here is tried again at exit.
    private static func dropFinished(_ s: inout State, url: String, password: String) {
        guard !s.finished.isEmpty else { return }
        // Whatever happens here: psql's status is its last drop's alone, so an earlier one that
        // failed went unseen (and its database stayed after the run).
        s.lingering += s.finished
        _ = try? Psql.run(url, password: password, s.finished.map(dropStatement), stopOnError: false)
        s.finished = []
    }

    /// Drops a database with any session still on it.
    private static func dropStatement(_ name: String) -> String { "DROP DATABASE IF EXISTS \(name) WITH (FORCE)" }

    /// Drops every database made here that is still there (at exit: the ended tests' and the unused ones).
    static func dropAll() {
        let (names, admin) = state.withLock { s in
            defer {
                s.finished = []
                s.ready = []
                s.lingering = []
                s.making = nil
                s.dropping = nil
            }
            for run in [s.making, s.dropping].compactMap({ $0 }) { run.process.waitUntilExit() }
            return (s.finished + s.ready + s.lingering + (s.making?.names ?? []), s.admin)
        }
        guard let admin, !names.isEmpty else { return }
        _ = try? Psql.run(admin.url, password: admin.password, names.map(dropStatement), stopOnError: false)
    }
}
