import Foundation
import XCTest

@testable import DealKit

final class OrderedPipelineTests: XCTestCase {
    /// What the jobs of one run saw, updated from several threads.
    private final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var consumed = 0
        private var running = 0
        private(set) var started: [Int] = []
        private(set) var spares = 0
        private(set) var tooEarly: [Int] = []

        func start(_ job: Int, spare: Bool, window: Int) {
            lock.lock()
            defer { lock.unlock() }
            started.append(job)
            running += 1
            if spare { spares += 1 }
            // The caller has taken at least every result it consumed, and at most one more.
            if job > consumed + window { tooEarly.append(job) }
        }

        func end() {
            lock.lock()
            running -= 1
            lock.unlock()
        }
        func consume() {
            lock.lock()
            consumed += 1
            lock.unlock()
        }
        var stillRunning: Int {
            lock.lock()
            defer { lock.unlock() }
            return running
        }
    }

    private struct Stop: Error {}

    private func run(
        count: Int, threads: Int, window: Int, stopAt: Int? = nil, throwAt: Int? = nil,
        log: Log = Log()
    ) throws -> (results: [Int], log: Log, complete: Bool) {
        var results: [Int] = []
        let complete = try OrderedPipeline.run(
            count: count, threads: threads, window: window,
            produce: { (i: Int, spare: [Int]?) -> [Int] in
                log.start(i, spare: spare != nil, window: window)
                // Uneven work, so that later jobs often finish before earlier ones.
                usleep(UInt32((i * 7919) % 5) * 200)
                log.end()
                return [i]
            },
            consume: { (item: [Int]) throws -> Bool in
                if item[0] == throwAt { throw Stop() }
                if item[0] == stopAt { return false }
                results.append(item[0])
                log.consume()
                return true
            })
        return (results, log, complete)
    }

    func testResultsArriveInOrderWhateverTheThreads() throws {
        for threads in [0, 1, 2, 4] {
            let r = try run(count: 40, threads: threads, window: 3)
            XCTAssertEqual(r.results, Array(0..<40), "\(threads) threads")
            XCTAssertTrue(r.complete)
            XCTAssertEqual(r.log.started.sorted(), Array(0..<40), "each job runs once")
        }
        XCTAssertTrue(try run(count: 0, threads: 2, window: 2).complete)
    }

    func testJobsNeverRunFarAheadOfTheCaller() throws {
        for threads in [1, 2, 4] {
            let r = try run(count: 60, threads: threads, window: 4)
            XCTAssertEqual(r.log.tooEarly, [], "\(threads) threads")
        }
    }

    func testConsumedResultsAreHandedBackForReuse() throws {
        let inline = try run(count: 10, threads: 1, window: 2)
        XCTAssertEqual(inline.log.spares, 9, "on one thread every job after the first reuses its predecessor")
        // A job finds no spare only while every buffer made so far is in flight, which the
        // window limits to 4 (+ 1 being consumed): at most 5 of the 40 make a new one.
        let parallel = try run(count: 40, threads: 2, window: 4)
        XCTAssertGreaterThanOrEqual(parallel.log.spares, 35)
    }

    func testStoppingOrThrowingEndsEveryWorkerFirst() throws {
        for threads in [1, 3] {
            let stopped = try run(count: 100, threads: threads, window: 3, stopAt: 10)
            XCTAssertFalse(stopped.complete)
            XCTAssertEqual(stopped.results, Array(0..<10))
            XCTAssertEqual(stopped.log.stillRunning, 0, "no job is left running")
            XCTAssertLessThanOrEqual(stopped.log.started.count, 10 + 3 + threads, "the workers stop soon after")

            let log = Log()
            XCTAssertThrowsError(try run(count: 100, threads: threads, window: 3, throwAt: 5, log: log)) {
                XCTAssertTrue($0 is Stop)
            }
            XCTAssertEqual(log.stillRunning, 0, "no job is left running after an error")
            XCTAssertLessThanOrEqual(log.started.count, 5 + 3 + threads)
        }
    }
}
