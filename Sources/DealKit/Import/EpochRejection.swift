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

    /// The row as read, written back unchanged to the rejects file.
    public let row: EpochRow
    public let reason: Reason
    /// What exactly is wrong, e.g. `Country "Europa" is not a known country`.
    public let detail: String

    public init(row: EpochRow, reason: Reason, detail: String) {
        self.row = row
        self.reason = reason
        self.detail = detail
    }

    /// `line 40 "EU AI Gigafactory #1"`: where to find the row.
    public var position: String {
        let name = row[EpochColumn.name]
        return name.isEmpty ? "line \(row.line)" : "line \(row.line) \(FeedIssue.quote(name))"
    }
}
