import Foundation

/// Writes RFC 4180 CSV that a spreadsheet opens as data, never as formulas.
public enum CSVWriter {
    /// Characters that make a spreadsheet treat a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell made inert (a leading `'` before a formula character) and quoted where needed.
    public static func field(_ s: String) -> String {
        var s = s
        // A cell already starting with the marker gets one more, so `restore` gives it back exactly.
        if let first = s.first, formulaStarts.contains(first) || (first == "'" && restore(s) != s) { s = "'" + s }
        let needsQuotes = s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, ending in CRLF as RFC 4180 says.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Undoes `field`'s neutralisation of a cell read back.
    public static func restore(_ s: String) -> String {
        guard s.first == "'", s.count > 1, formulaStarts.contains(s[s.index(after: s.startIndex)]) else { return s }
        return String(s.dropFirst())
    }
}
