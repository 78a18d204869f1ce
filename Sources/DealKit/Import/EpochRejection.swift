/// A row that cannot become a valid deal, and why; never dropped silently.
public struct EpochRejection: Error, Sendable, Equatable {
    /// Why a row was rejected; the report counts rows by reason.
    public enum Reason: String, Sendable, Hashable, CaseIterable, Comparable {
        case wrongWidth = "wrong number of fields"
        case noName = "no name"
        case noCountry = "no country"
        case unknownCountry = "unknown country"
        case unknownStatus = "unknown status"
        case unknownCertainty = "unknown certainty"
        case badNumber = "not a number"
        case noDate = "no date"
        case badDate = "date out of range"
        case invalidDeal = "invalid deal"

        /// The label the report shows.
        public var label: String { rawValue }

        public static func < (a: Self, b: Self) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The line of the file the row starts on.
    public let line: Int
    /// The row's `Name`, trimmed; "" when it has none.
    public let name: String
    public let reason: Reason
    /// What exactly is wrong, e.g. `Country "Europa" is not a known country`.
    public let detail: String

    /// A rejection that keeps only where the row is, not its cells: an import may reject
    /// millions of rows (the rejects file reads them again from the input).
    public init(line: Int, name: String, reason: Reason, detail: String) {
        self.line = line
        self.name = name
        self.reason = reason
        self.detail = detail
    }

    public init(row: EpochRow, reason: Reason, detail: String) {
        self.init(line: row.line, name: row[EpochColumn.name], reason: reason, detail: detail)
    }

    /// `line 40 "EU AI Gigafactory #1"`: where to find the row.
    public var position: String {
        name.isEmpty ? "line \(line)" : "line \(line) \(FeedIssue.quote(name))"
    }
}
