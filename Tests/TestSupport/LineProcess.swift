import Foundation

/// A helper process started once and asked many times: each line written to it is answered
/// with one line. A Python checker or a browser costs far more to start than to ask, so the
/// tests keep one for the run (`Shared`) instead of one per question.
public final class LineProcess: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    /// One question at a time, so that each answer goes to whoever asked it.
    private let asking = NSLock()
    private let answers = Answers()

    /// The lines the process printed and nobody took yet.
    private final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var ready: [String] = []
        let available = DispatchSemaphore(value: 0)

        func put(_ line: String) {
            lock.lock()
            ready.append(line)
            lock.unlock()
            available.signal()
        }

        func take() -> String {
            lock.lock()
            defer { lock.unlock() }
            return ready.removeFirst()
        }
    }

    /// Starts `arguments` (the first found on `PATH` through /usr/bin/env), its standard error discarded.
    public init(_ arguments: [String], environment: [String: String]? = nil) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let answers = answers
        input = try PipedChild.start(process, line: { answers.put($0) })
    }

    public var isRunning: Bool { process.isRunning }

    /// Writes `line` and returns the answer; after `seconds` without one the process is
    /// stopped (a hung helper must not hang the run) and this throws.
    public func ask(_ line: String, within seconds: Double) throws -> String {
        asking.lock()
        defer { asking.unlock() }
        try input.write(contentsOf: Data((line + "\n").utf8))
        guard answers.available.wait(timeout: .now() + seconds) == .success else {
            close(waiting: 0)
            throw LineProcessError(
                message: "\(process.arguments?.joined(separator: " ") ?? "") gave no answer in \(seconds) s")
        }
        return answers.take()
    }

    /// Ends its input, so that it finishes, and stops it if it has not within `seconds`.
    public func close(waiting seconds: Double = 10) {
        try? input.close()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
    }

    /// One helper for many tests: started on first use, again if it stopped, and closed by
    /// the owning test class's `tearDown`.
    public final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var current: LineProcess?
        private let start: @Sendable () throws -> LineProcess

        public init(_ start: @escaping @Sendable () throws -> LineProcess) { self.start = start }

        public func get() throws -> LineProcess {
            lock.lock()
            defer { lock.unlock() }
            if let current, current.isRunning { return current }
            let started = try start()
            current = started
            return started
        }

        public func close() {
            lock.lock()
            defer { lock.unlock() }
            current?.close()
            current = nil
        }
    }
}

public struct LineProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
