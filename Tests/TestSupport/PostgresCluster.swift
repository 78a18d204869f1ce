import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The throwaway PostgreSQL cluster the database tests run on (`scripts/pg-test-cluster.sh`),
/// for the fault tests that stop its server under a running sovtrack and start it again.
public enum PostgresCluster {
    /// The cluster's directory, from `SOVTRACK_TEST_PG_DIR`.
    public static var directory: String? { ProcessInfo.processInfo.environment["SOVTRACK_TEST_PG_DIR"] }

    /// The cluster's self-signed TLS certificate, from `SOVTRACK_TEST_PG_CA`.
    public static var certificate: String? { ProcessInfo.processInfo.environment["SOVTRACK_TEST_PG_CA"] }

    /// Stops the server, ending every session (their transactions rolled back), as a restart does.
    public static func down() throws { try script("down") }

    /// Starts the server again, with the same port, socket and TLS; returns once it accepts connections.
    public static func up() throws { try script("up") }

    /// Runs the script with posix_spawn and waitpid, not Foundation's Process: `up` starts the
    /// server, which inherits the script's descriptors, and Process then never sees the script end.
    private static func script(_ action: String) throws {
        guard let dir = directory else { throw XCTSkip("no PostgreSQL test cluster (SOVTRACK_TEST_PG_DIR unset)") }
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("pg-cluster-\(UUID().uuidString)")
            .path
        defer { unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let script = PackageRoot.file("scripts/pg-test-cluster.sh").path
        let words: [String] = [script, action, dir]
        let argv = words.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, script, &actions, nil, argv, environ)
        guard rc == 0 else { throw Failure(description: "cannot run \(script): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED && WEXITSTATUS == 0, spelled out: the C macros do not import.
        if status & 0x7F != 0 || (status >> 8) & 0xFF != 0 {
            let message = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw Failure(description: "pg-test-cluster.sh \(action): \(message)")
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }
}
