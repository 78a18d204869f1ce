import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on a file held by another process (`/usr/bin/flock FILE cat`) until
/// `release()`: closing cat's input ends it at once, where a holder that sleeps would make the
/// test wait out its sleep.
public final class ForeignLock {
    /// The pid of the process holding the lock.
    public let holder: Int32
    private let process = Process()
    private let input = Pipe()
    private var released = false

    /// Starts the holder and returns once it holds the lock on `path`.
    public init(path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = [path, "cat"]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        holder = process.processIdentifier
        let probe = open(path, O_RDONLY)
        defer { close(probe) }
        for _ in 0..<500 where flock(probe, LOCK_EX | LOCK_NB) == 0 {
            flock(probe, LOCK_UN)
            usleep(10_000)
        }
    }

    /// Ends the holder, which releases the lock; safe to call twice.
    public func release() {
        guard !released else { return }
        released = true
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { release() }
}
