import Foundation
import Synchronization

/// Runs numbered jobs on worker threads and hands their results to the caller in order,
/// never holding more than a few results at once.
///
/// A store is saved this way: chunks of deals are encoded on every core while the caller
/// writes each chunk to disk as soon as it and all before it are ready, so the encoded text
/// of a 100 MB store is never in memory whole, and the disk works while the cores encode.
enum OrderedPipeline {
    /// Calls `consume` with `produce(0)`, `produce(1)`, … `produce(count - 1)` in that order,
    /// until it returns false or throws.
    ///
    /// `produce` runs on `threads` worker threads (inline on the caller when `threads` ≤ 1),
    /// at most `window` jobs ahead of the last result consumed. A consumed result is handed
    /// back to a later `produce` as its second argument, so its storage can be reused rather
    /// than allocated (and faulted in) again. When `consume` stops, the workers stop after
    /// their current job and are waited for before this returns. Returns false when stopped.
    static func run<T: Sendable>(
        count: Int, threads: Int, window: Int,
        produce: @escaping @Sendable (_ index: Int, _ spare: T?) -> T,
        consume: (T) throws -> Bool
    ) rethrows -> Bool {
        guard count > 0 else { return true }
        let threads = min(threads, count)
        guard threads > 1 else {
            var spare: T?
            for i in 0..<count {
                let item = produce(i, spare.take())
                guard try consume(item) else { return false }
                spare = item
            }
            return true
        }
        let state = State<T>(count: count, window: max(window, threads), workers: threads)
        for _ in 0..<threads {
            // Dedicated threads, not Dispatch's pool: a worker may wait for the caller, and a
            // pool already busy with other work must never be able to leave the caller waiting.
            let thread = Thread { state.work(produce) }
            thread.start()
        }
        defer { state.finish() }
        for i in 0..<count {
            let item = state.take(i)
            guard try consume(item) else { return false }
            state.recycle(item)
        }
        return true
    }

    /// What the caller and the workers share.
    ///
    /// The fields are in a `Mutex`, so the compiler sees that no thread touches them unguarded;
    /// `condition` is only how a thread waits for another's change: every change and every
    /// check is made with it held, so a wake-up is never lost between the check and the wait.
    private final class State<T: Sendable>: Sendable {
        private struct Fields {
            var results: [T?]
            var spares: [T] = []
            var nextJob = 0
            /// Results taken by the caller so far: job `j` may start once `j < taken + window`.
            var taken = 0
            var stopped = false
            var running: Int
        }

        private let condition = NSCondition()
        private let fields: Mutex<Fields>
        private let count: Int
        private let window: Int

        init(count: Int, window: Int, workers: Int) {
            self.count = count
            self.window = window
            fields = Mutex(Fields(results: Array(repeating: nil, count: count), running: workers))
        }

        /// Runs `body` on the fields with `condition` held, once `ready` is true (waiting for
        /// other threads' changes until then); `wake`: then wakes every waiting thread.
        private func locked<R: Sendable>(
            waitingUntil ready: (inout Fields) -> Bool = { _ in true }, wake: Bool = false,
            _ body: (inout Fields) -> R
        ) -> R {
            condition.lock()
            defer { condition.unlock() }
            while !fields.withLock({ f in ready(&f) }) { condition.wait() }
            let r = fields.withLock { f in body(&f) }
            if wake { condition.broadcast() }
            return r
        }

        /// A worker's loop: claim the next job while the window allows, run it, store the result.
        func work(_ produce: @Sendable (Int, T?) -> T) {
            let window = self.window
            let count = self.count
            while true {
                let claim: (job: Int, spare: T?)? = locked(waitingUntil: { f in
                    f.stopped || f.nextJob >= count || f.nextJob < f.taken + window
                }) { f in
                    if f.stopped || f.nextJob >= count { return nil }
                    f.nextJob += 1
                    return (f.nextJob - 1, f.spares.popLast())
                }
                guard let claim else { break }
                let result = produce(claim.job, claim.spare)
                locked(wake: true) { $0.results[claim.job] = result }
            }
            locked(wake: true) { $0.running -= 1 }
        }

        /// Waits for result `i` and takes it out of the table.
        func take(_ i: Int) -> T {
            // Wakes a worker waiting for the window to move.
            locked(waitingUntil: { $0.results[i] != nil }, wake: true) { f in
                f.taken = i + 1
                return f.results[i].take()!
            }
        }

        /// Keeps a consumed result for a later job to reuse.
        func recycle(_ item: consuming T) {
            let item = item
            locked { $0.spares.append(item) }
        }

        /// Stops the workers and waits until none is running.
        func finish() {
            locked(wake: true) { $0.stopped = true }
            locked(waitingUntil: { $0.running == 0 }) { _ in }
        }
    }
}
