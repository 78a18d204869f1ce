import Foundation

/// Work split across the cores, with each part's result in its own slot.
public enum Parallel {
    /// How many parts large work is split into: the cores online, at most 8.
    ///
    /// Read once: Foundation reads two cgroup files each time it is asked.
    public static let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// `body(0) ... body(count - 1)` run on every core, their results in order.
    ///
    /// Each part initializes only its own element of the result, so no Swift array is
    /// mutated from two threads (a race even at different indices). `body` runs on several
    /// threads at once: it may read what it captures, never change it.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        withoutActuallyEscaping(body) { body in
            let work = UnsafeSendable(body)
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let slots = UnsafeSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    (slots.value.baseAddress! + i).initialize(to: work.value(i))
                }
                initialized = count
            }
        }
    }
}

/// A value handed to concurrent work that writes only its own, disjoint part of it.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
