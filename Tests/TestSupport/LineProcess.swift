import Foundation

/// A helper process started once and asked many times: each line written to it is answered
/// with one line. A Python checker or a browser costs far more to start than to ask, so the
/// tests keep one for the run (`Shared`) instead of one per question.
public final class LineProcess: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    private let lock = NSLock()
    /// One question at a time, so that each answer goes to whoever asked it.
    private let asking = NSLock()
    private var ready: [String] = []
    private let available = DispatchSemaphore(value: 0)

    /// Starts `arguments` (the first found on `PATH` through /usr/bin/env), its standard error discarded.
    public init(_ arguments: [String], environment: [String: String]? = nil) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let toChild = Pipe()
        let fromChild = Pipe()
        process.standardInput = toChild
        process.standardOutput = fromChild
        process.standardError = FileHandle.nullDevice
        try process.run()
        input = toChild.fileHandleForWriting
        let output = fromChild.fileHandleForReading
        // Read on a thread of its own, so that a wait for an answer can time out.
        Thread.detachNewThread { [self] in
            var pending = Data()
            while true {
                let chunk = output.availableData
                if chunk.isEmpty { break }
                pending += chunk
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending = Data(pending[(newline + 1)...])
                    lock.lock()
                    ready.append(line)
                    lock.unlock()
                    available.signal()
                }
            }
        }
    }

    public var isRunning: Bool { process.isRunning }

    /// Writes `line` and returns the answer; after `seconds` without one the process is
    /// stopped (a hung helper must not hang the run) and this throws.
    public func ask(_ line: String, within seconds: Double) throws -> String {
        asking.lock()
        defer { asking.unlock() }
        try input.write(contentsOf: Data((line + "\n").utf8))
        guard available.wait(timeout: .now() + seconds) == .success else {
            close(waiting: 0)
            throw LineProcessError(
                message: "\(process.arguments?.joined(separator: " ") ?? "") gave no answer in \(seconds) s")
        }
        lock.lock()
        defer { lock.unlock() }
        return ready.removeFirst()
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
}
