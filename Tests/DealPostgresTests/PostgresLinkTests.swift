import DealKit
import Foundation
import TestSupport
import XCTest

@testable import DealPostgres

/// TLS against the test cluster, whose certificate is self-signed (`scripts/pg-test-cluster.sh`).
final class PostgresLinkTests: XCTestCase {
    /// The scratch database's settings with `query` for its URL's parameters, at `host`.
    private func settings(_ db: ScratchDatabase, _ query: String, host: String = "127.0.0.1") throws
        -> PostgresSettings
    {
        let url = db.url.replacingOccurrences(of: "?sslmode=disable", with: "?" + query)
            .replacingOccurrences(of: "@127.0.0.1:", with: "@\(host):")
        return try PostgresSettings(
            url: url, environment: db.environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
    }

    /// Whether the server says this session is encrypted.
    private func encrypted(_ settings: PostgresSettings) throws -> Bool? {
        let link = try TimeLimit.run(15, "connecting with sslmode=\(settings.sslmode.rawValue)") {
            try PostgresLink.open(settings)
        }
        defer { link.close() }
        return try link.value("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", as: Bool.self)
    }

    func testRequireAndPreferTalkTLSAndDisableDoesNot() throws {
        let db = try ScratchDatabase.make(self)
        XCTAssertEqual(try encrypted(settings(db, "sslmode=require")), true)
        XCTAssertEqual(try encrypted(settings(db, "sslmode=prefer")), true, "the default, when the server offers TLS")
        XCTAssertEqual(try encrypted(settings(db, "sslmode=disable")), false)
    }

    func testVerifyFullRefusesAnUntrustedCertificateInOneLine() throws {
        let db = try ScratchDatabase.make(self)
        let s = try settings(db, "sslmode=verify-full", host: "localhost")
        XCTAssertThrowsError(try encrypted(s)) { error in
            XCTAssertEqual(
                "\(error)",
                "\(s.display): the server's TLS certificate is not trusted by the system's CAs (sslrootcert=FILE names another) (sslmode=verify-full)"
            )
            guard case .database(_, let problem, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(problem, .unreachable)
        }
    }

    func testVerifyFullAndVerifyCATrustTheCertificateThatSslrootcertNames() throws {
        let db = try ScratchDatabase.make(self)
        guard let ca = PostgresCluster.certificate else {
            throw XCTSkip("the test cluster gives no certificate (SOVTRACK_TEST_PG_CA unset)")
        }
        XCTAssertEqual(try encrypted(settings(db, "sslmode=verify-full&sslrootcert=\(ca)", host: "localhost")), true)
        XCTAssertEqual(try encrypted(settings(db, "sslmode=verify-ca&sslrootcert=\(ca)")), true)
        let plain = try settings(db, "sslmode=disable")
        let fromEnvironment = try PostgresSettings(
            url: "postgresql://\(plain.user)@localhost:\(plain.port)/\(plain.database)",
            environment: db.environment.merging(["PGSSLMODE": "verify-full", "PGSSLROOTCERT": ca]) { a, _ in a })
        XCTAssertEqual(fromEnvironment.sslRootCert, ca)
        XCTAssertEqual(try encrypted(fromEnvironment), true)
    }
}

/// A hostile or mistaken `sslrootcert` is refused in one line that names the file, before the
/// TLS library reads it (a FIFO would block, `/dev/zero` never ends) and without its internals.
final class PostgresRootCertTests: XCTestCase {
    private func refusal(_ root: String) -> String {
        do {
            let s = try PostgresSettings(
                url: "postgresql://u@127.0.0.1:1/db?sslmode=verify-full&sslrootcert=\(root)",
                environment: ["HOME": "/nonexistent"])
            _ = try PostgresLink.configuration(s)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    func testACAFileThatIsNoCertificateIsRefusedInOneLineNamingIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rootcert-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("not-a-cert.pem")
        try Data("hello\n".utf8).write(to: text)
        let fifo = dir.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let cases = [
            ("/dev/zero", "is not a regular file"), (fifo, "is not a regular file"),
            (dir.appendingPathComponent("missing").path, "cannot be read"),
            (text.path, "no CA certificate (PEM) could be read from \(text.path)"),
        ]
        for (root, expected) in cases {
            let message = refusal(root)
            XCTAssertTrue(message.contains(expected), "\(root): \(message)")
            XCTAssertTrue(message.contains(root), "names the file: \(message)")
            XCTAssertFalse(message.contains("OPENSSL") || message.contains(".cc"), "internals: \(message)")
            XCTAssertFalse(message.contains("\n"), message)
        }
    }
}
