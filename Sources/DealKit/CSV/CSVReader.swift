/// A CSV syntax error with the line it starts on.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { "\(line): \(message)" }
}

/// One record of a CSV file, with the line it starts on.
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
}

/// Reads RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks; LF or CRLF.
///
/// A reader hands out one record at a time (`next()`), so a file of millions of rows is
/// read in the memory of one row: the caller decides what to keep.
public struct CSVReader: Sendable {
    private let data: [UInt8]
    private var i: Int
    private var line = 1

    /// A reader of `data`, a byte-order mark skipped; the whole text must be UTF-8.
    public init(_ data: [UInt8]) throws {
        var start = 0
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { start = 3 }
        guard String(validating: data[start...], as: UTF8.self) != nil else {
            throw CSVError(line: Self.firstBadLine(data), message: "text is not valid UTF-8")
        }
        self.data = data
        i = start
    }

    /// A reader of `data` from a position an earlier reader of the same data reported (see
    /// ``position``), to read a record again without keeping it; the data was checked then.
    public init(resuming data: [UInt8], at position: Position) {
        self.data = data
        i = position.offset
        line = position.line
    }

    /// Where a record starts: its first byte and the line that byte is on.
    public struct Position: Sendable, Equatable {
        public var offset: Int
        public var line: Int
    }

    /// Where the next record starts (blank lines before it included, which reading skips again).
    public var position: Position { Position(offset: i, line: line) }

    /// Every record of the text, blank lines skipped.
    public static func parse(_ data: [UInt8]) throws -> [CSVRecord] {
        var reader = try CSVReader(data)
        var records: [CSVRecord] = []
        while let r = try reader.next() { records.append(r) }
        return records
    }

    /// The next record, blank lines skipped; nil at the end of the text.
    public mutating func next() throws -> CSVRecord? {
        while i < data.count {
            if let r = try record() { return r }
        }
        return nil
    }

    /// Reads up to the end of one line (past quoted line breaks); nil for a blank line.
    private mutating func record() throws -> CSVRecord? {
        var fields: [String] = []
        var field: [UInt8] = []
        let recordLine = line
        var inQuotes = false
        var wasQuoted = false
        var quoteLine = line
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func finish() -> CSVRecord? {
            endField()
            return fields.count == 1 && fields[0].isEmpty ? nil : CSVRecord(line: recordLine, fields: fields)
        }
        while i < data.count {
            let b = data[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < data.count && data[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x2C: endField()
            case 0x22:
                if field.isEmpty && !wasQuoted {
                    inQuotes = true
                    wasQuoted = true
                    quoteLine = line
                } else {
                    throw CSVError(
                        line: line,
                        message: "a quote inside an unquoted field; quote the whole field and double the quote")
                }
            case 0x0D, 0x0A:
                if b == 0x0D && i + 1 < data.count && data[i + 1] == 0x0A { i += 1 }
                i += 1
                line += 1
                return finish()
            default:
                if wasQuoted { throw CSVError(line: line, message: "text after a closing quote") }
                field.append(b)
            }
            i += 1
        }
        if inQuotes { throw CSVError(line: quoteLine, message: "a quoted field is never closed") }
        return finish()
    }

    private static func firstBadLine(_ data: [UInt8]) -> Int {
        var line = 1
        var lineStart = 0
        for (i, b) in data.enumerated() where b == 0x0A {
            if String(validating: data[lineStart..<i], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = i + 1
        }
        return line
    }
}
