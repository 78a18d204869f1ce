#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few environment variables the dashboard reads, each read once, on first use.
///
/// The process never changes its own environment, so a later read would only cost a `getenv`;
/// reading once also keeps `getenv` off any thread but the first caller's.
enum ProcessEnvironment {
    static let home: String? = value("HOME")

    /// The terminal type curses was started for ("" when unset).
    static let term: String = value("TERM") ?? ""

    /// `NO_COLOR` set to anything non-empty asks for no colour (https://no-color.org).
    static let noColor: Bool = !(value("NO_COLOR") ?? "").isEmpty

    private static func value(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }
}
