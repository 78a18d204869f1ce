import DealKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Standard output and error, and writing a command's result where `--output` says.
///
/// Text written here (messages, error lines, reports) may hold a file name or a value from
/// a feed: every line goes through `SafeText`, so nothing reaches a terminal raw. A rendered
/// document (`out(_: [UInt8])`, `emit`) is made safe by its renderer instead, for its format.
enum Console {
    /// Whether the program was started with standard output closed (`>&-`).
    private static let outputWasClosed = Atomic<Bool>(false)

    /// Opens /dev/null on each of descriptors 0-2 the program was started without: a file it
    /// opens would otherwise take that number (a store's lock, a save's temporary file), and
    /// text meant for standard output or error would be written into it. A result for a
    /// closed standard output still ends the command with exit 74, as a failed write did.
    static func guardStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            // The lowest free number, which is `fd`: the ones below it are open by now.
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
            if fd == 1 { outputWasClosed.store(true, ordering: .relaxed) }
        }
    }

    static func out(_ bytes: [UInt8]) {
        if !bytes.isEmpty && outputWasClosed.load(ordering: .relaxed) {
            outputError.withLock { $0 = $0 ?? EBADF }
            return
        }
        bytes.withUnsafeBufferPointer { buf in
            var done = 0
            while done < buf.count {
                let n = write(1, buf.baseAddress! + done, buf.count - done)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    // A reader that stopped reading (`| head`) is no failure; a full disk is.
                    let e = n < 0 ? errno : EIO
                    if e != EPIPE { outputError.withLock { $0 = $0 ?? e } }
                    return
                }
                done += n
            }
        }
    }

    /// The error of the first failed write to standard output since the last `takeOutputError`.
    private static let outputError = Mutex<Int32?>(nil)

    /// The error that stopped standard output (a full disk, a closed descriptor), if one did,
    /// and forgets it: a command whose result was cut short must not exit 0.
    static func takeOutputError() -> Int32? {
        outputError.withLock { e in
            defer { e = nil }
            return e
        }
    }

    /// Writes text, each of its lines made safe for a terminal.
    static func out(_ text: String) { out(Array(SafeText.sanitize(text, keepingNewlines: true).utf8)) }

    /// Writes a message on standard error as one line, made safe for a terminal (a line
    /// break inside it, from a file name say, shows as "␤"); without `newline`, a prompt.
    static func err(_ text: String, newline: Bool = true) {
        let body = SafeText.sanitize(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        let line = newline ? body + "\n" : body
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress!, $0.count) }
    }

    /// Writes to `--output FILE` atomically, or to standard output (no file, or `-`).
    static func emit(_ bytes: [UInt8], to output: String?, force: Bool, store: String?) throws {
        guard let output, output != "-" else {
            out(bytes)
            return
        }
        try writeFile(bytes, to: output, force: force, store: store)
    }

    /// Writes a file the user named (`--output`, `--rejects`) atomically, after refusing what
    /// must never be written: the store (or its backups and lock, however named: compared by
    /// device and inode), a symbolic link (it would be replaced by a file), anything but a
    /// regular file (`/dev/stdout`, a FIFO, a device) and, without `force`, an existing file
    /// (on a terminal the user is asked instead). Every refusal exits 73 and writes nothing.
    static func writeFile(_ bytes: [UInt8], to output: String, force: Bool, store: String?) throws {
        try writeFiles([(output, bytes)], force: force, store: store)
    }

    /// Writes several files as `writeFile` does one (a Markdown report and its charts), all
    /// or none: every file is checked before the first is written, so a refusal of any of
    /// them (an existing file without `force`, say) leaves every one as it was.
    static func writeFiles(_ files: [(path: String, bytes: [UInt8])], force: Bool, store: String?) throws {
        for f in files {
            if let problem = outputProblem(f.path, force: force, store: store) {
                throw CLIError(message: "\(SafeText.sanitize(f.path)): \(problem)", code: 73)
            }
        }
        // A failure is a `FileError` (exit 73), which does not claim the store is unchanged: this is not the store.
        for f in files { try FileSystem.writeAtomically(f.bytes, to: f.path) }
    }

    /// Why `output` must not be written, or nil.
    private static func outputProblem(_ output: String, force: Bool, store: String?) -> String? {
        var st = stat()
        guard lstat(output, &st) == 0 else { return nil }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            return "is a symbolic link; --output never replaces a link (name the file it points to)"
        }
        if (st.st_mode & S_IFMT) != S_IFREG {
            return
                "\(FileSystem.kindProblem(st.st_mode)); --output writes only regular files (leave it out to write to standard output)"
        }
        if let store {
            let file = FileSystem.resolvingLinks(store)
            let guarded = [file, StoreLock.path(for: file)] + (1...3).map { FileSystem.backupPath(of: file, $0) }
            for g in guarded {
                var other = stat()
                if stat(g, &other) == 0 && other.st_dev == st.st_dev && other.st_ino == st.st_ino {
                    return g == file
                        ? "is the store; --output never writes the store"
                        : "is the store's \(g.hasSuffix(".lock") ? "lock" : "backup") file; --output never writes it"
                }
            }
        }
        if force { return nil }
        if isatty(0) == 1 && isatty(2) == 1 {
            err("sovtrack: \(SafeText.sanitize(output)) exists; replace it? [y/N] ", newline: false)
            if let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) { return nil }
            return "exists; not replaced"
        }
        return "exists; add --force to replace it"
    }

    /// Where a command lists problems: standard output (`validate`, whose report they are) or
    /// standard error (a command that refuses its input).
    enum Stream { case output, errors }

    /// Lists problems one a line, then `… and N more problems` for the `more` left out: how
    /// every command that refuses a feed, or reports on one, says what is wrong.
    static func problems(_ lines: [String], more: Int, on stream: Stream = .errors) {
        for line in lines + (more > 0 ? [moreProblems(more)] : []) {
            if stream == .output { out(line + "\n") } else { err(line) }
        }
    }

    /// Lists a feed's located problems (`FILE: deals[3].country: …`) as `problems` does.
    static func problems(_ issues: [FeedIssue], in file: String, more: Int, on stream: Stream = .errors) {
        problems(issues.map { $0.formatted(file: file) }, more: more, on: stream)
    }

    /// `… and 1,999,900 more problems`: the line that follows the first problems listed.
    static func moreProblems(_ n: Int) -> String {
        var digits = String(n)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return "… and \(digits + grouped) more problem\(n == 1 ? "" : "s")"
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// True when a document written for `--output` lands where a person may see it as text
    /// (standard output that is a terminal or a pipe), false for a file (`--output FILE`, or
    /// standard output redirected to a regular file), which keeps the data exactly.
    static func isDisplay(_ output: String?) -> Bool {
        if let output, output != "-" { return false }
        var st = stat()
        guard fstat(1, &st) == 0 else { return true }
        return (st.st_mode & S_IFMT) != S_IFREG
    }
}
