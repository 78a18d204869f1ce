import Foundation

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
    static func run<T: Sendable>(count: Int, threads: Int, window: Int,
                                 produce: @escaping @Sendable (_ index: Int, _ spare: T?) -> T,
                                 consume: (T) throws -> Bool) rethrows -> Bool {
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

    /// What the caller and the workers share; every field is guarded by `condition`.
    private final class State<T: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let window: Int
        private var results: [T?]
        private var spares: [T] = []
        private var nextJob = 0
        /// Results taken by the caller so far: job `j` may start once `j < taken + window`.
        private var taken = 0
        private var stopped = false
        private var running: Int

        init(count: Int, window: Int, workers: Int) {
            self.count = count
            self.window = window
            self.results = Array(repeating: nil, count: count)
            self.running = workers
        }

        /// A worker's loop: claim the next job while the window allows, run it, store the result.
        func work(_ produce: @Sendable (Int, T?) -> T) {
            condition.lock()
            while true {
                while !stopped && nextJob < count && nextJob >= taken + window { condition.wait() }
                if stopped || nextJob >= count { break }
                let job = nextJob
                nextJob += 1
                let spare = spares.popLast()
                condition.unlock()
                let result = produce(job, spare)
                condition.lock()
                results[job] = result
                condition.broadcast()
            }
            running -= 1
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for result `i` and takes it out of the table.
        func take(_ i: Int) -> T {
            condition.lock()
            defer { condition.unlock() }
            while results[i] == nil { condition.wait() }
            taken = i + 1
            condition.broadcast()
            return results[i].take()!
        }

        /// Keeps a consumed result for a later job to reuse.
        func recycle(_ item: consuming T) {
            condition.lock()
            spares.append(item)
            condition.unlock()
        }

        /// Stops the workers and waits until none is running.
        func finish() {
            condition.lock()
            stopped = true
            condition.broadcast()
            while running > 0 { condition.wait() }
            condition.unlock()
        }
    }
}
