import DealKit

#if canImport(Glibc)
    import Glibc
#endif

/// `run`: generates feeds of each size, measures every phase and prints a Markdown table.
struct Bench {
    var sizes: [Int] = [1_000, 10_000, 100_000]
    var seed: UInt64 = 42
    /// Runs per measurement; the table shows the median.
    var runs = 5
    /// Runs of `jq` (slow at 100,000 deals); the median is shown.
    var jqRuns = 3
    var sovtrack: String
    var jq: String? = System.which("jq")
    var keepDirectory: String?
    var dashboard = true

    /// One size's figures, by metric key.
    typealias Column = [String: Double]

    func run() throws {
        guard access(sovtrack, X_OK) == 0 else {
            throw BenchError(
                "no sovtrack binary at \(sovtrack); build it first: swift build -c release --scratch-path .build-bench")
        }
        let dir = keepDirectory ?? System.makeTemporaryDirectory()
        if keepDirectory != nil { try FileSystem.makeDirectories(dir) }
        defer { if keepDirectory == nil { System.removeDirectory(dir) } }

        log(
            "sovtrack-bench: sizes \(sizes.map(String.init).joined(separator: ",")), seed \(seed), \(runs) runs (jq \(jqRuns)), files in \(dir)"
        )
        log("sovtrack: \(sovtrack)")
        for line in System.machineDescription() { log(line) }

        let startup = try startupTime(in: dir)
        var columns: [Column] = []
        for size in sizes {
            columns.append(try measure(size: size, in: dir))
        }
        print(Report.table(sizes: sizes, columns: columns))
        print("")
        print(
            "Process start-up alone (`list --format csv` on a feed of no deals): \(Report.ms(startup.0)) (\(Report.ms(startup.1)) CPU)."
        )
        print("Machine: " + System.machineDescription().joined(separator: "; "))
        print("Medians of \(runs) runs (jq: \(jqRuns)); peak memory is the largest of the runs. Seed \(seed).")
    }

    /// What every command pays before touching a deal: exec, dynamic linking, argument parsing.
    private func startupTime(in dir: String) throws -> (Double, Double) {
        let file = "\(dir)/feed-0.json"
        try FileSystem.writeAtomically(FeedEncoder.encode(Feed()), to: file)
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<max(runs, 5) {
            let r = System.run([sovtrack, "list", "--store", file, "--format", "csv"])
            guard r.status == 0 else { throw BenchError("sovtrack list on an empty feed failed (exit \(r.status))") }
            wall.append(r.seconds)
            cpu.append(r.cpuSeconds)
        }
        return (median(wall), median(cpu))
    }

