import DealKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Monotonic time, process spawning and memory figures, straight from the C library.
enum System {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU seconds this process has used (all threads): unlike wall time, barely moved by
    /// other processes competing for the cores.
    static func cpuNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `body` and returns its result with the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let value = try body()
        return (value, now() - start)
    }

    /// A line of `/proc/self/status` such as `VmHWM` or `VmRSS`, in kB (0 where there is no /proc).
    static func status(_ key: String) -> Int {
        guard let text = try? readText("/proc/self/status") else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            let digits = line.dropFirst(key.count + 1).filter(\.isNumber)
            return Int(digits) ?? 0
        }
        return 0
    }

    static func readText(_ path: String) throws -> String {
        String(decoding: try FileSystemBytes.read(path), as: UTF8.self)
    }

    /// What a child process did: its exit status, wall time, peak resident memory and output.
    struct ChildResult {
        var status: Int32
        var seconds: Double
        var maxRSSKB: Int
        /// User + system CPU seconds of the child.
        var cpuSeconds: Double
        var stdout: [UInt8]
    }

    /// Spawns `argv` (argv[0] a path), its stdout to /dev/null or captured, stderr to /dev/null
    /// unless `keepStderr`; times it from just before `posix_spawn` to `wait4` returning.
    static func run(
        _ argv: [String], captureStdout: Bool = false, keepStderr: Bool = false,
        environment: [String: String] = [:]
    ) -> ChildResult {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeFDs: [Int32] = [-1, -1]
        if captureStdout {
            _ = pipeFDs.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
            posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        if !keepStderr { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }

        var env: [String] = []
        var i = 0
        while let p = environ[i] {
            let entry = String(cString: p)
            let key = entry.split(separator: "=", maxSplits: 1).first.map(String.init) ?? entry
            if environment[key] == nil { env.append(entry) }
            i += 1
        }
        for (k, v) in environment { env.append("\(k)=\(v)") }

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }

        var pid: pid_t = 0
        let start = now()
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard rc == 0 else {
            if captureStdout {
                close(pipeFDs[0])
                close(pipeFDs[1])
            }
            return ChildResult(status: -1, seconds: 0, maxRSSKB: 0, cpuSeconds: 0, stdout: [])
        }
        var output: [UInt8] = []
        if captureStdout {
            close(pipeFDs[1])
            var buf = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buf.withUnsafeMutableBytes { read(pipeFDs[0], $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                output += buf[0..<n]
            }
            close(pipeFDs[0])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = now() - start
        let exitCode: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return ChildResult(
            status: exitCode, seconds: seconds, maxRSSKB: Int(usage.ru_maxrss), cpuSeconds: cpu, stdout: output)
    }

    /// The peak memory of a command, in KB, measured from a small intermediate process.
    ///
    /// A child spawned straight from this (large) process inherits its high-water mark:
    /// on exec the kernel folds the old address space's peak into the child's `ru_maxrss`,
    /// and with posix_spawn that address space is ours. `sovtrack-bench spawn` starts
    /// small, runs the command, and writes the command's own peak to a file.
    /// Copies a file (for the writing commands, which each need the untouched feed).
    static func copyFile(_ from: String, to: String) throws {
        try FileSystem.writeAtomically(FileSystem.read(from), to: to)
    }

    /// The id of the first deal of a feed in the canonical layout.
    static func firstDealID(in file: String) throws -> String {
        let text = try String(decoding: FileSystem.read(file).prefix(1 << 16), as: UTF8.self)
        guard let key = text.range(of: "\"id\": \""), let end = text[key.upperBound...].firstIndex(of: "\"") else {
            throw BenchError("no deal id in \(file)")
        }
        return String(text[key.upperBound..<end])
    }

    static func peakMemoryKB(_ argv: [String], environment: [String: String] = [:]) -> Int {
        let file = "/tmp/sovtrack-bench-rss-\(getpid())"
        defer { unlink(file) }
        var env = environment
        env["SOVTRACK_BENCH_RSS_FILE"] = file
        _ = run([executablePath(), "spawn"] + argv, environment: env)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return 0 }
        return Int(text.filter(\.isNumber)) ?? 0
    }

    /// `sovtrack-bench spawn CMD...`: runs CMD and writes its peak memory (KB) where the
    /// environment says.
    static func spawnAndReport(_ argv: [String]) -> Never {
        let r = run(argv)
        if let file = ProcessInfo.processInfo.environment["SOVTRACK_BENCH_RSS_FILE"] {
            try? String(r.maxRSSKB).write(toFile: file, atomically: true, encoding: .utf8)
        }
        exit(r.status)
    }

    /// The path of this executable.
    static func executablePath() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        guard n > 0 else { return CommandLine.arguments[0] }
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The first executable called `name` on `$PATH`.
    static func which(_ name: String) -> String? {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// A new private directory under $TMPDIR (or /tmp).
    static func makeTemporaryDirectory() -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/sovtrack-bench.XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buf in
            guard let p = mkdtemp(buf.baseAddress!) else { return "\(base)/sovtrack-bench.\(getpid())" }
            return String(cString: p)
        }
    }

    /// Removes a directory and the plain files in it (the bench's own temp dir only).
    static func removeDirectory(_ path: String) {
        guard let d = opendir(path) else { return }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(d)
        for n in names { unlink("\(path)/\(n)") }
        rmdir(path)
    }

    /// The machine, for the report: CPU model, cores, memory, load.
    static func machineDescription() -> [String] {
        var lines: [String] = []
        if let cpu = try? readText("/proc/cpuinfo"),
            let model = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") })
        {
            lines.append(
                "CPU: " + (model.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters() } ?? "?"))
        }
        lines.append("cores online: \(sysconf(Int32(_SC_NPROCESSORS_ONLN)))")
        if let mem = try? readText("/proc/meminfo"),
            let total = mem.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal") })
        {
            let kb = Int(total.filter(\.isNumber)) ?? 0
            lines.append("memory: \(kb / 1024) MB")
        }
        lines.append("load average: \(loadAverage())")
        return lines
    }

    static func loadAverage() -> String {
        guard let text = try? readText("/proc/loadavg") else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

/// Reads a file without going through the store's error types (for /proc files, whose size is 0).
enum FileSystemBytes {
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BenchError("cannot open \(path)") }
        defer { close(fd) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Median of a non-empty list.
func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
