/// Every deal's folded search text in one byte buffer, searched with `ByteSearch`.
///
/// `DealFilter.searchText` builds a string per deal per call; doing that for 100,000 deals
/// on each typed character would take far longer than a frame. Here the text is folded
/// once, and a query is a byte search over contiguous memory.
public struct SearchIndex: Sendable {
    private let bytes: [UInt8]
    /// Deal i's text is bytes[starts[i]..<starts[i + 1]].
    private let starts: [Int]
    /// Which ASCII bytes deal i's text holds: byte b is bit b % 64 of `ascii[2 * i + b / 64]`.
    /// A text without one of a needle's ASCII bytes cannot hold the needle, and a needle of one
    /// ASCII byte (a first search character) is in exactly the texts with its bit: most texts
    /// are then kept or passed over without a byte search.
    private let ascii: [UInt64]

    /// Deals from which `DealIndex` builds the index in the background: below, it takes less than a frame.
    public static let backgroundFrom = 8_192

    /// Deals from which the index is built on every core: below, starting a thread costs more than it saves.
    static let parallelBuildFrom = 8_192

    /// `table`: whether to make the table of bytes now (`withTable()` makes it later).
    public init(deals: [Deal], cores: Int = Parallel.cores, table: Bool = true) {
        let parts = deals.count >= SearchIndex.parallelBuildFrom ? max(1, cores) : 1
        let per = (deals.count + parts - 1) / max(1, parts)
        // Each part its own run of deals and its own cache of folded names; joined after.
        let built = Parallel.map(parts) { k -> (bytes: [UInt8], ends: [Int], ascii: [UInt64]) in
            let range = min(deals.count, k * per)..<min(deals.count, (k + 1) * per)
            var text = SearchText()
            var bytes: [UInt8] = []
            var ends: [Int] = []
            bytes.reserveCapacity(range.count * 112)
            ends.reserveCapacity(range.count)
            deals.withUnsafeBufferPointer { d in
                for i in range {
                    text.append(d.baseAddress! + i, to: &bytes)
                    ends.append(bytes.count)
                }
            }
            return (bytes, ends, table ? SearchIndex.asciiTable(bytes, ends: ends) : [])
        }
        if built.count == 1 {
            bytes = built[0].bytes
            starts = [0] + built[0].ends
            ascii = built[0].ascii
            return
        }
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        var ascii: [UInt64] = []
        bytes.reserveCapacity(built.reduce(0) { $0 + $1.bytes.count })
        starts.reserveCapacity(deals.count + 1)
        ascii.reserveCapacity(2 * deals.count)
        for part in built {
            let offset = bytes.count
            bytes += part.bytes
            for e in part.ends { starts.append(offset + e) }
            ascii += part.ascii
        }
        self.bytes = bytes
        self.starts = starts
        self.ascii = ascii
    }

    private init(bytes: [UInt8], starts: [Int], ascii: [UInt64]) {
        self.bytes = bytes
        self.starts = starts
        self.ascii = ascii
    }

    /// Whether the table of bytes is made: without it, every candidate is searched.
    public var hasTable: Bool { ascii.count == 2 * (starts.count - 1) }

    /// This index with its table of bytes: made apart from the text, so that the dashboard's
    /// first search need not wait for it.
    public func withTable() -> SearchIndex {
        hasTable
            ? self
            : SearchIndex(
                bytes: bytes, starts: starts, ascii: SearchIndex.asciiTable(bytes, ends: Array(starts.dropFirst())))
    }

