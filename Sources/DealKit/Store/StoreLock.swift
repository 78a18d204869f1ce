#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock on a store, so that two writers never interleave.
///
/// `flock` on a `.lock` file beside the store: the kernel drops it when the holder
/// exits, even by `kill -9`, so a crashed writer never leaves the store locked.
public final class StoreLock {
    private let fd: Int32

    /// The lock file's path for a store.
    public static func path(for store: String) -> String { store + ".lock" }

    /// Takes the lock, waiting up to `timeout` seconds for another holder to finish.
    public init(store: String, timeout: Double) throws {
        let lockPath = StoreLock.path(for: store)
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.unwritable(path: store, reason: "cannot create lock file: \(FileSystem.errorText())") }
        let deadline = StoreLock.now() + timeout
        var delay: UInt32 = 2_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            guard e == EWOULDBLOCK || e == EINTR else {
                close(fd)
                throw StoreError.unwritable(path: store, reason: "cannot lock: \(FileSystem.errorText(e))")
            }
            if StoreLock.now() >= deadline {
                let holder = StoreLock.holder(fd)
                close(fd)
                throw StoreError.locked(path: store, holder: holder)
            }
            usleep(delay)
            delay = min(delay * 2, 50_000)
        }
        self.fd = fd
        // Name the holder for the message another process will show.
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    private static func holder(_ fd: Int32) -> String? {
        var buf = [UInt8](repeating: 0, count: 32)
        let n = buf.withUnsafeMutableBufferPointer { pread(fd, $0.baseAddress, 31, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buf[0..<n], as: UTF8.self).filter(\.isNumber)
        return text.isEmpty ? nil : text
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