    private func log(_ s: String) {
        var line = s + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    private func measure(size: Int, in dir: String) throws -> Column {
        var col: Column = [:]
        let file = "\(dir)/feed-\(size).json"
        let loadAvg = System.loadAverage()
        if !FileSystem.exists(file) {
            let (bytes, gen) = System.time { () -> [UInt8] in
                var g = FeedGenerator(seed: seed)
                return FeedEncoder.encode(g.feed(deals: size))
            }
            try FileSystem.writeAtomically(bytes, to: file)
            log("[\(size)] generated \(bytes.count) bytes in \(Report.ms(gen))")
        }
        log("[\(size)] load average before: \(loadAvg)")

        // In-process phases, each run in a fresh child.
        let me = System.executablePath()
        var samples: [String: [Double]] = [:]
        for i in 0..<runs {
            let store = "\(dir)/store-\(size).json"
            try FileSystem.writeAtomically(try FileSystem.read(file), to: store)
            let r = System.run([me, "measure", file, "--save", store], captureStdout: true, keepStderr: true)
            guard r.status == 0 else { throw BenchError("measure \(file) failed (exit \(r.status))") }
            let values = parse(r.stdout)
            if i == 0 {
                if (values["errors"] ?? 0) > 0 { throw BenchError("generated feed \(file) has validation errors") }
                col["bytes"] = values["bytes"]
                col["warnings"] = values["warnings"]
            }
            for (k, v) in values { samples[k, default: []].append(v) }
            for suffix in ["", ".bak.1", ".bak.2", ".bak.3", ".w", ".lock"] { unlink(store + suffix) }
        }
        for k in ["read", "decode", "load", "validate", "encode", "save", "save_sort", "save_encode_write"] {
            if let xs = samples[k] { col[k] = median(xs) }
            if let xs = samples[k + "_cpu"] { col[k + "_cpu"] = median(xs) }
        }
        col["hwm_load_kb"] = samples["hwm_load_kb"]?.max()
        col["hwm_kb"] = samples["hwm_kb"]?.max()
        col["hwm_save_kb"] = samples["hwm_save_kb"]?.max()
        log(
            "[\(size)] load \(Report.ms(col["load"])) (read \(Report.ms(col["read"])), decode \(Report.ms(col["decode"]))), save \(Report.ms(col["save"])), peak \(Report.mb(col["hwm_load_kb"]))"
        )

        // End to end: the release binary, as a user runs it.
        let scratch = file + ".store.json"
        defer { for suffix in ["", ".lock", ".bak.1", ".bak.2", ".bak.3"] { unlink(scratch + suffix) } }
        let firstID = try System.firstDealID(in: file)
        let commands: [(String, [String])] = [
            ("list_csv", ["list", "--store", file, "--country", "KR", "--format", "csv"]),
            ("summary", ["summary", "--store", file]),
            ("summary_vendor", ["summary", "--store", file, "--by", "vendor"]),
            ("report_html", ["report", "--store", file, "--format", "html"]),
            ("list_table", ["list", "--store", file, "--vendor", "nvidia", "--since", "2026"]),
            ("validate_cmd", ["validate", file]),
            ("show_cmd", ["show", "--store", file, firstID]),
            // The writing commands run on a fresh copy of the feed each time (the copy is not timed):
            // each loads, validates, saves atomically with fsync, and rotates the backups.
            (
                "add_cmd",
                [
                    "add", "--store", scratch, "--id", "zz-bench-added", "--title", "Bench deal",
                    "--country", "KR", "--announced", "2026-Q3", "--partner", "NVIDIA:vendor", "--target-mw", "40",
                ]
            ),
            (
                "edit_cmd",
                ["edit", "--store", scratch, firstID, "--title", "Renamed by the benchmark", "--operational-mw", "12"]
            ),
            ("remove_cmd", ["remove", "--store", scratch, firstID]),
        ]
        for (key, args) in commands {
            var times: [Double] = []
            var cpu: [Double] = []
            var rss = 0
            for _ in 0..<runs {
                if args.contains(scratch) { try System.copyFile(file, to: scratch) }
                let r = System.run([sovtrack] + args, environment: ["LANG": "C.UTF-8"])
                guard r.status == 0 else {
                    throw BenchError("sovtrack \(args.joined(separator: " ")) failed (exit \(r.status))")
                }
                times.append(r.seconds)
                cpu.append(r.cpuSeconds)
            }
            if args.contains(scratch) { try System.copyFile(file, to: scratch) }
            rss = System.peakMemoryKB([sovtrack] + args, environment: ["LANG": "C.UTF-8"])
            col[key] = median(times)
            col[key + "_cpu"] = median(cpu)
            col[key + "_rss_kb"] = Double(rss)
            log("[\(size)] \(key) \(Report.ms(col[key])), peak \(Report.mb(Double(rss)))")
        }
        // docs/security.md's memory bound: peak RSS ≤ 100 MiB + 10 × the input's size. Reported
        // as the worst command's (peak − 100 MiB) ÷ input size, which must stay ≤ 10.
        if let bytes = col["bytes"], bytes > 0 {
            let peaks = commands.compactMap { col[$0.0 + "_rss_kb"] }
            col["mem_multiple"] = (peaks.max() ?? 0) * 1024 / bytes
            col["mem_bound_multiple"] = max(0, (peaks.max() ?? 0) * 1024 - Bench.fixedAllowance) / bytes
        }
        try Bench.measureHostile(size: size, sovtrack: sovtrack, into: &col)
        // The rows each tool selects, to check they agree.
        let csv = System.run(
            [sovtrack, "list", "--store", file, "--country", "KR", "--format", "csv"], captureStdout: true)
        col["list_rows"] = Double(csv.stdout.split(separator: 0x0A).count - 1)

        if let jq {
            var times: [Double] = []
            var cpu: [Double] = []
            var rss = 0
            var rows = 0
            for _ in 0..<jqRuns {
                let r = System.run(
                    [jq, "-r", #".deals[] | select(.country=="KR") | [.id,.title] | @csv"#, file], captureStdout: true)
                guard r.status == 0 else { throw BenchError("jq failed on \(file) (exit \(r.status))") }
                times.append(r.seconds)
                cpu.append(r.cpuSeconds)
                rows = r.stdout.split(separator: 0x0A).count
            }
            rss = System.peakMemoryKB([jq, "-r", #".deals[] | select(.country=="KR") | [.id,.title] | @csv"#, file])
            col["jq"] = median(times)
            col["jq_cpu"] = median(cpu)
            col["jq_rss_kb"] = Double(rss)
            col["jq_rows"] = Double(rows)
            log("[\(size)] jq \(Report.ms(col["jq"])) (\(rows) rows; sovtrack \(Int(col["list_rows"] ?? 0)))")
        }

        if dashboard {
            var samples: [String: [Double]] = [:]
            for _ in 0..<max(1, runs) {
                let r = System.run([me, "measure-dashboard", file], captureStdout: true, keepStderr: true)
                guard r.status == 0 else { throw BenchError("measure-dashboard \(file) failed (exit \(r.status))") }
                for (k, v) in parse(r.stdout) { samples[k, default: []].append(v) }
            }
            for (k, xs) in samples { col["tui_" + k] = k.hasSuffix("_kb") ? xs.max() : median(xs) }
            log("[\(size)] dashboard first frame \(Report.ms(col["tui_first_frame"]))")
        }
        col["load_average_1m"] = Double(loadAvg.split(separator: " ").first ?? "") ?? .nan
        col["load_average_after"] = Double(System.loadAverage().split(separator: " ").first ?? "") ?? .nan
        return col
    }

    private func parse(_ bytes: [UInt8]) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let v = Double(parts[1]) else { continue }
            out[String(parts[0])] = v
        }
        return out
    }

    /// The fixed part of the memory bound of docs/security.md (100 MiB).
    static let fixedAllowance = 100.0 * 1024 * 1024

    /// A hostile feed of `size × 20` empty deals (`{}`: four errors each; 2 million at 100,000),
    /// through `validate`: its time and its peak memory over the bound's fixed part, per byte.
    static func measureHostile(size: Int, sovtrack: String, into col: inout [String: Double]) throws {
        let file = "/tmp/sovtrack-bench-hostile-\(getpid()).json"
        defer { unlink(file) }
        var body = Array(#"{"format": "sovtrack-feed", "version": 1, "deals": ["#.utf8)
        body.reserveCapacity(body.count + size * 60 + 3)
        for i in 0..<size * 20 { body += i == 0 ? [0x7B, 0x7D] : [0x2C, 0x7B, 0x7D] }
        body += Array("]}\n".utf8)
        try FileSystem.writeAtomically(body, to: file)
        let r = System.run([sovtrack, "validate", file], environment: ["LANG": "C.UTF-8"])
        guard r.status == 65 else {
            throw BenchError("sovtrack validate on \(size * 20) empty deals: exit \(r.status), expected 65")
        }
        let rss = System.peakMemoryKB([sovtrack, "validate", file], environment: ["LANG": "C.UTF-8"])
        col["hostile_validate"] = r.seconds
        col["hostile_validate_cpu"] = r.cpuSeconds
        col["hostile_rss_kb"] = Double(rss)
        col["hostile_bound_multiple"] = max(0, Double(rss) * 1024 - fixedAllowance) / Double(body.count)
        try measureHostileCSV(size: size, sovtrack: sovtrack, into: &col)
    }

    /// A CSV file of `size × 20` rows `id,title` with new ids (about 10 bytes each; 2 million at
    /// 100,000), every one refused as a new deal needs a country, through `import`: its time and
    /// its peak memory over the bound's fixed part, per byte (issue 11: holding every row before
    /// the merge took 46 times the file).
    static func measureHostileCSV(size: Int, sovtrack: String, into col: inout [String: Double]) throws {
        let file = "/tmp/sovtrack-bench-hostile-\(getpid()).csv"
        let store = "/tmp/sovtrack-bench-hostile-store-\(getpid()).json"
        defer { for f in [file, store, store + ".lock"] { unlink(f) } }
        var body = Array("id,title\n".utf8)
        body.reserveCapacity(size * 20 * 11 + 9)
        for i in 0..<size * 20 { body += Array("y\(i),t\n".utf8) }
        try FileSystem.writeAtomically(body, to: file)
        let args = [sovtrack, "import", file, "--store", store]
        let r = System.run(args, environment: ["LANG": "C.UTF-8"])
        guard r.status == 65 else {
            throw BenchError("sovtrack import of \(size * 20) refused CSV rows: exit \(r.status), expected 65")
        }
        let rss = System.peakMemoryKB(args, environment: ["LANG": "C.UTF-8"])
        col["hostile_csv_import"] = r.seconds
        col["hostile_csv_import_cpu"] = r.cpuSeconds
        col["hostile_csv_rss_kb"] = Double(rss)
        col["hostile_csv_bound_multiple"] = max(0, Double(rss) * 1024 - fixedAllowance) / Double(body.count)
    }
}
