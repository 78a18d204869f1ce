/// The formats `list` and `summary` write.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, md

    /// The format a file name asks for (`.csv`, `.json`, `.md`), if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { self = .csv } else if lower.hasSuffix(".json") { self = .json } else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .md } else { return nil }
    }
}
