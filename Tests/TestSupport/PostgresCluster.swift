import Foundation
import XCTest

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

    /// Runs the script to its end (`ChildProcess`: `up` starts the server, which inherits the
    /// script's descriptors).
    private static func script(_ action: String) throws {
        guard let dir = directory else { throw XCTSkip("no PostgreSQL test cluster (SOVTRACK_TEST_PG_DIR unset)") }
        let exit = try ChildProcess.run(
            [PackageRoot.file("scripts/pg-test-cluster.sh").path, action, dir], capture: .errors)
        if !exit.succeeded { throw Failure(description: "pg-test-cluster.sh \(action): \(exit.text)") }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }
}
