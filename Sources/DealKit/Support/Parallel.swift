import Foundation
import Synchronization

/// Work split across the cores, with each part's result in its own slot.
///
/// The one way the project runs work on several cores at once (see docs/concurrency.md):
/// `@Sendable` closures over `Sendable` values, results handed back through a `Mutex`, so
/// Swift 6's checks see every value that crosses a thread.
public enum Parallel {
    /// How many parts large work is split into: the cores online, at most 8.
    ///
    /// Read once: Foundation reads two cgroup files each time it is asked.
    public static let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// `body(0) ... body(count - 1)` run on every core, their results in order.
    ///
    /// `body` runs on several threads at once, so it is `@Sendable`: the compiler lets it
    /// capture only values that are safe to share (an array of deals, not a buffer pointer or
    /// a mutable class). Parts are few and large (one per core), so the lock each part takes
    /// once to hand its result back costs nothing measurable.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let result = body(i)
            results.withLock { $0[i] = result }
        }
        return results.withLock { slots in slots.map { $0! } }
    }
}
