import CNcursesw
import DealKit

/// Every deal's folded search text in one byte buffer, searched with `sov_contains_bytes` (SSE2).
///
/// `DealFilter.searchText` builds and folds a string per deal per call; doing that for
/// 100,000 deals on each typed character would take far longer than a frame. Here the
/// text is folded once, and a query is a byte search over contiguous memory.
struct SearchIndex: Sendable {
    private let bytes: [UInt8]
    /// Deal i's text is bytes[starts[i]..<starts[i + 1]].
    private let starts: [Int]

    init(deals: [Deal]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(deals.count * 96)
        var starts: [Int] = [0]
        starts.reserveCapacity(deals.count + 1)
        for d in deals {
            bytes.append(contentsOf: DealFilter.searchText(d).utf8)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// The needle `DealFilter` would look for: trimmed and folded, as UTF-8.
    static func needle(_ search: String) -> [UInt8] {
        Array(DealFilter.fold(search.trimmingCharacters(in: .whitespaces)).utf8)
    }

    /// Candidates from which a search is split across the cores: below, starting a thread
    /// costs more than it saves.
    static let parallelFrom = 16_384

    /// The candidates whose text contains `needle`, in their given order.
    ///
    /// Many candidates are searched on every core, each its own run of them: a short query
    /// over 100,000 deals is 100,000 byte searches, which took most of a keystroke on one.
    func filter(_ candidates: [Int32], needle: [UInt8], cores: Int = Parallel.cores) -> [Int32] {
        if needle.isEmpty { return candidates }
        let parts = candidates.count >= SearchIndex.parallelFrom ? max(1, cores) : 1
        if parts == 1 { return filter(candidates[...], needle: needle) }
        let per = (candidates.count + parts - 1) / parts
        return Parallel.map(parts) { k in
            filter(candidates[min(candidates.count, k * per)..<min(candidates.count, (k + 1) * per)], needle: needle)
        }.flatMap { $0 }
    }

    private func filter(_ candidates: ArraySlice<Int32>, needle: [UInt8]) -> [Int32] {
        var out: [Int32] = []
        bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { n in
                guard let base = hay.baseAddress, let nb = n.baseAddress else { return }
                for i in candidates {
                    let s = starts[Int(i)], e = starts[Int(i) + 1]
                    if e - s >= n.count, sov_contains_bytes(base + s, e - s, nb, n.count) != 0 { out.append(i) }
                }
            }
        }
        return out
    }

    /// Whether deal i's text contains `needle`.
    func matches(_ i: Int, needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        let s = starts[i], e = starts[i + 1]
        guard e - s >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { n in sov_contains_bytes(hay.baseAddress! + s, e - s, n.baseAddress!, n.count) != 0 }
        }
    }
}
