#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the store needs, with errors as readable text.
///
/// Written against the C library rather than `FileManager` because atomic saves need
/// `fsync`, `rename` and `flock` exactly, and because reading 100 MB into `[UInt8]`
/// directly avoids a copy.
public enum FileSystem {
    /// Identity and version of a file on disk: any rename over it or write to it changes it.
    public struct Fingerprint: Sendable, Equatable {
        public let device: UInt64
        public let inode: UInt64
        public let size: Int64
        public let modifiedSeconds: Int
        public let modifiedNanoseconds: Int
    }

    public static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    public static func fingerprint(_ path: String) -> Fingerprint? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Fingerprint(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                           modifiedSeconds: Int(st.st_mtim.tv_sec), modifiedNanoseconds: Int(st.st_mtim.tv_nsec))
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Reads a whole file; throws `StoreError.notFound` or `.unreadable`.
    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            if e == ENOENT { throw StoreError.notFound(path: path) }
            throw StoreError.unreadable(path: path, reason: errorText(e))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StoreError.unreadable(path: path, reason: errorText()) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw StoreError.unreadable(path: path, reason: "it is a directory") }
        var size = max(Int(st.st_size), 0)
        var out = [UInt8]()
        // Read into uninitialised storage; a file that grows while read is still read whole.
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: size + 1) { buf, count in
                count = 0
                while count < buf.count {
                    let n = Glibc.read(fd, buf.baseAddress! + count, buf.count - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { return }
                    count += n
                }
            }
            if failure != 0 { throw StoreError.unreadable(path: path, reason: errorText(failure)) }
            if out.isEmpty { out = chunk } else { out.append(contentsOf: chunk) }
            if chunk.count < size + 1 { break }
            size = 1 << 16
        }
        return out
    }

    /// Runs `body` over a file's bytes without copying them, mapped read-only.
    ///
    /// `body` may call `consumed(range)` to say those bytes will not be read again; the pages
    /// wholly inside are then dropped, so a 100 MB store does not keep 100 MB of text resident
    /// while its deals are built (a page read again later is simply read from the file again).
    /// Falls back to `read` for what cannot be mapped (pipes, /proc files, empty files).
    public static func withContents<T>(
        of path: String, _ body: (UnsafeBufferPointer<UInt8>, _ consumed: @escaping @Sendable (Range<Int>) -> Void) throws -> T
    ) throws -> T {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            if e == ENOENT { throw StoreError.notFound(path: path) }
            throw StoreError.unreadable(path: path, reason: errorText(e))
        }
        var st = stat()
        let size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0
        let mapped = size > 0 ? mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED
        close(fd)
        guard let base = mapped, base != MAP_FAILED else {
            let data = try read(path)
            return try data.withUnsafeBufferPointer { try body($0, { _ in }) }
        }
        defer { munmap(base, size) }
        madvise(base, size, MADV_SEQUENTIAL)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = UInt(bitPattern: base)
        let buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        return try body(buffer, { range in
            let lo = (range.lowerBound + page - 1) / page * page, hi = range.upperBound / page * page
            guard hi > lo, let p = UnsafeMutableRawPointer(bitPattern: address + UInt(lo)) else { return }
            madvise(p, hi - lo, MADV_DONTNEED)
        })
    }

    /// The directory part of a path ("." for a bare name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Creates a directory and its parents (mode 0755).
    public static func makeDirectories(_ path: String) throws {
        if path.isEmpty || isDirectory(path) { return }
        let parent = directory(of: path)
        if parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw StoreError.unwritable(path: path, reason: "cannot create directory: \(errorText())")
        }
    }

    /// Replaces `path` with `bytes` so that a crash at any instant leaves the old or the new file, whole.
    ///
    /// Writes a temporary file beside it, flushes it to disk, renames it over the target and
    /// flushes the directory. When `backups` > 0 the previous file is kept as `path.bak.1`
    /// (newest) to `path.bak.N` (oldest).
    public static func writeAtomically(_ bytes: [UInt8], to path: String, backups: Int = 0) throws {
        try writeAtomically(to: path, backups: backups) { write in try write(bytes) }
    }

    /// Like `writeAtomically(_:to:backups:)` for a file whose bytes `produce` passes to `write`,
    /// in order, while it makes them; a part need not outlive its `write`.
    ///
    /// So a 100 MB store goes to disk as it is encoded, and is never in memory whole. If
    /// `produce` throws, the temporary file is removed and the target left as it was.
    ///
    /// `reusingOldestBackup`: the backup this save pushes out becomes the temporary file and
    /// is written over in place, instead of a new file being made and the backup deleted
    /// after. The disk then neither allocates the new file's blocks nor frees the old one's:
    /// an 11 MB save takes 17 ms of flushing instead of 33 on this machine. The price: a save
    /// that fails once writing has begun has lost that oldest backup, so callers ask for it
    /// only when the content is known valid and only a disk error can stop the write.
    public static func writeAtomically(to path: String, backups: Int = 0, reusingOldestBackup: Bool = false,
                                       _ produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        let dir = directory(of: path)
        let tmp = "\(dir)/.\(baseName(of: path)).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        var mode: mode_t = 0o644
        var st = stat()
        let existed = stat(path, &st) == 0
        if existed { mode = st.st_mode & 0o7777 }
        let rotating = backups > 0 && existed
        let oldest = backupPath(of: path, backups)
        let reused = rotating && reusingOldestBackup && adopt(oldest, as: tmp, mode: mode)
        let fd = reused ? open(tmp, O_WRONLY | O_CLOEXEC) : open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            let e = errno
            if reused { rename(tmp, oldest) }
            throw StoreError.unwritable(path: path, reason: errorText(e))
        }
        var ok = false, touched = false
        var offset = 0
        // Not written over yet: the backup goes back where it was.
        defer { if !ok { if reused && !touched { rename(tmp, oldest) } else { unlink(tmp) } } }
        do {
            try produce { part in
                touched = true
                let failure = part.withUnsafeBufferPointer { buf -> Int32 in
                    var written = 0
                    while written < buf.count {
                        let n = write(fd, buf.baseAddress! + written, buf.count - written)
                        if n < 0 {
                            if errno == EINTR { continue }
                            return errno
                        }
                        written += n
                    }
                    return 0
                }
                if failure != 0 { throw StoreError.unwritable(path: path, reason: errorText(failure)) }
                startWriteback(fd, offset, part.count)
                offset += part.count
            }
            // A reused file may be longer than the new text.
            if reused && ftruncate(fd, off_t(offset)) != 0 { throw StoreError.unwritable(path: path, reason: errorText()) }
        } catch {
            close(fd)
            throw error
        }
        if fsync(fd) != 0 { let e = errno; close(fd); throw StoreError.unwritable(path: path, reason: errorText(e)) }
        if close(fd) != 0 { throw StoreError.unwritable(path: path, reason: errorText()) }
        if rotating && exists(path) { rotateBackups(of: path, keep: backups) }
        guard rename(tmp, path) == 0 else { throw StoreError.unwritable(path: path, reason: errorText()) }
        ok = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Asks the kernel to start writing `count` bytes at `offset` of `fd` to disk now, without
    /// waiting: the kernel would otherwise hold them until the final `fsync`, which would then
    /// wait for all of them. Only a head start; `fsync` still decides durability.
    private static func startWriteback(_ fd: Int32, _ offset: Int, _ count: Int) {
        #if os(Linux)
        // Large parts only: a small file is written by `fsync` as quickly.
        guard count >= 1 << 20, let syncFileRange else { return }
        _ = syncFileRange(fd, Int64(offset), Int64(count), 2 /* SYNC_FILE_RANGE_WRITE */)
        #endif
    }

    #if os(Linux)
    /// `sync_file_range(2)`, looked up at run time: Glibc's Swift module leaves it out (it is
    /// declared only under `_GNU_SOURCE`).
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? =
        dlsym(nil, "sync_file_range").map { unsafeBitCast($0, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self) }
    #endif

    /// Renames the backup at `backup` to `tmp` to be written over, if it is a plain file of
    /// this user's with no other name (writing over it must change nothing else).
    private static func adopt(_ backup: String, as tmp: String, mode: mode_t) -> Bool {
        var st = stat()
        guard lstat(backup, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1, st.st_uid == geteuid(),
              rename(backup, tmp) == 0
        else { return false }
        if st.st_mode & 0o7777 != mode { chmod(tmp, mode) }
        return true
    }

    /// The path of the n-th backup (1 is the newest).
    public static func backupPath(of path: String, _ n: Int) -> String { "\(path).bak.\(n)" }

    private static func rotateBackups(of path: String, keep: Int) {
        unlink(backupPath(of: path, keep))
        if keep > 1 {
            for n in stride(from: keep - 1, through: 1, by: -1) {
                rename(backupPath(of: path, n), backupPath(of: path, n + 1))
            }
        }
        // A hard link costs nothing; fall back to a copy on file systems without links.
        if link(path, backupPath(of: path, 1)) != 0, let data = try? read(path) {
            try? writeAtomically(data, to: backupPath(of: path, 1))
        }
    }

    /// Removes temporary files a killed writer left beside `path`.
    public static func removeStaleTemporaries(of path: String) {
        let dir = directory(of: path)
        let prefix = ".\(baseName(of: path)).tmp."
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        var stale: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(prefix) { stale.append(name) }
        }
        for name in stale { unlink("\(dir)/\(name)") }
    }
}
