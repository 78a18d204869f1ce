import DealKit

/// The dashboard's search in parts: building the search index, and one byte search over
/// every deal's text on one core. (docs/performance.md compares it with the C version it
/// replaced and with glibc's `memmem`, measured in the same run at 918975b.)
enum SearchMeasure {
    static let needles = ["a", "e", "nv", "sov", "camp", "nvidia", "factory", "센터", "zzzz"]

    static func run(deals: [Deal], into r: inout Recorder) {
        r.phase("search_build") { _ = SearchIndex(deals: deals) }
        let index = r.phase("search_build_1core") { SearchIndex(deals: deals, cores: 1) }
        let texts = (0..<deals.count).map { index.text($0) }
        func scan(_ name: String, _ contains: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool) {
            var times: [Double] = []
            var found = 0
            for n in needles {
                let needle = SearchIndex.needle(n)
                let t = System.now()
                needle.withUnsafeBytes { nb in
                    for text in texts where text.withUnsafeBytes({ contains($0, nb) }) { found += 1 }
                }
                times.append(System.now() - t)
            }
            r.put(name, median(times))
            r.put(name + "_found", Double(found))
        }
        scan("search_scan") { ByteSearch.contains($0, $1) }
    }
}
