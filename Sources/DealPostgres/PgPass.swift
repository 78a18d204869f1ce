import Foundation

/// The password file libpq reads (`~/.pgpass`, or `$PGPASSFILE`): lines of
/// `host:port:database:user:password`, each field `*` for any, `\:` and `\\` escaped.
enum PgPass {
    /// The password of the first line that matches, or nil. A file others may read is
    /// ignored, as libpq ignores it, since a password in it is no secret.
    static func password(in file: String, host: String, port: Int, database: String, user: String) -> String? {
        var st = stat()
        guard stat(file, &st) == 0, st.st_mode & 0o077 == 0,
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        else { return nil }
        let socketHost = host.hasPrefix("/") ? "localhost" : host
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [socketHost, String(port), database, user]
            if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// A line's fields, its escapes undone.
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
