import DealKit

/// Wall and CPU time of named phases, printed as `key=value` lines for ``Bench`` to parse.
struct Recorder {
    private(set) var lines: [(String, String)] = []

    mutating func put(_ key: String, _ value: Double) { lines.append((key, String(value))) }
    mutating func note(_ key: String, _ text: String) { lines.append((key, text)) }

    func value(_ key: String) -> Double? { lines.last { $0.0 == key }.flatMap { Double($0.1) } }

    /// Runs `body`, recording `key` (wall seconds) and `key_cpu` (CPU seconds, all threads).
    mutating func phase<T>(_ key: String, _ body: () throws -> T) rethrows -> T {
        let wall = System.now()
        let cpu = System.cpuNow()
        let value = try body()
        put(key, System.now() - wall)
        put(key + "_cpu", System.cpuNow() - cpu)
        return value
    }

    func print() {
        for (k, v) in lines { Swift.print("\(k)=\(v)") }
    }
}

/// The in-process phases, each run in a child process of its own (`measure FILE ...`) so that
/// one phase's memory never counts in another's peak.
enum Measure {
    /// `measure FILE [--save STORE]`: load (`Store.load`: read + decode with validation),
    /// in-memory validation, an atomic save through `Store`, then encoding into one array
    /// (after the save's peak is taken, so that this array does not count in it).
    static func run(file: String, saveTo store: String?) throws {
        var r = Recorder()
        r.put("hwm_start_kb", Double(System.status("VmHWM")))
        // Load exactly as every command does: Store.load (read + decode + full validation).
        let snapshot = try r.phase("load") { try Store.load(path: file) }
        r.put("hwm_load_kb", Double(System.status("VmHWM")))
        let feed = snapshot.feed
        r.put("deals", Double(feed.deals.count))
        r.put("warnings", Double(snapshot.warnings.count))

        let issues = r.phase("validate") { DealValidator.issues(for: feed) }
        r.put("validate_issues", Double(issues.count))

        if let store {
            // The whole write path as `add`, `edit` and the dashboard use it: lock, fingerprint
            // check, validation, sort by id, encode, write a temporary, fsync, rotate backups, rename.
            let s = Store(path: store, today: { PartialDate("2026-06-10")! })
            let fingerprint = FileSystem.fingerprint(store)
            _ = try r.phase("save") { try s.save(feed, expecting: fingerprint) }
            // The peak of load + validate + save, before any phase below can add to it.
            r.put("hwm_save_kb", Double(System.status("VmHWM")))
        }

        let bytes = r.phase("encode") { FeedEncoder.encode(feed) }
        r.put("encoded_bytes", Double(bytes.count))
        _ = consume bytes

        if let store {
            // Splits of the save: sorting by id, and encode + write + fsync + rename alone (streamed, as the save does).
            _ = r.phase("save_sort") { feed.deals.sorted { $0.id < $1.id } }
            try r.phase("save_encode_write") {
                try FileSystem.writeAtomically(to: store + ".w") { write in try FeedEncoder.encode(feed, into: write) }
            }
        }
        r.put("hwm_kb", Double(System.status("VmHWM")))

        // Splits of the load, last so that they count in no peak: reading the file into an array, and decoding that array.
        let data = try r.phase("read") { try FileSystem.read(file) }
        r.put("bytes", Double(data.count))
        let result = r.phase("decode") { FeedDecoder.decode(data) }
        r.put("errors", Double(result.issues.filter(\.isError).count))
        if result.hasErrors {
            for issue in result.issues.prefix(5) { r.note("issue", issue.formatted(file: file)) }
        }
        _ = consume data
        _ = consume result
        r.print()
    }
}
