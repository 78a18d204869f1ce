import Foundation
import Synchronization

/// The store's one connection, opened on first use and opened again after it was lost (a
/// server restarted under a dashboard), shared by copies of the store; and the watch on other
/// writers' saves, started when first asked for.
final class LinkHolder: @unchecked Sendable {
    private let settings: PostgresSettings
    private let lock = NSLock()
    private var link: PostgresLink?
    private let watcher = Mutex<PostgresWatch?>(nil)

    init(_ settings: PostgresSettings) { self.settings = settings }

    /// Runs `body` on the connection, connecting first when there is none or the one there was
    /// has closed: a unit of work never starts on a connection that cannot answer.
    func with<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let current: PostgresLink
        if let link, !link.isClosed {
            current = link
        } else {
            link = nil
            current = try PostgresLink.open(settings)
            link = current
        }
        do {
            return try body(current)
        } catch {
            // Lost: the next use connects again.
            if current.isClosed { link = nil }
            throw error
        }
    }

    /// The watch on other writers' saves: its own connection, listening from the first ask on.
    var watch: PostgresWatch {
        watcher.withLock { w in
            if let existing = w { return existing }
            let started = PostgresWatch(settings)
            w = started
            return started
        }
    }

    deinit { link?.close() }
}
