/// Where the store lives when the user does not say.
public enum StoreLocation {
    /// `--store`, else `$SOVTRACK_STORE`, else `$XDG_DATA_HOME/sovtrack/deals.json`
    /// (`~/.local/share/sovtrack/deals.json` without it). `isDefault` is true only for
    /// the last, the one place that is created from the bundled dataset on first use.
    public static func resolve(explicit: String?, environment: [String: String]) -> (path: String, isDefault: Bool) {
        if let explicit, !explicit.isEmpty { return (explicit, false) }
        if let env = environment["SOVTRACK_STORE"], !env.isEmpty { return (env, false) }
        let data: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = xdg
        } else {
            data = (environment["HOME"] ?? ".") + "/.local/share"
        }
        return (data + "/sovtrack/deals.json", true)
    }

    /// True for a PostgreSQL URL (`postgresql://…`, `postgres://…`), which names a database
    /// store; anything else names a file.
    public static func isDatabase(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }
}
