import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to its end with posix_spawn and waitpid, its output caught in a file.
///
/// Not Foundation's Process: a program that starts a daemon (tmux's first client forks the
/// server, `pg-test-cluster.sh up` starts PostgreSQL) leaves the daemon holding its descriptors,
/// and Process, reading a pipe to its end, never sees the program end.
public enum ChildProcess {
    /// Which of the program's output streams is kept; the other is discarded or joined to it.
    public enum Capture: Sendable {
        /// Standard output and standard error together, in the order written.
        case outputAndErrors
        /// Standard error only (standard output to /dev/null).
        case errors
    }

    /// How the program ended and what it wrote to the stream kept.
    public struct Exit: Sendable {
        /// True when it exited with status 0 (not killed by a signal).
        public let succeeded: Bool
        public let text: String
    }

    /// The program could not be started at all.
    public struct SpawnFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `arguments` (the first, a path, is the program), its standard input /dev/null, and
    /// waits for it to end.
    public static func run(_ arguments: [String], capture: Capture) throws -> Exit {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)").path
        defer { unlink(path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // Nothing of the test process's past 2: a daemon it starts (the PostgreSQL server a
        // fault test starts again) kept a helper's pipe open, and the helper (a Python waiting
        // for the end of its input) ran on after the tests. glibc ignores one closed meanwhile.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        switch capture {
        case .outputAndErrors:
            posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        case .errors:
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard rc == 0 else {
            throw SpawnFailure(description: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        // WIFEXITED && WEXITSTATUS == 0, spelled out: the C macros do not import.
        return Exit(succeeded: status & 0x7F == 0 && (status >> 8) & 0xFF == 0, text: text)
    }
}
