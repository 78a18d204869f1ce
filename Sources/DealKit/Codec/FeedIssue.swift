/// One problem found in a feed, with where it is.
public struct FeedIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// Where in the document the problem is.
    public enum Location: Sendable, Equatable {
        /// A key path such as `deals[3].country`.
        case path(String)
        /// A 1-based line and column, for syntax errors.
        case position(line: Int, column: Int)
        /// The document as a whole (an empty file, say).
        case document
    }

    public let severity: Severity
    public let location: Location
    public let message: String

    public init(_ severity: Severity, _ location: Location, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ path: String, _ message: String) -> FeedIssue {
        FeedIssue(.error, .path(path), message)
    }

    public static func warning(_ path: String, _ message: String) -> FeedIssue {
        FeedIssue(.warning, .path(path), message)
    }

    public var isError: Bool { severity == .error }

    /// The same issue with `deals[i]` in its path made `deals[i + offset]`, for issues found
    /// in a piece of the deals array read on its own.
    func renumberingDeal(by offset: Int) -> FeedIssue {
        guard case .path(let p) = location, p.hasPrefix("deals["),
            let close = p.firstIndex(of: "]"),
            let i = Int(p[p.index(p.startIndex, offsetBy: 6)..<close])
        else { return self }
        return FeedIssue(severity, .path("deals[\(i + offset)]" + p[close...].dropFirst()), message)
    }

    /// `path: message`, `LINE:COLUMN: message` or `message`.
    public var description: String {
        let text = severity == .warning ? "warning: \(message)" : message
        switch location {
        case .path(let p): return "\(p): \(text)"
        case .position(let l, let c): return "\(l):\(c): \(text)"
        case .document: return text
        }
    }

    /// The one-line form a user sees: `FILE: deals[3].country: ...` or `FILE:LINE:COLUMN: ...`.
    public func formatted(file: String) -> String {
        if case .position = location { return "\(file):\(description)" }
        return "\(file): \(description)"
    }

    /// A feed value quoted for a message: made safe for a terminal and kept short.
    public static func quote(_ s: String) -> String {
        let safe = SafeText.sanitize(s)
        let short = safe.count > 60 ? String(safe.prefix(59)) + "…" : safe
        return "\"\(short)\""
    }
}
