import Foundation

/// Starts a helper process that is talked to through pipes: its standard input written to,
/// its standard output read line by line on a thread of its own (so that a wait for it can
/// time out), its standard error discarded.
enum PipedChild {
    /// Runs `process` (its executable and arguments set) and returns the pipe to its input;
    /// `line` is called with each line it prints (without the newline), then `ended` once.
    static func start(
        _ process: Process, line: @escaping @Sendable (String) -> Void, ended: @escaping @Sendable () -> Void = {}
    ) throws -> FileHandle {
        let toChild = Pipe()
        let fromChild = Pipe()
        process.standardInput = toChild
        process.standardOutput = fromChild
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = fromChild.fileHandleForReading
        Thread.detachNewThread {
            var pending = Data()
            while true {
                let chunk = output.availableData
                if chunk.isEmpty { break }
                pending += chunk
                while let newline = pending.firstIndex(of: 0x0A) {
                    line(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending = Data(pending[(newline + 1)...])
                }
            }
            ended()
        }
        return toChild.fileHandleForWriting
    }
}
