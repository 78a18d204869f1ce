import Foundation
import Synchronization
import XCTest

/// Runs work that must not hang (a call to a server that went away) on a thread of its own,
/// and fails the test, rather than stall the whole suite, when it is not done in time.
public enum TimeLimit {
    public struct Exceeded: Error, CustomStringConvertible {
        public var description: String
    }

    /// What `body` returns or throws, or `Exceeded` (and a test failure) after `seconds`.
    @discardableResult
    public static func run<T: Sendable>(
        _ seconds: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line,
        _ body: @escaping @Sendable () throws -> T
    ) throws -> T {
        let result = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let r = Result { try body() }
            result.value.withLock { $0 = r }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else {
            XCTFail("\(what) still waiting after \(seconds) s: it hangs", file: file, line: line)
            throw Exceeded(description: "\(what) still waiting after \(seconds) s")
        }
        return try result.value.withLock { $0! }.get()
    }

    private final class Box<T: Sendable>: Sendable {
        let value = Mutex<Result<T, any Error>?>(nil)
    }
}
