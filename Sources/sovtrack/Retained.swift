import Synchronization

/// Values kept alive until the process exits.
///
/// Freeing a large store's deals one allocation at a time is a good part of a command's
/// run time (docs/performance.md), and the kernel takes the whole heap back at exit anyway;
/// so a command's loaded store is parked here instead of being released when `run()` returns.
/// A `Mutex`, though one thread keeps values today: `Store.keep` may be called from any.
enum Retained {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        values.withLock { $0.append(value) }
    }
}
