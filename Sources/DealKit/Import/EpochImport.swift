/// An Epoch AI GPU-clusters CSV file, read and mapped, ready to merge into a feed.
///
/// Reading does all the work that does not need the store (parsing, checking, mapping),
/// so that the store's lock is held only for the merge and the save.
public struct EpochImport: Sendable {
    /// Why a whole file cannot be imported.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// A CSV syntax error (an unclosed quote, say), at a line.
        case syntax(CSVError)
        /// The file has no header row.
        case empty
        /// The header lacks a column every Epoch file has.
        case notEpoch(missing: [String])

        public var description: String {
            switch self {
            case .syntax(let e): return "\(e.line): \(e.message)"
            case .empty: return "the file is empty; expected Epoch AI's GPU clusters CSV"
            case .notEpoch(let missing):
                return "not Epoch AI's GPU clusters CSV: the header has no "
                    + missing.map { "\"\($0)\"" }.joined(separator: ", ") + " column"
            }
        }
    }

    /// A row that became a deal.
    public struct Item: Sendable {
        public var id: String { mapped.deal.id }
        public var mapped: EpochMapper.Mapped
    }

    public let header: EpochHeader
    /// Data rows in the file.
    public let rowsRead: Int
    /// The deals, in file order.
    public let items: [Item]
    /// The rows that cannot be deals, in file order.
    public let rejections: [EpochRejection]

    /// Reads and maps a file; `progress` is told `(rows done, rows)` as it goes.
    public static func read(_ data: [UInt8], progress: ((Int, Int) -> Void)? = nil) throws(Refusal) -> EpochImport {
        let records: [CSVRecord]
        do { records = try CSVReader.parse(data) } catch let e as CSVError { throw .syntax(e) } catch { throw .empty }
        guard let first = records.first else { throw .empty }
        let header = EpochHeader(first.fields)
        let missing = header.missingRequired
        guard missing.isEmpty else { throw .notEpoch(missing: missing) }

        let rows = records.dropFirst().map { EpochRow(line: $0.line, fields: $0.fields, header: header) }
        var outcome: [EpochRejection?] = rows.map(EpochMapper.check)
        let ids = EpochID.assign(rows)
        let mapper = EpochMapper(rows: rows, ids: ids, accepted: outcome.map { $0 == nil })
        var items: [Item] = []
        items.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            if i % 64 == 0 { progress?(i, rows.count) }
            guard outcome[i] == nil else { continue }
            switch mapper.map(row, at: i) {
            case .success(let mapped): items.append(Item(mapped: mapped))
            case .failure(let rejection): outcome[i] = rejection
            }
        }
        progress?(rows.count, rows.count)
        return EpochImport(header: header, rowsRead: rows.count, items: items, rejections: outcome.compactMap { $0 })
    }

    /// Merges the deals into a feed by id and reports what changed.
    public func merge(into feed: inout Feed) -> EpochReport {
        let incoming = items.map { item in
            (id: item.id, make: { (base: Deal?) in EpochMapper.merge(item.mapped, onto: base) })
        }
        let result = Importer.merge(incoming, into: &feed)
        let produced = Set(items.map(\.id))
        let stale = feed.deals
            .filter { d in !produced.contains(d.id) && d.extra.contains { $0.key == EpochMapper.extraKey } }
            .map(\.id)
            .sorted()
        return EpochReport(rowsRead: rowsRead, merge: result, rejections: rejections, notInFile: stale)
    }

    /// What merging into `feed` would do, which is not changed (`--dry-run`); throws
    /// `StoreError.invalidChange` when the merged feed would not be valid, as a save would.
    public func preview(_ feed: Feed) throws(StoreError) -> EpochReport {
        var merged = feed
        let report = merge(into: &merged)
        try Importer.refuseInvalid(merged)
        return report
    }

    /// The rejected rows as CSV: the header and the rows exactly as read, quoted per RFC 4180.
    ///
    /// Cells are written as they were (no spreadsheet-formula escaping), so a fixed rejects
    /// file can be imported again.
    public func rejectsCSV() -> [UInt8] {
        var out: [UInt8] = []
        func line(_ cells: [String]) {
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(0x2C) }
                let quote = cell.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                if !quote {
                    out.append(contentsOf: cell.utf8)
                    continue
                }
                out.append(0x22)
                for b in cell.utf8 {
                    if b == 0x22 { out.append(0x22) }
                    out.append(b)
                }
                out.append(0x22)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        line(header.cells)
        for r in rejections { line(r.row.fields) }
        return out
    }
}
