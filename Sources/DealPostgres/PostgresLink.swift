import DealKit
import Foundation
import PostgresNIO
import Synchronization

/// One connection to the server, used from synchronous code: each call blocks its thread
/// until the server has answered, so that the commands and the dashboard, which are not
/// async, drive a transaction step by step between their own Swift code.
///
/// The thread waits on postgres-nio's futures themselves, not on a task: a statement wakes
/// only the connection's event loop and then this thread, where a task and a semaphore woke
/// two more threads each time (and started the concurrency runtime's for a one-edit command).
///
/// Every statement is a `PostgresQuery`, whose interpolations are bound parameters: no value
/// ever becomes SQL text.
final class PostgresLink: Sendable {
    let connection: PostgresConnection
    let settings: PostgresSettings
    let logger: Logger
    /// Never lets a statement wait for a connection that has closed.
    private let statements: StatementGuard

    private init(connection: PostgresConnection, settings: PostgresSettings, logger: Logger) {
        self.connection = connection
        self.settings = settings
        self.logger = logger
        statements = StatementGuard(connection)
    }

    /// Connects and logs in, or throws a `StoreError.database` naming what went wrong.
    static func open(_ settings: PostgresSettings) throws -> PostgresLink {
        let logger = quietLogger
        let config = try configuration(settings)
        do {
            let connection = try PostgresConnection.connect(
                on: loop, configuration: config, id: 1, logger: logger
            ).wait()
            return PostgresLink(connection: connection, settings: settings, logger: logger)
        } catch {
            throw storeError(error, settings)
        }
    }

    /// The event loop of every connection in the process (this one's and the watch's): one
    /// thread, started on first use. postgres-nio's default group starts one per core, which
    /// a command waiting on one statement at a time never uses.
    static let loop: any EventLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()

    /// postgres-nio's log, of which only what is critical is kept: errors reach the user as one line each.
    static var quietLogger: Logger {
        var quiet = Logger(label: "sovtrack.postgres")
        quiet.logLevel = .critical
        return quiet
    }

    /// True when the server or the network closed the connection: it cannot be used again.
    var isClosed: Bool { statements.isClosed }

    static func configuration(_ s: PostgresSettings) throws -> PostgresConnection.Configuration {
        if let socket = s.socketPath {
            return .init(unixSocketPath: socket, username: s.user, password: s.password, database: s.database)
        }
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch s.sslmode {
            case .disable: tls = .disable
            case .allow, .prefer, .require:
                var c = TLSConfiguration.makeClientConfiguration()
                c.certificateVerification = .none
                let context = try NIOSSLContext(configuration: c)
                tls = s.sslmode == .require ? .require(context) : .prefer(context)
            case .verifyCA, .verifyFull:
                var c = TLSConfiguration.makeClientConfiguration()
                c.certificateVerification = s.sslmode == .verifyFull ? .fullVerification : .noHostnameVerification
                if let root = s.sslRootCert {
                    try checkRootCertFile(root, settings: s)
                    c.trustRoots = .file(root)
                }
                tls = .require(try NIOSSLContext(configuration: c))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            // The TLS library's error names its own source files and codes: say what the user can act on.
            let what = s.sslRootCert.map { "no CA certificate (PEM) could be read from \($0) (sslrootcert)" }
            throw StoreError.database(
                path: s.display, problem: .failed, reason: "cannot set up TLS: \(what ?? "the TLS library refused")")
        }
        return .init(host: s.host, port: s.port, username: s.user, password: s.password, database: s.database, tls: tls)
    }

    /// Refuses a CA file that is not a regular file of a sensible size before the TLS library
    /// reads it: a FIFO would block and `/dev/zero` would never end.
    static func checkRootCertFile(_ path: String, settings s: PostgresSettings) throws {
        var st = stat()
        let why: String?
        if stat(path, &st) != 0 {
            why = "cannot be read (\(String(cString: strerror(errno))))"
        } else if st.st_mode & S_IFMT != S_IFREG {
            why = "is not a regular file"
        } else if st.st_size > 4 << 20 {
            why = "is larger than 4 MiB, more than a CA bundle"
        } else {
            why = nil
        }
        if let why {
            throw StoreError.database(
                path: s.display, problem: .failed, reason: "cannot set up TLS: the CA file \(path) (sslrootcert) \(why)"
            )
        }
    }

    /// Sends a statement (`BEGIN`) without waiting for its answer: the next statement waits
    /// for it first and fails with its error. postgres-nio sends the next one as soon as this
    /// one is answered, from the event loop, without a turn through the waiting thread.
    func send(_ query: PostgresQuery) {
        let sent = connection.query(query, logger: logger).map { _ in () }
        unanswered.withLock { u in u = u.map { $0.and(sent).map { _ in () } } ?? sent }
    }

    /// What `send` sent, not yet waited for.
    private let unanswered = Mutex<EventLoopFuture<Void>?>(nil)

    /// Runs a statement, discarding any rows.
    func run(_ query: PostgresQuery) throws {
        // Read to the end, so that the statement is complete before the next is sent.
        _ = try rows(query) { _ in () }
    }

    /// Runs a query and turns each row into a value, as the row arrives (on the event loop),
    /// so that a large result is never held twice.
    func rows<R: Sendable>(_ query: PostgresQuery, _ each: @escaping @Sendable (PostgresRow) throws -> R) throws -> [R]
    {
        do {
            return try serverRows(query, each)
        } catch {
            throw PostgresLink.storeError(error, settings)
        }
    }

