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
        /// The file is 4 GiB or more (a row is found by a 32-bit position).
        case tooLarge

        public var description: String {
            switch self {
            case .syntax(let e): return "\(e.line): \(e.message)"
            case .empty: return "the file is empty; expected Epoch AI's GPU clusters CSV"
            case .notEpoch(let missing):
                return "not Epoch AI's GPU clusters CSV: the header has no "
                    + missing.map { "\"\($0)\"" }.joined(separator: ", ") + " column"
            case .tooLarge: return "the file is 4 GiB or more, far more than any Epoch file"
            }
        }
    }

    /// A row that became a deal.
    public struct Item: Sendable {
        public var id: String { mapped.deal.id }
        public var mapped: EpochMapper.Mapped
    }

    public var header: EpochHeader { rows.header }
    /// Data rows in the file.
    public var rowsRead: Int { rows.count }
    /// The deals, in file order.
    public let items: [Item]
    /// The rows that cannot be deals: all counted, the first of each reason kept.
    public let rejections: EpochRejections
    /// The file's rows, read again for the rejects file.
    private let rows: EpochRows
    /// One bit a row: set for a rejected row.
    private let rejected: [UInt64]

    /// Reads and maps a file; `progress` is told `(rows done, rows)` as it goes.
    ///
    /// The rows are never all held (see ``EpochRows``): the file is read once to check it, once
    /// to check each row, up to three times more for the ids (by name only), and each row that
    /// passed is read again to be mapped. What is kept a row is its position (8 bytes), a bit
    /// for rejected rows, and a deal for each row that passed.
    public static func read(_ data: [UInt8], progress: ((Int, Int) -> Void)? = nil) throws(Refusal) -> EpochImport {
        let rows = try EpochRows.read(data)
        var rejections = EpochRejections()
        var rejected = [UInt64](repeating: 0, count: (rows.count + 63) / 64)
        func reject(_ index: Int, _ rejection: EpochRejection) {
            rejections.add(rejection)
            rejected[index / 64] |= 1 << UInt64(index % 64)
        }
        // The rows that passed the checks, by position and by base id; the file's latest year.
        var passed: [Int] = []
        var passedByBase: [String: Int] = [:]
        var latestYear: Int?
        rows.forEachRow { index, row in
            if let y = EpochMapper.latestYear(of: row) { latestYear = max(latestYear ?? y, y) }
            if let rejection = EpochMapper.check(row) {
                reject(index, rejection)
            } else {
                passed.append(index)
                if let name = row.value(EpochColumn.name) { passedByBase[EpochID.base(name)] = index }
            }
        }
        let ids = EpochID.assign(names: rows.forEachName, row: { rows[$0] })
        let mapper = EpochMapper(ids: ids, accepted: passedByBase, fallbackYear: latestYear)
        passedByBase = [:]
        var items: [Item] = []
        items.reserveCapacity(passed.count)
        for (k, index) in passed.enumerated() {
            if k % 64 == 0 { progress?(index, rows.count) }
            switch mapper.map(rows[index], at: index) {
            case .success(let mapped): items.append(Item(mapped: mapped))
            case .failure(let rejection): reject(index, rejection)
            }
        }
        progress?(rows.count, rows.count)
        rejections.inFileOrder()
        return EpochImport(items: items, rejections: rejections, rows: rows, rejected: rejected)
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
        for (word, bits) in rejected.enumerated() where bits != 0 {
            for bit in 0..<64 where bits & (1 << UInt64(bit)) != 0 { line(rows[word * 64 + bit].fields) }
        }
        return out
    }
}
