/// The Markdown table `run` prints: one row per figure, one column per size, and the targets.
enum Report {
    static func ms(_ seconds: Double?) -> String {
        guard let s = seconds, s.isFinite else { return "–" }
        if s < 0.01 { return fixed(s * 1000, 2) + " ms" }
        if s < 1 { return fixed(s * 1000, 0) + " ms" }
        return fixed(s, 2) + " s"
    }

    static func mb(_ kb: Double?) -> String {
        guard let kb, kb.isFinite, kb > 0 else { return "–" }
        return fixed(kb / 1024, 0) + " MB"
    }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (x * scale).rounded() / scale
        if digits == 0 { return String(Int(r)) }
        var s = String(r)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        }
        return s
    }

    /// A limit on one figure at one feed size: at most `limit` (at least, when higher is better).
    struct Target {
        var deals: Int
        var limit: Double
        var higherIsBetter = false

        /// How the table states it: `≤ 500 ms @100k`.
        func text(_ kind: Row.Kind) -> String {
            (higherIsBetter ? "≥ " : "≤ ") + format(limit, kind) + " @\(deals / 1000)k"
        }

        func isMet(by value: Double) -> Bool { higherIsBetter ? value >= limit : value <= limit }
    }

    /// A row of the table: its label, the key of its figure, how to show it, and its targets.
    struct Row {
        var label: String
        var key: String
        var kind: Kind
        var targets: [Target]

        enum Kind { case seconds, kb, bytes, ratio, count, load }

        init(_ label: String, _ key: String, _ kind: Kind, _ targets: [Target] = []) {
            self.label = label
            self.key = key
            self.kind = kind
            self.targets = targets
        }

        /// A time with no target.
        static func seconds(_ label: String, _ key: String) -> Row { Row(label, key, .seconds) }
        /// A time limited at 100,000 deals (and at 10,000 where `at10k` is given).
        static func seconds(_ label: String, _ key: String, at100k: Double, at10k: Double? = nil) -> Row {
            let small = at10k.map { [Target(deals: 10_000, limit: $0)] } ?? []
            return Row(label, key, .seconds, [Target(deals: 100_000, limit: at100k)] + small)
        }
        /// A command of the bench's list: within `smallCommand` at 10,000 deals.
        static func command(_ label: String, _ key: String) -> Row {
            Row(label, key, .seconds, [Target(deals: 10_000, limit: smallCommand)])
        }
        /// A keystroke, rendered: within one frame at 100,000 deals.
        static func keystroke(_ label: String, _ key: String) -> Row {
            Row(label, key, .seconds, [Target(deals: 100_000, limit: frame)])
        }
        /// A peak of memory, within `peakMemoryKB` at 100,000 deals.
        static func peak(_ label: String, _ key: String) -> Row {
            Row(label, key, .kb, [Target(deals: 100_000, limit: peakMemoryKB)])
        }
        /// A multiple of the input within docs/security.md's bound at 100,000 deals.
        static func bound(_ label: String, _ key: String) -> Row {
            Row(label, key, .ratio, [Target(deals: 100_000, limit: memoryBound)])
        }
    }

    /// The limits shared by many rows, each named once: a keystroke's frame, a command at
    /// 10,000 deals, a command's peak memory, and the memory bound of docs/security.md.
    static let frame = 0.016
    static let smallCommand = 0.15
    static let peakMemoryKB = 300.0 * 1024
    static let memoryBound = 10.0

    static let rows: [Row] = [
        Row("feed size", "bytes", .bytes),
        .seconds("load: `Store.load` = read + decode + validate (in process)", "load", at100k: 0.5),
        .seconds("  split: read the file into an array", "read"),
        .seconds("  split: decode + validate that array", "decode"),
        .seconds("validate a loaded feed (DealValidator, what save runs)", "validate"),
        .seconds("save: Store.save, atomic (lock, validate, sort, encode, fsync, rename)", "save", at100k: 0.5),
        .seconds("  of which encode", "encode"),
        .seconds("  of which encode + write + fsync + rename", "save_encode_write"),
        .seconds("`list --country KR --format csv`, end to end", "list_csv", at100k: 0.8, at10k: smallCommand),
        .seconds("`summary`, end to end", "summary", at100k: 0.8, at10k: smallCommand),
        .command("`summary --by vendor`, end to end", "summary_vendor"),
        .seconds("`report --format html` (every deal; to standard output), end to end", "report_html", at100k: 2.0),
        .command("`list --vendor nvidia --since 2026` (table), end to end", "list_table"),
        .command("`validate FILE`, end to end", "validate_cmd"),
        .command("`show ID`, end to end", "show_cmd"),
        .command("`add` (load, validate, atomic save with fsync), end to end", "add_cmd"),
        .command("`edit ID --title ... --operational-mw 12`, end to end", "edit_cmd"),
        .command("`remove ID`, end to end", "remove_cmd"),
        Row("rows selected (sovtrack / jq)", "list_rows", .count),
        .seconds("`jq` on the same selection", "jq"),
        Row(
            "jq time ÷ sovtrack `list` time", "jq_ratio", .ratio,
            [Target(deals: 100_000, limit: 6, higherIsBetter: true)]),
        .seconds("dashboard: load + first frame (in process)", "tui_first_frame", at100k: 1.0),
        .seconds("  of which first frame after load (state + render)", "tui_frame_only"),
        .keystroke("keystroke: move selection (↓, Deals view), rendered", "tui_key_move"),
        .keystroke("keystroke: move selection (↓, Countries view), rendered", "tui_key_move_countries"),
        .keystroke("keystroke: type one search character, rendered", "tui_key_search"),
        .keystroke("  the very first search, typed at once after the first frame", "tui_key_search_cold"),
        .keystroke("  a later first character in the same (Countries) view", "tui_key_search_countries"),
        Row("  search index ready at the first frame (1 = yes)", "tui_search_ready_at_first_frame", .ratio),
        .seconds("  building the search index, on every core", "tui_search_build"),
        .seconds("  building the search index on one core", "tui_search_build_1core"),
        .seconds("  byte search of every deal's text, one core: `ByteSearch` (SIMD)", "tui_search_scan"),
        .keystroke("  a second character (narrows)", "tui_key_search_second"),
        .keystroke("keystroke: open the vendor picker (v), rendered", "tui_key_vendor_picker"),
        .keystroke("keystroke: apply a vendor filter (Enter), rendered", "tui_key_vendor"),
        .keystroke("keystroke: page down (Deals view), rendered", "tui_key_page"),
        .keystroke("keystroke: end of the list, rendered", "tui_key_end"),
        .keystroke("keystroke: switch view (1, then 2), rendered", "tui_key_view"),
        .keystroke("keystroke: next sort (s), rendered", "tui_key_sort"),
        .keystroke("keystroke: reverse sort (S), rendered", "tui_key_sort_reverse"),
        .keystroke("keystroke: backspace at the search prompt, rendered", "tui_key_search_backspace"),
        .keystroke("keystroke: hide a column in the chooser (|, Space), rendered", "tui_key_columns"),
        .keystroke("keystroke: sort countries by HHI (s), rendered", "tui_key_sort_hhi"),
        .keystroke("keystroke: sort vendors by top in (s), rendered", "tui_key_sort_top_in"),
        .peak("peak memory: load (VmHWM)", "hwm_load_kb"),
        .peak("peak memory: load + validate + save", "hwm_save_kb"),
        Row("  then also encoding the feed into one array (bench only)", "hwm_kb", .kb),
        .peak("peak memory: `list --country KR --format csv`", "list_csv_rss_kb"),
        .peak("peak memory: `summary`", "summary_rss_kb"),
        .peak("peak memory: `edit` (load + save)", "edit_cmd_rss_kb"),
        .peak("peak memory: dashboard", "tui_hwm_kb"),
        Row("peak memory: `jq`", "jq_rss_kb", .kb),
        Row("peak memory of the worst command ÷ feed size", "mem_multiple", .ratio),
        .bound("  (peak − 100 MiB) ÷ feed size: the bound of docs/security.md", "mem_bound_multiple"),
        .seconds("hostile: `validate` of 20 × N empty deals `{}`, end to end", "hostile_validate"),
        Row("  its peak memory", "hostile_rss_kb", .kb),
        .bound("  (peak − 100 MiB) ÷ its size", "hostile_bound_multiple"),
        .seconds("hostile: `import` of 20 × N refused CSV rows `id,title`, end to end", "hostile_csv_import"),
        Row("  its peak memory", "hostile_csv_rss_kb", .kb),
        .bound("  (peak − 100 MiB) ÷ its size", "hostile_csv_bound_multiple"),
        Row("load average (1 min) before / after this size", "load_average_1m", .load),
    ]

    static func table(sizes: [Int], columns: [[String: Double]]) -> String {
        var cols = columns
        for i in cols.indices {
            if let jq = cols[i]["jq"], let list = cols[i]["list_csv"], list > 0 { cols[i]["jq_ratio"] = jq / list }
        }
        var lines: [String] = []
        lines.append("| | " + sizes.map { grouped($0) + " deals" }.joined(separator: " | ") + " | target | met |")
        lines.append("| --- | " + sizes.map { _ in "---:" }.joined(separator: " | ") + " | --- | --- |")
        for row in rows {
            guard cols.contains(where: { $0[row.key] != nil }) else { continue }
            var cells = [row.label]
            for c in cols {
                var text = format(c[row.key], row.kind)
                if row.kind == .seconds, let cpu = c[row.key + "_cpu"] { text += " (" + ms(cpu) + ")" }
                if row.key == "list_rows", let jq = c["jq_rows"] { text += " / " + String(Int(jq)) }
                if row.kind == .load, let after = c["load_average_after"] { text += " / " + fixed(after, 2) }
                cells.append(text)
            }
            let targets = row.targets.map { $0.text(row.kind) }
            // A verdict for each target whose size was run.
            let verdicts = row.targets.compactMap { t in
                sizes.firstIndex(of: t.deals).flatMap { cols[$0][row.key] }.map { t.isMet(by: $0) ? "yes" : "**no**" }
            }
            cells.append(targets.joined(separator: ", "))
            cells.append(verdicts.joined(separator: ", "))
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ v: Double?, _ kind: Row.Kind) -> String {
        guard let v, v.isFinite else { return "–" }
        switch kind {
        case .seconds: return ms(v)
        case .kb: return mb(v)
        case .bytes: return fixed(v / 1_000_000, 1) + " MB"
        case .ratio: return fixed(v, 1) + "×"
        case .count: return String(Int(v))
        case .load: return fixed(v, 2)
        }
    }

    static func grouped(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}
