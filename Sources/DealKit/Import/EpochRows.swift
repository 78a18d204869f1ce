/// The data rows of an Epoch file, kept as where each row starts in the file's bytes and read
/// again when asked for.
///
/// The mapping needs the whole file (ids, links between rows, the file's latest date), but
/// holding every row's cells as strings took about 25 times the file: a 27.9 MB file of
/// 400,000 near-empty rows peaked at 700 MB. A row's position is 8 bytes, and the bytes are
/// the file's own, which the caller holds anyway; a row costs its parse each time it is read.
public struct EpochRows: Sendable {
    public let header: EpochHeader
    private let data: [UInt8]
    /// Each row's first byte and its line, as 32-bit numbers (a file is at most 4 GiB, see ``read(_:)``).
    private var offsets: [UInt32] = []
    private var lines: [UInt32] = []

    /// The number of data rows.
    public var count: Int { offsets.count }

    private init(header: EpochHeader, data: [UInt8]) {
        self.header = header
        self.data = data
    }

    /// Reads the whole file once: checks its syntax (an error anywhere refuses the file),
    /// then its header, and notes where each row starts.
    public static func read(_ data: [UInt8]) throws(EpochImport.Refusal) -> EpochRows {
        guard data.count < Int(UInt32.max) else { throw .tooLarge }
        var headerCells: [String]?
        var offsets: [UInt32] = []
        var lines: [UInt32] = []
        do {
            var reader = try CSVReader(data)
            headerCells = try reader.next()?.fields
            while true {
                let at = reader.position
                guard try reader.next() != nil else { break }
                offsets.append(UInt32(at.offset))
                lines.append(UInt32(truncatingIfNeeded: at.line))
            }
        } catch let e as CSVError {
            throw .syntax(e)
        } catch {
            throw .empty
        }
        guard let headerCells else { throw .empty }
        let header = EpochHeader(headerCells)
        let missing = header.missingRequired
        guard missing.isEmpty else { throw .notEpoch(missing: missing) }
        var rows = EpochRows(header: header, data: data)
        rows.offsets = offsets
        rows.lines = lines
        return rows
    }

    /// The row at `index` (0 is the first row after the header), read again from the file's bytes.
    public subscript(index: Int) -> EpochRow {
        var reader = CSVReader(
            resuming: data, at: CSVReader.Position(offset: Int(offsets[index]), line: Int(lines[index])))
        // The row was read whole by `read(_:)`, so it reads again; an empty row stands in for
        // the impossible failure rather than a crash.
        let record = try? reader.next()
        return EpochRow(line: record?.line ?? Int(lines[index]), fields: record?.fields ?? [], header: header)
    }

    /// Calls `body` with each row's index and the row, in file order, reading the file once.
    public func forEachRow(_ body: (Int, EpochRow) throws -> Void) rethrows {
        guard let first = offsets.first, let line = lines.first else { return }
        var reader = CSVReader(resuming: data, at: CSVReader.Position(offset: Int(first), line: Int(line)))
        for index in offsets.indices {
            guard let record = try? reader.next() else { return }
            try body(index, EpochRow(line: record.line, fields: record.fields, header: header))
        }
    }

    /// Calls `body` with the index and `Name` of each row that has one, in file order.
    public func forEachName(_ body: (Int, String) -> Void) {
        forEachRow { index, row in
            if let name = row.value(EpochColumn.name) { body(index, name) }
        }
    }
}
