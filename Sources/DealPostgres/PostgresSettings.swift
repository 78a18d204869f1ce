import DealKit
import Foundation

/// Where and how to reach a PostgreSQL store, from its URL and the libpq environment
/// (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`, `PGSSLROOTCERT`,
/// `PGPASSFILE`)
/// and `~/.pgpass`, as psql reads them, so that a team's existing set-up just works.
public struct PostgresSettings: Sendable, Equatable {
    /// libpq's `sslmode`, of which we honour what the client can do.
    public enum SSLMode: String, Sendable, Equatable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslmode: SSLMode
    /// The CA certificates (PEM) that verify-ca and verify-full trust: `sslrootcert` in the URL,
    /// else `PGSSLROOTCERT`, else `~/.postgresql/root.crt` when there is one, as libpq reads
    /// them; nil: the system's CAs.
    public var sslRootCert: String?
    /// The server's Unix socket, when the host is a directory (`?host=/var/run/postgresql`).
    public var socketPath: String? {
        host.hasPrefix("/") ? host + "/.s.PGSQL.\(port)" : nil
    }

    /// The URL as shown to the user: never with the password.
    public var display: String {
        let hostQuery = host.hasPrefix("/") ? "?host=\(host)" : ""
        let h = host.hasPrefix("/") ? "" : (host.contains(":") ? "[\(host)]" : host)
        return "postgresql://\(user)@\(h):\(port)/\(database)\(hostQuery)"
    }

    /// Reads a store URL, filling what it leaves out from `environment` and `.pgpass`.
    public init(url text: String, environment env: [String: String]) throws {
        let bad = { (why: String) in
            StoreError.database(path: PostgresSettings.redact(text), problem: .failed, reason: why)
        }
        guard let schemeEnd = text.range(of: "://") else { throw bad("not a postgresql:// URL") }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: [String: String] = [:]
        if let q = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: q)...].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2, let value = kv[1].removingPercentEncoding else {
                    throw bad("cannot read the URL parameter \(FeedIssue.quote(String(pair)))")
                }
                query[kv[0]] = value
            }
            rest = rest[..<q]
        }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        var user: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let auth = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = auth.firstIndex(of: ":") {
                user = String(auth[..<colon]).removingPercentEncoding
                password = String(auth[auth.index(after: colon)...]).removingPercentEncoding
            } else {
                user = String(auth).removingPercentEncoding
            }
        }
        var host = String(rest)
        var port: String?
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let after = host[host.index(after: close)...]
            port = after.hasPrefix(":") ? String(after.dropFirst()) : nil
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            port = String(host[host.index(after: colon)...])
            host = String(host[..<colon])
        }
        host = host.removingPercentEncoding ?? host
        func pick(_ values: String?...) -> String? { values.first { $0 != nil && !$0!.isEmpty } ?? nil }
        self.host = pick(query["host"], host, env["PGHOST"]) ?? "localhost"
        let portText = pick(query["port"], port, env["PGPORT"]) ?? "5432"
        guard let p = Int(portText), (1...65535).contains(p) else {
            throw bad("port \(FeedIssue.quote(portText)) is not a number from 1 to 65535")
        }
        self.port = p
        self.user = pick(query["user"], user, env["PGUSER"], env["USER"], env["LOGNAME"]) ?? "postgres"
        self.database = pick(query["dbname"], path.removingPercentEncoding, env["PGDATABASE"]) ?? self.user
        let mode = pick(query["sslmode"], env["PGSSLMODE"]) ?? "prefer"
        guard let m = SSLMode(rawValue: mode) else {
            throw bad(
                "sslmode \(FeedIssue.quote(mode)) is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        self.sslmode = m
        let home = env["HOME"] ?? NSHomeDirectory()
        let defaultRoot = home + "/.postgresql/root.crt"
        self.sslRootCert =
            pick(query["sslrootcert"], env["PGSSLROOTCERT"])
            ?? (FileManager.default.fileExists(atPath: defaultRoot) ? defaultRoot : nil)
        self.password = pick(password, query["password"], env["PGPASSWORD"])
        if self.password == nil {
            let file = env["PGPASSFILE"] ?? (home + "/.pgpass")
            self.password = PgPass.password(
                in: file, host: self.host, port: self.port, database: self.database, user: self.user)
        }
    }

    /// A URL with any password in it replaced by `***`, for messages about a URL that did not read.
    static func redact(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else {
            return text
        }
        return String(text[..<rest.index(after: colon)]) + "***" + String(text[at...])
    }
}