    /// As `rows`, or nil when the server has no table (or column) the query names: the
    /// transaction is then aborted, and the caller rolls it back.
    func rowsIfTablesExist<R: Sendable>(
        _ query: PostgresQuery, _ each: @escaping @Sendable (PostgresRow) throws -> R
    ) throws -> [R]? {
        do {
            return try serverRows(query, each)
        } catch let error as PSQLError where ["42P01", "42703"].contains(error.serverInfo?[.sqlState]) {
            return nil
        } catch {
            throw PostgresLink.storeError(error, settings)
        }
    }

    /// The rows of a query, the error as postgres-nio (or the guard) gave it.
    private func serverRows<R: Sendable>(
        _ query: PostgresQuery, _ each: @escaping @Sendable (PostgresRow) throws -> R
    ) throws -> [R] {
        let (c, l) = (connection, logger)
        let out = Rows<R>()
        let sent = unanswered.withLock { u in
            defer { u = nil }
            return u
        }
        _ = try statements.wait {
            let mine = c.query(query, logger: l) { out.values.append(try each($0)) }
            // Sent after what `send` sent, which answers first: its error is the one to tell.
            return sent.map { $0.flatMap { _ in mine } } ?? mine
        }
        // The future's completion orders every append before this read.
        return out.values
    }

    /// The one value of a query's first row, nil when it has none.
    func value<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type) throws -> T? {
        try rows(query) { try $0.decode(T.self) }.first
    }

    func close() {
        if connection.isClosed { return }
        try? connection.close().wait()
    }

    /// The error a user sees: one line, naming the store (never its password) and the problem.
    static func storeError(_ error: any Error, _ s: PostgresSettings) -> any Error {
        if error is StoreError || error is StoreSession.Conflict { return error }
        let name = s.display
        if error is StatementGuard.Closed { return lost(s, why: nil) }
        if let why = untrustedCertificate(error, s) {
            return StoreError.database(path: name, problem: .unreachable, reason: why)
        }
        guard let e = error as? PSQLError else {
            return StoreError.database(path: name, problem: .failed, reason: "\(error)")
        }
        let message = e.serverInfo?[.message] ?? ""
        switch e.code {
        case .server:
            let state = e.serverInfo?[.sqlState] ?? ""
            switch state {
            case "28P01", "28000":
                return StoreError.database(
                    path: name, problem: .authentication, reason: "the server refused the login: \(message)")
            case "3D000":
                return StoreError.database(
                    path: name, problem: .noDatabase, reason: "no such database on the server (\(message))")
            case _ where state.hasPrefix("57P"):
                // Operator intervention: the server shutting down, restarting, or ending this session.
                if state == "57P03" {
                    return StoreError.database(
                        path: name, problem: .unreachable, reason: "the server is not accepting connections: \(message)"
                    )
                }
                return lost(s, why: message)
            case "42501":
                return StoreError.database(
                    path: name, problem: .permission,
                    reason: "permission denied: \(message); the store is unchanged (the role may only read)")
            default:
                return StoreError.database(
                    path: name, problem: .failed,
                    reason: "the server refused: \(message) (SQLSTATE \(state)); the store is unchanged")
            }
        case .authMechanismRequiresPassword:
            return StoreError.database(
                path: name, problem: .authentication,
                reason: "the server wants a password and none was given (PGPASSWORD, ~/.pgpass or the URL)")
        case .connectionError:
            let detail = e.underlying.map { "\($0)" } ?? ""
            let target = s.socketPath ?? "\(s.host) port \(s.port)"
            let why =
                detail.contains("UnknownHost")
                ? "unknown host \(s.host)"
                : detail.contains("refused")
                    ? "connection refused at \(target)"
                    : detail.isEmpty ? "no answer from \(target)" : "\(target): \(detail)"
            return StoreError.database(path: name, problem: .unreachable, reason: "cannot reach the server: \(why)")
        case .sslUnsupported:
            return StoreError.database(
                path: name, problem: .failed,
                reason: "the server does not offer TLS, which sslmode=\(s.sslmode.rawValue) requires")
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return lost(s, why: nil)
        default:
            return StoreError.database(
                path: name, problem: .failed, reason: "\(e.code)\(message.isEmpty ? "" : ": " + message)")
        }
    }
}

extension PostgresLink {
    /// Why the server's TLS certificate was refused (verify-ca, verify-full), or nil when it was not.
    static func untrustedCertificate(_ error: any Error, _ s: PostgresSettings) -> String? {
        let underlying = (error as? PSQLError)?.underlying.map { String(reflecting: $0) } ?? ""
        let text = String(reflecting: error) + " " + underlying
        guard text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("unableToValidateCertificate") else {
            return nil
        }
        let trusted = s.sslRootCert.map { "the CA in \($0)" } ?? "the system's CAs (sslrootcert=FILE names another)"
        return "the server's TLS certificate is not trusted by \(trusted) (sslmode=\(s.sslmode.rawValue))"
    }

    /// The connection was lost: what was under way is reported failed, and the server, whose
    /// transactions are all or nothing, kept none of it.
    static func lost(_ s: PostgresSettings, why: String?) -> StoreError {
        StoreError.database(
            path: s.display, problem: .failed,
            reason:
                "the connection to the server was lost\(why.map { " (\($0))" } ?? ""); nothing half-written was kept")
    }
}

/// The values of a statement's rows, appended on the connection's event loop (one at a time,
/// in order) and read by the waiting thread once the statement's future has completed.
private final class Rows<R>: @unchecked Sendable {
    var values: [R] = []
}
