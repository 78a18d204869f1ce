import Foundation

/// psql on the test cluster, for SQL a test runs beside sovtrack (creating databases, reading
/// tables, playing another client).
public enum Psql {
    /// Runs each statement with its own `-c` (each in its own transaction, as CREATE DATABASE
    /// needs) in one session at `url` with `password`, stopping at the first error unless told
    /// not to (then every statement is tried, and the run fails if the last one did); returns
    /// what psql printed (unaligned, tuples only), trimmed.
    @discardableResult
    public static func run(_ url: String, password: String, _ statements: [String], stopOnError: Bool = true) throws
        -> String
    {
        let p = process(url, password: password, statements, stopOnError: stopOnError)
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(
                domain: "psql", code: Int(p.terminationStatus),
                userInfo: [NSLocalizedDescriptionKey: String(decoding: errors, as: UTF8.self)])
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts the statements as `run` does and returns at once, with what psql prints discarded:
    /// its exit status says whether they all ran.
    public static func start(_ url: String, password: String, _ statements: [String], stopOnError: Bool = true)
        throws -> Process
    {
        let p = process(url, password: password, statements, stopOnError: stopOnError)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// The server's own psql (the newest installed), not Debian's /usr/bin/psql: that is a Perl
    /// script choosing a version, whose start cost more than psql's on every call.
    public static let executable: String = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for v in versions.compactMap(Int.init).sorted(by: >) {
            let path = "\(root)/\(v)/bin/psql"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return "/usr/bin/psql"
    }()

    private static func process(_ url: String, password: String, _ statements: [String], stopOnError: Bool) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        // psql reads the same URL (its sslmode too); -X: no ~/.psqlrc.
        p.arguments =
            ["-X", "-qAt", "-v", "ON_ERROR_STOP=\(stopOnError ? 1 : 0)", "-d", url] + statements.flatMap { ["-c", $0] }
        p.environment = ["PGPASSWORD": password, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        return p
    }
}
