#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few environment variables the dashboard reads, read once.
enum ProcessEnvironment {
    static func value(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }

    static var home: String? { value("HOME") }

    /// `NO_COLOR` set to anything non-empty asks for no colour (https://no-color.org).
    static var noColor: Bool { !(value("NO_COLOR") ?? "").isEmpty }
}
