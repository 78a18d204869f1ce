import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a child process and reports what `Process` cannot: its own peak memory (from
/// GNU time), whether a signal ended it, and whether its output ever held a byte that acts
/// on a terminal, checked as the output streams (a hostile run may print a lot).
enum MeasuredProcess {
    struct Result {
        var status: Int32
        /// The signal that ended the child, if one did.
        var signal: Int32?
        var timedOut: Bool
        /// The peak resident set of the child, in bytes.
        var maxRSS: Int
        /// The first 1 MiB and the last 64 KiB of each stream (all of it when shorter).
        var stdout: Stream
        var stderr: Stream
    }

    /// One output stream as it went by.
    struct Stream {
        var head: [UInt8] = []
        var tail: [UInt8] = []
        var count = 0
        /// A description of the first byte sequence a terminal would act on, with its offset.
        var hostile: String?
        var carry: [UInt8] = []

        var text: String { String(decoding: head, as: UTF8.self) }
        /// The last line, from the tail.
        var lastLine: String {
            let t = tail.last == 0x0A ? tail.dropLast() : tail[...]
            let start = t.lastIndex(of: 0x0A).map { $0 + 1 } ?? t.startIndex
            return String(decoding: t[start...], as: UTF8.self)
        }

        mutating func append(_ bytes: ArraySlice<UInt8>) {
            if head.count < 1 << 20 { head += bytes.prefix((1 << 20) - head.count) }
            tail += bytes
            if tail.count > 64 << 10 { tail.removeFirst(tail.count - (64 << 10)) }
            if hostile == nil {
                // The last two bytes of the previous chunk go first: a sequence may be cut.
                let scan = (carry + bytes)[...]
                if let (at, what) = MeasuredProcess.firstHostile(scan) {
                    hostile = "\(what) at byte \(count - carry.count + at)"
                }
                carry = Array(scan.suffix(2))
            }
            count += bytes.count
        }
    }

    /// The first byte sequence in `b` that a terminal acts on or that reorders text: a C0
    /// control other than LF and tab (a CR only before an LF, as CSV's CRLF), a C1 control
    /// (U+0080–U+009F, `C2 80`–`C2 9F` in UTF-8), or a bidi override, embedding or isolate.
    static func firstHostile(_ b: ArraySlice<UInt8>) -> (Int, String)? {
        var i = b.startIndex
        while i < b.endIndex {
            let x = b[i]
            if x < 0x20 && x != 0x0A && x != 0x09 {
                if x == 0x0D && i + 1 < b.endIndex && b[i + 1] == 0x0A {
                    i += 2
                    continue
                }
                if x == 0x0D && i + 1 == b.endIndex { return nil }  // the LF may be in the next chunk
                return (i - b.startIndex, "C0 control 0x" + String(x, radix: 16))
            }
            if x == 0xC2, i + 1 < b.endIndex, b[i + 1] >= 0x80, b[i + 1] <= 0x9F {
                return (i - b.startIndex, "C1 control U+00" + String(b[i + 1], radix: 16))
            }
            if x == 0xE2, i + 2 < b.endIndex {
                let s = b[i + 1]
                let t = b[i + 2]
                if (s == 0x80 && t >= 0xAA && t <= 0xAE) || (s == 0x81 && t >= 0xA6 && t <= 0xA9) {
                    return (i - b.startIndex, "bidi control")
                }
            }
            i += 1
        }
        return nil
    }

    /// Runs `binary args` with `env`, standard input from /dev/null, killed after `timeout`
    /// seconds; its address space is capped at `addressSpace` bytes so that a run gone wrong
    /// cannot take the machine (the peak reported is what it used, below that cap).
    static func run(
        _ binary: String, _ args: [String], env: [String: String], cwd: String? = nil,
        timeout: Double = 60, addressSpace: Int = 3 << 30
    ) -> Result {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        precondition(pipe(&outPipe) == 0 && pipe(&errPipe) == 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        // The cap goes on through a shell. The peak is read by GNU time, which forks the command
        // from its own small process: wait4 on a child that posix_spawn made (vfork-like, sharing
        // this test process's memory until exec) would report this process's peak instead.
        let cd = cwd.map { "cd '\($0.replacingOccurrences(of: "'", with: "'\\''"))' && " } ?? ""
        let peakFile = NSTemporaryDirectory() + "sovtrack-peak-\(UUID().uuidString)"
        defer { unlink(peakFile) }
        let timed = FileManager.default.isExecutableFile(atPath: timeBinary)
        let exec = timed ? "exec \(timeBinary) -q -f %M -o '\(peakFile)' \"$0\" \"$@\"" : "exec \"$0\" \"$@\""
        let script = cd + "ulimit -v \(addressSpace / 1024) && " + exec
        let argv = ["/bin/sh", "-c", script, binary] + args
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid: pid_t = 0
        // A group of its own, so a timeout kills the command and not only GNU time above it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, cArgs, cEnv)
        close(outPipe[1])
        close(errPipe[1])
        precondition(spawned == 0, "posix_spawn failed: \(spawned)")
        var out = Stream()
        var err = Stream()
        var open = [outPipe[0], errPipe[0]]
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                timedOut = true
                kill(-pid, SIGKILL)
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 1) * 1000))
            if ready < 0 && errno != EINTR { break }
            for f in fds where f.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(f.fd, $0.baseAddress, $0.count) }
                if n <= 0 {
                    close(f.fd)
                    open.removeAll { $0 == f.fd }
                } else if f.fd == outPipe[0] {
                    out.append(buffer[..<n])
                } else {
                    err.append(buffer[..<n])
                }
            }
        }
        for fd in open { close(fd) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        var signal = status & 0x7F
        var code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        var peak = usage.ru_maxrss * 1024
        if timed, signal == 0, let text = try? String(contentsOfFile: peakFile, encoding: .utf8),
            let kb = text.split(separator: "\n").last.flatMap({ Int($0) })
        {
            // GNU time exits 128 + N when a signal N ended the command.
            peak = kb * 1024
            if code > 128 {
                signal = code - 128
                code = 128 + signal
            }
        }
        return Result(
            status: code, signal: signal == 0 ? nil : signal,
            timedOut: timedOut, maxRSS: peak, stdout: out, stderr: err)
    }

    /// GNU time (Debian's `time` package, which `.ci/run` installs).
    static let timeBinary = "/usr/bin/time"
}
