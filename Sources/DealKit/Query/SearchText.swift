/// Builds the folded text `--search` and the dashboard's `/` look in, straight into bytes.
///
/// `DealFilter.fold` of a whole deal's text costs a few microseconds (Foundation's folding,
/// a string per part): 0.3 s for 100,000 deals, too slow to build while a key waits. Folding
/// works on each character on its own, so here runs of ASCII are lower-cased byte by byte and
/// only the runs of other characters go through `DealFilter.fold`, each distinct run once
/// (names repeat across deals). The last ASCII byte before such a run goes with it, since a
/// combining mark after it folds together with it (`e` + U+0301 is `e`). The result is
/// byte for byte `DealFilter.fold` of the parts joined (tested on every generated deal).
struct SearchText {
    /// The folded bytes of each run of non-ASCII text seen so far.
    private var folded: [String: [UInt8]] = [:]

    /// The separator between a deal's parts, so a needle cannot match across two of them by accident.
    static let separator: UInt8 = 0x1F

    /// Appends deal `d`'s folded text: title, sponsor, partners, models, products, site and tags.
    mutating func append(_ d: UnsafePointer<Deal>, to out: inout [UInt8]) {
        append(d.pointee.title, to: &out)
        func part(_ s: String) {
            out.append(SearchText.separator)
            append(s, to: &out)
        }
        if let s = d.pointee.sponsor { part(s) }
        for p in d.pointee.partners { part(p.name) }
        for m in d.pointee.models { part(m) }
        for p in d.pointee.products { part(p) }
        if let s = d.pointee.site { part(s) }
        for t in d.pointee.tags { part(t) }
    }

    /// Appends the folded form of `s`.
    mutating func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            var i = 0
            while i < b.count {
                let start = i
                while i < b.count && b[i] < 0x80 { i += 1 }
                // The ASCII byte just before other text folds with it (it may carry a mark).
                let asciiEnd = i < b.count && i > start ? i - 1 : i
                for k in start..<asciiEnd {
                    let c = b[k]
                    out.append(c &- 0x41 < 26 ? c | 0x20 : c)
                }
                guard i < b.count else { break }
                while i < b.count && b[i] >= 0x80 { i += 1 }
                let run = String(decoding: UnsafeBufferPointer(rebasing: b[asciiEnd..<i]), as: UTF8.self)
                if let f = folded[run] {
                    out += f
                } else {
                    let f = Array(DealFilter.fold(run).utf8)
                    folded[run] = f
                    out += f
                }
            }
        }
    }
}
