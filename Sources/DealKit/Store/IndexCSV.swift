#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every deal of a store as CSV (`list --format csv` without a filter), written from the bytes
/// of the index beside it without making a single `Deal`: the same bytes as
/// `DealCSV.exportBytes` of the loaded deals in `DealSort`'s order.
///
/// Building 100,000 deals from the index (their strings, lists, retains and releases) only to
/// write them out again was most of that command's work. Here each chunk of the index is
/// checked and read where it lies, on every core, each deal's row written at once
/// (`IndexedRow`, `DealCSV.append(row:to:scratch:)`) with its sort key beside it; then the
/// rows are sorted by their keys as `DealSort.order` sorts deals and joined in that order.
/// Only when the index is this program's, of exactly the store's bytes (`StoreIndex.withChunks`)
/// and every chunk passes its check: otherwise nil, and the caller loads the store as before
/// (which reads the JSON and makes the index again).
public enum IndexCSV {
    /// Whether rows can be ordered by `sort` here: the keys the rows carry are the country,
    /// the date and the id.
    public static func supports(_ sort: DealSort) -> Bool { sort == .country || sort == .announced }

    /// The CSV document (header first) of every deal of the store at `file`, in `sort`'s order;
    /// nil when the index cannot give it (see the type).
    public static func export(store file: String, sort: DealSort, descending: Bool) -> [UInt8]? {
        export(store: file, sort: sort, descending: descending, minimumSize: StoreIndex.minimumSize)
    }

    /// `export` with the minimum store size tests choose.
    static func export(store file: String, sort: DealSort, descending: Bool, minimumSize: Int) -> [UInt8]? {
        guard supports(sort) else { return nil }
        return StoreIndex.withChunks(of: file, minimumSize: minimumSize) { bytes, chunks, consumed in
            let shared = ReadOnlyBuffer(bytes.bindMemory(to: UInt8.self))
            let parts = Parallel.map(chunks.count) { k in
                rows(of: chunks[k], in: UnsafeRawBufferPointer(shared.buffer), consumed: consumed)
            }
            var all: [Rows] = []
            all.reserveCapacity(parts.count)
            for part in parts {
                guard let part else { return nil }
                all.append(part)
            }
            return joined(all, in: bytes, sort: sort, descending: descending)
        }
    }

    /// One chunk's rows, one after another, and what orders them.
    struct Rows: Sendable {
        var bytes: [UInt8] = []
        /// Where each row ends in `bytes`.
        var ends: [Int] = []
        /// The country's bytes packed big-endian in a word (an ISO code: ASCII, at most 8
        /// bytes), so that words compare as the Strings do.
        var countries: [UInt64] = []
        var dates: [Int] = []
        /// Where each id lies in the index.
        var ids: [Range<Int>] = []
    }

    /// The rows of chunk `s`; nil when it fails its check or does not read, or holds a country
    /// or an id that is not ASCII (which the bytes' order would not sort as the Strings do).
    private static func rows(
        of s: StoreIndex.Section, in bytes: UnsafeRawBufferPointer,
        consumed: @Sendable (Range<Int>) -> Void
    ) -> Rows? {
        guard let part = StoreIndex.checked(bytes, s), let start = bytes.baseAddress else { return nil }
        var rows = Rows()
        rows.bytes.reserveCapacity(s.deals * 512)
        rows.ends.reserveCapacity(s.deals)
        rows.countries.reserveCapacity(s.deals)
        rows.dates.reserveCapacity(s.deals)
        rows.ids.reserveCapacity(s.deals)
        var scratch: [UInt8] = []
        var r = IndexReader(part)
        do {
            for _ in 0..<s.deals {
                let row = try IndexedRow(&r)
                guard let country = packed(row.country), row.id.allSatisfy({ $0 < 0x80 }) else { return nil }
                try DealCSV.append(row: row, to: &rows.bytes, scratch: &scratch)
                rows.ends.append(rows.bytes.count)
                rows.countries.append(country)
                rows.dates.append(DealSort.dateKey(row.announced))
                let offset = row.id.baseAddress.map { UnsafeRawPointer($0) - start } ?? 0
                rows.ids.append(offset..<offset + row.id.count)
            }
        } catch { return nil }
        guard r.offset == part.count else { return nil }
        consumed(s.offset..<s.offset + s.length)
        return rows
    }

    /// `country` as a big-endian word, zeros after it; nil when it is empty, longer than 8
    /// bytes, or has a byte that is not ASCII or is NUL.
    private static func packed(_ country: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard (1...8).contains(country.count) else { return nil }
        var word: UInt64 = 0
        for i in 0..<8 {
            let b = i < country.count ? country[i] : 0
            guard i >= country.count || (b > 0 && b < 0x80) else { return nil }
            word = word << 8 | UInt64(b)
        }
        return word
    }

    /// The header, then every chunk's rows in `sort`'s order, ties by id: `DealSort.order`'s
    /// order (the ids compared as bytes where they lie in `index`, which they are in for ASCII).
    ///
    /// One sort of the rows' keys (the key `DealSort` ranks, then the id's rank), where
    /// `DealSort.sorted` sorts ranks made by a sort of their own: the same order, since a rank
    /// follows its key, and no key here is unknown.
    private static func joined(
        _ parts: [Rows], in index: UnsafeRawBufferPointer, sort: DealSort, descending: Bool
    ) -> [UInt8] {
        let ids = parts.flatMap(\.ids)
        let base = index.baseAddress!
        let idRank = DealSort.idOrder(count: ids.count) { a, b in
            let x = ids[a]
            let y = ids[b]
            let c = memcmp(base + x.lowerBound, base + y.lowerBound, min(x.count, y.count))
            return c != 0 ? c < 0 : x.count < y.count
        }.rank
        var keys: [Key] = []
        keys.reserveCapacity(ids.count)
        for (k, p) in parts.enumerated() {
            for i in p.ends.indices {
                keys.append(
                    Key(
                        country: sort == .announced ? 0 : p.countries[i], date: p.dates[i], id: idRank[keys.count],
                        part: Int32(k), row: Int32(i)))
            }
        }
        keys.sort { a, b in
            if a.country != b.country { return descending ? a.country > b.country : a.country < b.country }
            if a.date != b.date { return descending ? a.date > b.date : a.date < b.date }
            return a.id < b.id
        }
        var out: [UInt8] = []
        CSVWriter.append(line: DealCSV.columns, to: &out)
        out.reserveCapacity(out.count + parts.reduce(0) { $0 + $1.bytes.count })
        for key in keys {
            let k = Int(key.part)
            let r = Int(key.row)
            let ends = parts[k].ends
            let from = r == 0 ? 0 : ends[r - 1]
            parts[k].bytes.withUnsafeBufferPointer { out.append(contentsOf: $0[from..<ends[r]]) }
        }
        return out
    }

    /// A row's place in the order, and where it is.
    private struct Key {
        /// The country's word (`Rows.countries`), 0 when the sort is by date alone.
        var country: UInt64
        var date: Int
        /// The id's rank among the ids.
        var id: Int32
        var part: Int32
        var row: Int32
    }
}
