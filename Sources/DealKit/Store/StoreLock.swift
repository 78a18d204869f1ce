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
    /// The store file this lock guards.
    public let store: String

    /// The lock file's path for a store.
    public static func path(for store: String) -> String { store + ".lock" }

    /// Takes the lock, waiting up to `timeout` seconds for another holder to finish.
    ///
    /// `beforeCreating` runs only when there is no lock file yet, before one is made: it throws
    /// to refuse making a lock beside a file that is not a store.
    public init(store: String, timeout: Double, beforeCreating: () throws -> Void = {}) throws {
        let lockPath = StoreLock.path(for: store)
        var fd = open(lockPath, O_RDWR | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            try beforeCreating()
            fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else {
            throw StoreError.unwritable(path: store, reason: "cannot create lock file: \(FileSystem.errorText())")
        }
        // The caller checks the timeout is finite; this guards the arithmetic anyway.
        let deadline = StoreLock.now() + (timeout.isFinite ? max(timeout, 0) : 0)
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
        self.store = store
        // Names the holder while it holds the lock (cleared on release), for systems where
        // the kernel's own list of locks cannot be read.
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// The pid of the process holding the lock on `fd`'s file: the kernel's list of locks
    /// says who really holds it (any program, not only sovtrack); the pid written in the file
    /// is the fallback.
    private static func holder(_ fd: Int32) -> String? {
        var st = stat()
        if fstat(fd, &st) == 0, let pid = kernelHolder(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)) {
            return pid
        }
        var buf = [UInt8](repeating: 0, count: 32)
        let n = buf.withUnsafeMutableBufferPointer { pread(fd, $0.baseAddress, 31, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buf[0..<n], as: UTF8.self).filter(\.isNumber)
        return text.isEmpty ? nil : text
    }

    /// Reads `/proc/locks` (Linux) for the `FLOCK` on this device and inode, whose lines read
    /// `1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF` (pid, then major:minor:inode in hex
    /// for the device numbers).
    private static func kernelHolder(device: UInt64, inode: UInt64) -> String? {
        guard let bytes = try? FileSystem.read("/proc/locks") else { return nil }
        let major = (device >> 8) & 0xfff | (device >> 32) & ~0xfff
        let minor = device & 0xff | (device >> 12) & ~0xff
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: " ")
            // A waiting request is listed as "->" and shifts the fields by one: skip it.
            guard f.count >= 6, f[1] == "FLOCK", f[3] == "WRITE" else { continue }
            let id = f[5].split(separator: ":")
            guard id.count == 3, UInt64(id[0], radix: 16) == major, UInt64(id[1], radix: 16) == minor,
                UInt64(id[2]) == inode
            else { continue }
            return String(f[4])
        }
        return nil
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