    /// The ASCII bytes of each text of `bytes` (ending at `ends`), two words a text (`ascii`).
    private static func asciiTable(_ bytes: [UInt8], ends: [Int]) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: 2 * ends.count) { out, count in
            bytes.withUnsafeBufferPointer { b in
                var start = 0
                for (i, end) in ends.enumerated() {
                    let (low, high) = asciiBits(UnsafeBufferPointer(rebasing: b[start..<end]))
                    out[2 * i] = low
                    out[2 * i + 1] = high
                    start = end
                }
            }
            count = 2 * ends.count
        }
    }

    /// The ASCII bytes among `bytes`, as bits: 0–63 in the first word, 64–127 in the second.
    @inline(__always)
    private static func asciiBits(_ bytes: some Sequence<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        // Without a branch on the byte: letters, spaces and digits alternate in a text, so a
        // branch between the two words guesses wrong on a large part of the bytes.
        for byte in bytes {
            let bit = UInt64(1) &<< UInt64(byte & 63)
            let word = byte >> 6
            low |= word == 0 ? bit : 0
            high |= word == 1 ? bit : 0
        }
        return (low, high)
    }

    /// The needle a search looks for: trimmed and folded, as UTF-8.
    public static func needle(_ search: String) -> [UInt8] {
        Array(DealFilter.fold(search.trimmingCharacters(in: .whitespaces)).utf8)
    }

    /// Candidates from which a search is split across the cores: below, starting a thread
    /// costs more than it saves.
    public static let parallelFrom = 16_384

    /// The candidates whose text contains `needle`, in their given order.
    ///
    /// Many candidates are searched on every core, each its own run of them: a short query
    /// over 100,000 deals is 100,000 byte searches, which took most of a keystroke on one.
    public func filter(_ candidates: [Int32], needle: [UInt8], cores: Int = Parallel.cores) -> [Int32] {
        if needle.isEmpty { return candidates }
        let parts = candidates.count >= SearchIndex.parallelFrom ? max(1, cores) : 1
        if parts == 1 { return filter(candidates[...], needle: needle) }
        let per = (candidates.count + parts - 1) / parts
        return Parallel.map(parts) { k in
            filter(candidates[min(candidates.count, k * per)..<min(candidates.count, (k + 1) * per)], needle: needle)
        }.flatMap { $0 }
    }

    /// Written in place, room for every candidate made first: appending grew the result again
    /// and again and checked each time that it was not shared.
    private func filter(_ candidates: ArraySlice<Int32>, needle: [UInt8]) -> [Int32] {
        let tabled = hasTable
        let (low, high) = tabled ? SearchIndex.asciiBits(needle) : (0, 0)
        // One ASCII byte is found by the table alone.
        let byTable = tabled && needle.count == 1 && needle[0] < 128
        return [Int32](unsafeUninitializedCapacity: candidates.count) { out, count in
            count = 0
            bytes.withUnsafeBytes { hay in
                starts.withUnsafeBufferPointer { starts in
                    ascii.withUnsafeBufferPointer { ascii in
                        needle.withUnsafeBytes { n in
                            guard let base = hay.baseAddress, let nb = n.baseAddress else { return }
                            var k = 0
                            for i in candidates {
                                let t = 2 * Int(i)
                                guard !tabled || (ascii[t] & low == low && ascii[t + 1] & high == high) else {
                                    continue
                                }
                                let s = starts[Int(i)]
                                let e = starts[Int(i) + 1]
                                if byTable || (e - s >= n.count && ByteSearch.contains(base + s, e - s, nb, n.count)) {
                                    out[k] = i
                                    k += 1
                                }
                            }
                            count = k
                        }
                    }
                }
            }
        }
    }

    /// Whether deal i's text contains `needle`.
    public func matches(_ i: Int, needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        let s = starts[i]
        let e = starts[i + 1]
        guard e - s >= needle.count else { return false }
        return bytes.withUnsafeBytes { hay in
            needle.withUnsafeBytes { n in ByteSearch.contains(hay.baseAddress! + s, e - s, n.baseAddress!, n.count) }
        }
    }

    /// Deal i's folded text, as `DealFilter.searchText` gives it.
    public func text(_ i: Int) -> ArraySlice<UInt8> { bytes[starts[i]..<starts[i + 1]] }
}
