import DealKit

/// The in-process phases, each run in a child process of its own (`measure FILE ...`) so that
/// one phase's memory never counts in another's peak.
///
/// Prints `key=value` lines; ``Bench`` parses them.
enum Measure {
    /// `measure FILE [--save STORE] [--no-validate-check]`: load (read + decode with validation),
    /// in-memory validation, encoding, and an atomic save through `Store`.
    static func run(file: String, saveTo store: String?) throws {
        var out: [(String, String)] = []
        func put(_ k: String, _ v: Double) { out.append((k, String(v))) }

        let hwmStart = System.status("VmHWM")
        let (data, read) = try System.time { try FileSystem.read(file) }
        let (result, decode) = System.time { FeedDecoder.decode(data) }
        let hwmLoad = System.status("VmHWM")
        put("bytes", Double(data.count))
        put("read", read)
        put("decode", decode)
        put("load", read + decode)
        put("deals", Double(result.feed.deals.count))
        put("errors", Double(result.issues.filter(\.isError).count))
        put("warnings", Double(result.issues.filter { !$0.isError }.count))
        put("hwm_start_kb", Double(hwmStart))
        put("hwm_load_kb", Double(hwmLoad))
        if result.hasErrors {
            for issue in result.issues.prefix(5) { out.append(("issue", issue.formatted(file: file))) }
        }
        // The same as Store.load: the bytes can go once decoded.
        _ = consume data
        let feed = result.feed

        let (issues, validate) = System.time { DealValidator.issues(for: feed) }
        put("validate", validate)
        put("validate_issues", Double(issues.count))

        let (bytes, encode) = System.time { FeedEncoder.encode(feed) }
        put("encode", encode)
        put("encoded_bytes", Double(bytes.count))
        _ = consume bytes

        if let store {
            // The whole write path as `add`/`edit`/the dashboard use it: lock, fingerprint check,
            // validation, sort by id, encode, write a temporary, fsync, rotate backups, rename.
            let s = Store(path: store, today: { PartialDate("2026-06-10")! })
            let fingerprint = FileSystem.fingerprint(store)
            let (_, save) = try System.time { try s.save(feed, expecting: fingerprint) }
            put("save", save)
            // Split: sort by id alone (the save sorts a copy of the deals).
            let (_, sort) = System.time { _ = feed.deals.sorted { $0.id < $1.id } }
            put("save_sort", sort)
            let (_, write) = try System.time { try FileSystem.writeAtomically(FeedEncoder.encode(feed), to: store + ".w") }
            put("save_encode_write", write)
        }
        put("hwm_kb", Double(System.status("VmHWM")))
        for (k, v) in out { print("\(k)=\(v)") }
    }
}
