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
        return Fingerprint(
            device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
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

    /// The largest file sovtrack reads: 1 GiB, ten times a 2-million-deal store. Reading is
    /// bounded even for a file that grows while it is read.
    public static let inputLimit = 1 << 30

    /// What a file of this mode is, for an error that refuses anything but a regular file.
    public static func kindProblem(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "it is a directory"
        case S_IFIFO: return "not a regular file (a FIFO or pipe)"
        case S_IFCHR: return "not a regular file (a character device)"
        case S_IFBLK: return "not a regular file (a block device)"
        case S_IFSOCK: return "not a regular file (a socket)"
        default: return "not a regular file"
        }
    }

    /// Opens a regular file to read, refusing anything else before reading a byte of it.
    ///
    /// Opened without blocking, so that a FIFO with no writer is refused at once rather than
    /// waited on forever; a device such as /dev/zero, which never ends, is refused too.
    private static func openRegular(_ path: String) throws -> (fd: Int32, size: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let e = errno
            if e == ENOENT { throw FileError.notFound(path: path) }
            throw FileError.unreadable(path: path, reason: errorText(e))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            close(fd)
            throw FileError.unreadable(path: path, reason: errorText(e))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw FileError.unreadable(path: path, reason: kindProblem(st.st_mode))
        }
        let size = max(Int(st.st_size), 0)
        guard size <= inputLimit else {
            close(fd)
            throw FileError.unreadable(path: path, reason: "larger than sovtrack's limit of \(inputLimit >> 20) MiB")
        }
        return (fd, size)
    }

    /// Reads a whole regular file; throws `FileError.notFound` or `.unreadable`.
    public static func read(_ path: String) throws -> [UInt8] {
        let (fd, statSize) = try openRegular(path)
        defer { close(fd) }
        var size = statSize
        var out = [UInt8]()
        // Read into uninitialised storage; a file that grows while read is still read whole,
        // up to the limit.
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
            if failure != 0 { throw FileError.unreadable(path: path, reason: errorText(failure)) }
            if out.isEmpty { out = chunk } else { out.append(contentsOf: chunk) }
            if out.count > inputLimit {
                throw FileError.unreadable(
                    path: path, reason: "larger than sovtrack's limit of \(inputLimit >> 20) MiB")
            }
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
    /// Falls back to `read` for what cannot be mapped (/proc files, empty files). Refuses what
    /// is not a regular file, as `read` does.
    public static func withContents<T>(
        of path: String,
        _ body: (UnsafeBufferPointer<UInt8>, _ consumed: @escaping @Sendable (Range<Int>) -> Void) throws -> T
    ) throws -> T {
        let (fd, size) = try openRegular(path)
        let mapped = size > 0 ? mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED
        close(fd)
        guard let base = mapped, base != MAP_FAILED else {
            let data = try read(path)
            return try data.withUnsafeBufferPointer { try body($0, { _ in }) }
        }
        defer { munmap(base, size) }
        madvise(base, size, MADV_SEQUENTIAL)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        // Only pages are dropped through it (`madvise`), never bytes written: the mapping is read-only.
        let mapping = ReadOnlyBuffer(buffer)
        return try body(
            buffer,
            { range in
                let lo = (range.lowerBound + page - 1) / page * page
                let hi = min(range.upperBound, size) / page * page
                guard hi > lo, let start = mapping.buffer.baseAddress else { return }
                madvise(UnsafeMutableRawPointer(mutating: UnsafeRawPointer(start + lo)), hi - lo, MADV_DONTNEED)
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
            throw FileError.unwritable(path: path, reason: "cannot create directory: \(errorText())")
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
    /// The temporary file is always a new file: no file that a reader may still hold open or
    /// mapped (the store, or a backup that was the store a few saves ago) is ever written to,
    /// so a reader sees the old store or the new one, whole. An existing file's owner, group
    /// and mode pass to the new one (set on the temporary file before the rename, so the
    /// umask does not narrow them and root saving another user's file leaves it theirs).
    /// `path` is replaced as it is: callers that mean to write through a link resolve it
    /// first (`resolvingLinks`).
    public static func writeAtomically(
        to path: String, backups: Int = 0,
        _ produce: (_ write: ([UInt8]) throws -> Void) throws -> Void
    ) throws {
        let dir = directory(of: path)
        let tmp = "\(dir)/.\(baseName(of: path)).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        var st = stat()
        let existed = stat(path, &st) == 0
        let mode: mode_t = existed ? st.st_mode & 0o7777 : 0o644
        let rotating = backups > 0 && existed
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileError.unwritable(path: path, reason: errorText()) }
        var ok = false
        defer { if !ok { unlink(tmp) } }
        do {
            if existed { try keepOwnerAndMode(of: st, on: fd, path: path) }
            var offset = 0
            try produce { part in
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
                if failure != 0 { throw FileError.unwritable(path: path, reason: errorText(failure)) }
                startWriteback(fd, offset, part.count)
                offset += part.count
            }
        } catch {
            close(fd)
            throw error
        }
        if fsync(fd) != 0 {
            let e = errno
            close(fd)
            throw FileError.unwritable(path: path, reason: errorText(e))
        }
        if close(fd) != 0 { throw FileError.unwritable(path: path, reason: errorText()) }
        if rotating && exists(path) { rotateBackups(of: path, keep: backups) }
        guard rename(tmp, path) == 0 else { throw FileError.unwritable(path: path, reason: errorText()) }
        ok = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    /// Gives the new file the owner, group and exact mode of the file it replaces.
    ///
    /// Owner first: `fchown` clears set-id bits, which `fchmod` then restores. A user who may
    /// not give the file away (not root, not in the group) keeps the file as theirs, as an
    /// editor would; only the mode is then required to carry over.
    private static func keepOwnerAndMode(of old: stat, on fd: Int32, path: String) throws {
        var now = stat()
        guard fstat(fd, &now) == 0 else { throw FileError.unwritable(path: path, reason: errorText()) }
        if now.st_uid != old.st_uid || now.st_gid != old.st_gid {
            if fchown(fd, old.st_uid, old.st_gid) != 0 { _ = fchown(fd, uid_t.max, old.st_gid) }
        }
        if fchmod(fd, old.st_mode & 0o7777) != 0 { throw FileError.unwritable(path: path, reason: errorText()) }
    }

    /// The file a path names once every symbolic link along its last component is followed:
    /// a store saved through a link is written beside its target, and the link stays a link.
    ///
    /// A link to a file not made yet resolves to that file's path. Gives up after 40 links
    /// (a loop), returning the last path reached, where the save then fails with the system's
    /// own error.
    public static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buf, buf.count - 1)
            guard n > 0 else { return current }
            let target = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : directory(of: current) + "/" + target
        }
        return current
    }

    /// Asks the kernel to start writing `count` bytes at `offset` of `fd` to disk now, without
    /// waiting: the kernel would otherwise hold them until the final `fsync`, which would then
    /// wait for all of them. Only a head start; `fsync` still decides durability.
    private static func startWriteback(_ fd: Int32, _ offset: Int, _ count: Int) {
        #if os(Linux)
            // Large parts only: a small file is written by `fsync` as quickly.
            guard count >= 1 << 20, let syncFileRange else { return }
            let writeOut: UInt32 = 2  // SYNC_FILE_RANGE_WRITE
            _ = syncFileRange(fd, Int64(offset), Int64(count), writeOut)
        #endif
    }

    #if os(Linux)
        /// `sync_file_range(2)`, looked up at run time: Glibc's Swift module leaves it out (it is
        /// declared only under `_GNU_SOURCE`).
        private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? =
            dlsym(nil, "sync_file_range").map {
                unsafeBitCast($0, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
            }
    #endif

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
