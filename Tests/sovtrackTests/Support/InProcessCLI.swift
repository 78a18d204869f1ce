import Foundation

@testable import sovtrack

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a `sovtrack` command line inside the test process, as the binary would run it: standard
/// input from /dev/null, standard output and error into pipes, the same clean environment.
///
/// A spawned debug binary costs about 50 ms of start-up, which over a thousand runs was most
/// of `swift test`; tests whose subject is the process itself (exit by signal, crashes, locks
/// between processes, the terminal) use `SovtrackProcess` instead.
enum InProcessCLI {
    /// The commands that can run here: not the dashboard (it needs a terminal, and `browse`
    /// restarts the program), and only by name, so the default command never runs by accident.
    static let commands: Set<String> = [
        "list", "summary", "show", "report", "validate", "import", "add", "edit", "remove",
        "log", "diff", "merge", "resolve", "db", "help", "--version", "--help", "-h",
    ]

    /// One run at a time: the descriptors and the environment are the process's own.
    private static let lock = NSLock()

    /// Whether `args` can run in process.
    static func accepts(_ args: [String]) -> Bool {
        guard let first = args.first else { return false }
        return commands.contains(first)
    }

    static func run(_ args: [String], env: [String: String]) -> SovtrackProcess.Result {
        lock.lock()
        defer { lock.unlock() }
        fflush(nil)  // every stdio stream: what the test printed goes out before the descriptors move
        let saved = (input: dup(0), output: dup(1), error: dup(2))
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        precondition(pipe(&outPipe) == 0 && pipe(&errPipe) == 0)
        let null = open("/dev/null", O_RDONLY)
        dup2(null, 0)
        close(null)
        dup2(outPipe[1], 1)
        dup2(errPipe[1], 2)
        close(outPipe[1])
        close(errPipe[1])
        let out = Drain(outPipe[0])
        let err = Drain(errPipe[0])

        let savedEnvironment = ProcessInfo.processInfo.environment
        clearenv()
        for (k, v) in env { setenv(k, v, 1) }
        let status = Sovtrack.status(running: args)
        fflush(nil)
        clearenv()
        for (k, v) in savedEnvironment { setenv(k, v, 1) }

        dup2(saved.input, 0)
        dup2(saved.output, 1)
        dup2(saved.error, 2)
        close(saved.input)
        close(saved.output)
        close(saved.error)
        return SovtrackProcess.Result(
            status: status, stdout: String(decoding: out.wait(), as: UTF8.self),
            stderr: String(decoding: err.wait(), as: UTF8.self))
    }

    /// Reads a pipe to its end on a thread of its own, so a large output cannot block the writer.
    private final class Drain: @unchecked Sendable {
        private var data: [UInt8] = []
        private let done = DispatchSemaphore(value: 0)

        init(_ fd: Int32) {
            Thread.detachNewThread { [self] in
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    data += buffer[..<n]
                }
                close(fd)
                done.signal()
            }
        }

        func wait() -> [UInt8] {
            done.wait()
            return data
        }
    }
}
