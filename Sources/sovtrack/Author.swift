import DealKit
import Foundation

/// Who is making a change, for the history: `$SOVTRACK_AUTHOR`, else git's `user.name` when
/// the store is in a git work tree, else the login name.
enum Author {
    static func resolve(store: String, environment env: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let a = env["SOVTRACK_AUTHOR"]?.trimmingCharacters(in: .whitespacesAndNewlines), !a.isEmpty { return a }
        let dir = FileSystem.directory(of: FileSystem.resolvingLinks(store))
        if !StoreLocation.isDatabase(store),
            Git.run(["-C", dir, "rev-parse", "--is-inside-work-tree"])?.output.hasPrefix("true") == true,
            let name = Git.run(["-C", dir, "config", "user.name"])?.output.trimmingCharacters(
                in: .whitespacesAndNewlines), !name.isEmpty
        {
            return name
        }
        for key in ["LOGNAME", "USER"] { if let u = env[key], !u.isEmpty { return u } }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}
