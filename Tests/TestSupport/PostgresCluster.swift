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

    private static func script(_ action: String) throws {
        guard let dir = directory else { throw XCTSkip("no PostgreSQL test cluster (SOVTRACK_TEST_PG_DIR unset)") }
        let p = Process()
        p.executableURL = PackageRoot.file("scripts/pg-test-cluster.sh")
        p.arguments = [action, dir]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(description: "pg-test-cluster.sh \(action): \(String(decoding: message, as: UTF8.self))")
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }
}
