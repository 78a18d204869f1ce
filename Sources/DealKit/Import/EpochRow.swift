/// One data row of an Epoch file, read by column name.
public struct EpochRow: Sendable, Equatable {
    /// The line of the file the row starts on.
    public let line: Int
    /// The cells exactly as read.
    public let fields: [String]
    public let header: EpochHeader

    public init(line: Int, fields: [String], header: EpochHeader) {
        self.line = line
        self.fields = fields
        self.header = header
    }

    /// The cell of a column with its surrounding white space trimmed; "" if the file lacks the column.
    public subscript(_ column: String) -> String {
        guard let i = header.index(of: column), i < fields.count else { return "" }
        return EpochRow.trim(fields[i])
    }

    /// The cell of a column, or nil when it is empty or the file lacks the column.
    public func value(_ column: String) -> String? {
        let v = self[column]
        return v.isEmpty ? nil : v
    }

    /// True when the row has as many cells as the header.
    public var hasHeaderWidth: Bool { fields.count == header.cells.count }

    /// The text without leading and trailing spaces, tabs and line breaks.
    static func trim(_ s: String) -> String {
        // Nearly every cell has nothing to trim: say so from its first and last bytes.
        if let f = s.utf8.first, let l = s.utf8.last, f > 0x20, f < 0x80, l > 0x20, l < 0x80 { return s }
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = s.lastIndex(where: { !$0.isWhitespace }) ?? first
        return String(s[first...last])
    }
}
