/// The formats `list`, `summary` and `report` write (`report`: md and html only).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, md, html

    /// The extension of a file in this format (`table` is plain text: `txt`).
    public var fileExtension: String { self == .table ? "txt" : rawValue }

    /// The format a file name asks for (`.csv`, `.json`, `.md`, `.html`), if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".json") {
            self = .json
        } else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            self = .md
        } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            self = .html
        } else {
            return nil
        }
    }
}
