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

    /// A row: label, how to show a value, the key, and the target at 100,000 deals (a limit and
    /// whether lower is better) plus the 10,000-deal limit for commands.
    struct Row {
        var label: String
        var key: String
        var kind: Kind
        var target100k: Double?
        var target10k: Double?
        var higherIsBetter = false

        enum Kind { case seconds, kb, bytes, ratio, count, load }
    }

    static let rows: [Row] = [
        Row(label: "feed size", key: "bytes", kind: .bytes),
        Row(
            label: "load: `Store.load` = read + decode + validate (in process)", key: "load", kind: .seconds,
            target100k: 0.5),
        Row(label: "  split: read the file into an array", key: "read", kind: .seconds),
        Row(label: "  split: decode + validate that array", key: "decode", kind: .seconds),
        Row(label: "validate a loaded feed (DealValidator, what save runs)", key: "validate", kind: .seconds),
        Row(
            label: "save: Store.save, atomic (lock, validate, sort, encode, fsync, rename)", key: "save",
            kind: .seconds, target100k: 0.5),
        Row(label: "  of which encode", key: "encode", kind: .seconds),
        Row(label: "  of which encode + write + fsync + rename", key: "save_encode_write", kind: .seconds),
        Row(
            label: "`list --country KR --format csv`, end to end", key: "list_csv", kind: .seconds, target100k: 0.8,
            target10k: 0.15),
        Row(label: "`summary`, end to end", key: "summary", kind: .seconds, target100k: 0.8, target10k: 0.15),
        Row(label: "`summary --by vendor`, end to end", key: "summary_vendor", kind: .seconds, target10k: 0.15),
        Row(
            label: "`report --format html` (every deal; to standard output), end to end", key: "report_html",
            kind: .seconds, target100k: 2.0),
        Row(
            label: "`list --vendor nvidia --since 2026` (table), end to end", key: "list_table", kind: .seconds,
            target10k: 0.15),
        Row(label: "`validate FILE`, end to end", key: "validate_cmd", kind: .seconds, target10k: 0.15),
        Row(label: "`show ID`, end to end", key: "show_cmd", kind: .seconds, target10k: 0.15),
        Row(
            label: "`add` (load, validate, atomic save with fsync), end to end", key: "add_cmd", kind: .seconds,
            target10k: 0.15),
        Row(
            label: "`edit ID --title ... --operational-mw 12`, end to end", key: "edit_cmd", kind: .seconds,
            target10k: 0.15),
        Row(label: "`remove ID`, end to end", key: "remove_cmd", kind: .seconds, target10k: 0.15),
        Row(label: "rows selected (sovtrack / jq)", key: "list_rows", kind: .count),
        Row(label: "`jq` on the same selection", key: "jq", kind: .seconds),
        Row(
            label: "jq time ÷ sovtrack `list` time", key: "jq_ratio", kind: .ratio, target100k: 6, higherIsBetter: true),
        Row(
            label: "dashboard: load + first frame (in process)", key: "tui_first_frame", kind: .seconds, target100k: 1.0
        ),
        Row(label: "  of which first frame after load (state + render)", key: "tui_frame_only", kind: .seconds),
        Row(
            label: "keystroke: move selection (↓, Deals view), rendered", key: "tui_key_move", kind: .seconds,
            target100k: 0.016),
        Row(
            label: "keystroke: move selection (↓, Countries view), rendered", key: "tui_key_move_countries",
            kind: .seconds, target100k: 0.016),
        Row(
            label: "keystroke: type one search character, rendered", key: "tui_key_search", kind: .seconds,
            target100k: 0.016),
        Row(
            label: "  the very first search, typed at once after the first frame", key: "tui_key_search_cold",
            kind: .seconds, target100k: 0.016),
        Row(
            label: "  a later first character in the same (Countries) view", key: "tui_key_search_countries",
            kind: .seconds, target100k: 0.016),
        Row(
            label: "  search index ready at the first frame (1 = yes)", key: "tui_search_ready_at_first_frame",
            kind: .ratio),
        Row(label: "  building the search index, on every core", key: "tui_search_build", kind: .seconds),
        Row(label: "  building the search index on one core", key: "tui_search_build_1core", kind: .seconds),
        Row(
            label: "  byte search of every deal's text, one core: `ByteSearch` (SIMD)", key: "tui_search_scan",
            kind: .seconds),
        Row(label: "  a second character (narrows)", key: "tui_key_search_second", kind: .seconds, target100k: 0.016),
        Row(
            label: "keystroke: open the vendor picker (v), rendered", key: "tui_key_vendor_picker", kind: .seconds,
            target100k: 0.016),
        Row(
            label: "keystroke: apply a vendor filter (Enter), rendered", key: "tui_key_vendor", kind: .seconds,
            target100k: 0.016),
        Row(
            label: "keystroke: page down (Deals view), rendered", key: "tui_key_page", kind: .seconds, target100k: 0.016
        ),
        Row(label: "keystroke: end of the list, rendered", key: "tui_key_end", kind: .seconds, target100k: 0.016),
        Row(
            label: "keystroke: switch view (1, then 2), rendered", key: "tui_key_view", kind: .seconds,
            target100k: 0.016),
        Row(label: "keystroke: next sort (s), rendered", key: "tui_key_sort", kind: .seconds, target100k: 0.016),
        Row(
            label: "keystroke: reverse sort (S), rendered", key: "tui_key_sort_reverse", kind: .seconds,
            target100k: 0.016),
        Row(
            label: "keystroke: backspace at the search prompt, rendered", key: "tui_key_search_backspace",
            kind: .seconds, target100k: 0.016),
        Row(
            label: "keystroke: hide a column in the chooser (|, Space), rendered", key: "tui_key_columns",
            kind: .seconds, target100k: 0.016),
        Row(
            label: "keystroke: sort countries by HHI (s), rendered", key: "tui_key_sort_hhi", kind: .seconds,
            target100k: 0.016),
        Row(
            label: "keystroke: sort vendors by top in (s), rendered", key: "tui_key_sort_top_in", kind: .seconds,
            target100k: 0.016),
        Row(label: "peak memory: load (VmHWM)", key: "hwm_load_kb", kind: .kb, target100k: 300 * 1024),
        Row(label: "peak memory: load + validate + save", key: "hwm_save_kb", kind: .kb, target100k: 300 * 1024),
        Row(label: "  then also encoding the feed into one array (bench only)", key: "hwm_kb", kind: .kb),
        Row(
            label: "peak memory: `list --country KR --format csv`", key: "list_csv_rss_kb", kind: .kb,
            target100k: 300 * 1024),
        Row(label: "peak memory: `summary`", key: "summary_rss_kb", kind: .kb, target100k: 300 * 1024),
        Row(label: "peak memory: `edit` (load + save)", key: "edit_cmd_rss_kb", kind: .kb, target100k: 300 * 1024),
        Row(label: "peak memory: dashboard", key: "tui_hwm_kb", kind: .kb, target100k: 300 * 1024),
        Row(label: "peak memory: `jq`", key: "jq_rss_kb", kind: .kb),
        Row(label: "peak memory of the worst command ÷ feed size", key: "mem_multiple", kind: .ratio),
        Row(
            label: "  (peak − 100 MiB) ÷ feed size: the bound of docs/security.md", key: "mem_bound_multiple",
            kind: .ratio, target100k: 10),
        Row(
            label: "hostile: `validate` of 20 × N empty deals `{}`, end to end", key: "hostile_validate", kind: .seconds
        ),
        Row(label: "  its peak memory", key: "hostile_rss_kb", kind: .kb),
        Row(label: "  (peak − 100 MiB) ÷ its size", key: "hostile_bound_multiple", kind: .ratio, target100k: 10),
        Row(
            label: "hostile: `import` of 20 × N refused CSV rows `id,title`, end to end", key: "hostile_csv_import",
            kind: .seconds),
        Row(label: "  its peak memory", key: "hostile_csv_rss_kb", kind: .kb),
        Row(label: "  (peak − 100 MiB) ÷ its size", key: "hostile_csv_bound_multiple", kind: .ratio, target100k: 10),
        Row(label: "load average (1 min) before / after this size", key: "load_average_1m", kind: .load),
    ]

    static func table(sizes: [Int], columns: [[String: Double]]) -> String {
        var cols = columns
        for i in cols.indices {
            if let jq = cols[i]["jq"], let list = cols[i]["list_csv"], list > 0 { cols[i]["jq_ratio"] = jq / list }
        }
        let index100k = sizes.firstIndex(of: 100_000)
        let index10k = sizes.firstIndex(of: 10_000)
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
            var targets: [String] = []
            var verdicts: [String] = []
            if let t = row.target100k {
                targets.append((row.higherIsBetter ? "≥ " : "≤ ") + format(t, row.kind) + " @100k")
                if let i = index100k, let v = cols[i][row.key] {
                    verdicts.append((row.higherIsBetter ? v >= t : v <= t) ? "yes" : "**no**")
                }
            }
            if let t = row.target10k {
                targets.append("≤ " + format(t, row.kind) + " @10k")
                if let i = index10k, let v = cols[i][row.key] { verdicts.append(v <= t ? "yes" : "**no**") }
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
