import DealKit

#if canImport(Glibc)
    import Glibc
#endif

/// `history`: the costs of keeping history (issue 14): a store of N deals with R recorded
/// revisions against the same store without, `log`, `diff` of two N-deal feeds differing in
/// 1,000 deals, `summary --as-of`, and the history's share of the file.
struct HistoryBench {
    var deals = 100_000
    var revisions = 10_000
    var runs = 3
    var seed: UInt64 = 42
    var sovtrack: String

    func run() throws {
        guard access(sovtrack, X_OK) == 0 else { throw BenchError("no sovtrack binary at \(sovtrack)") }
        let dir = System.makeTemporaryDirectory()
        defer { System.removeDirectory(dir) }
        var g = FeedGenerator(seed: seed)
        let feed = g.feed(deals: deals)
        let plain = "\(dir)/plain.json"
        let withHistory = "\(dir)/history.json"
        let changed = "\(dir)/changed.json"
        try FileSystem.writeAtomically(FeedEncoder.encode(feed), to: plain)
        try FileSystem.writeAtomically(FeedEncoder.encode(HistoryBench.withRevisions(feed, revisions)), to: withHistory)
        var other = feed
        for k in 0..<min(1_000, deals) {
            let i = k * (deals / min(1_000, deals))
            other.deals[i].capacity = Capacity(initialMW: 1, targetMW: Double(10_000 + k))
        }
        try FileSystem.writeAtomically(FeedEncoder.encode(other), to: changed)
        let plainBytes = try FileSystem.read(plain).count
        let historyBytes = try FileSystem.read(withHistory).count
        let id = feed.deals[deals / 2].id
        let scratch = "\(dir)/scratch.json"
        let rows: [(String, String?, [String])] = [
            ("edit, no history", plain, ["edit", "--store", scratch, id, "--title", "Renamed"]),
            ("edit, \(revisions) revisions", withHistory, ["edit", "--store", scratch, id, "--title", "Renamed"]),
            (
                "add, no history", plain,
                [
                    "add", "--store", scratch, "--id", "zz-bench", "--title", "T", "--country", "KR", "--announced",
                    "2026",
                ]
            ),
            (
                "add, \(revisions) revisions", withHistory,
                [
                    "add", "--store", scratch, "--id", "zz-bench", "--title", "T", "--country", "KR", "--announced",
                    "2026",
                ]
            ),
            ("summary, \(revisions) revisions", nil, ["summary", "--store", withHistory]),
            ("summary --as-of (undoing half)", nil, ["summary", "--store", withHistory, "--as-of", "2026-03"]),
            ("log --format csv", nil, ["log", "--store", withHistory, "--format", "csv"]),
            ("log ID", nil, ["log", "--store", withHistory, id]),
            (
                "diff of two feeds, 1,000 deals differ (json)", nil,
                ["diff", plain, changed, "--format", "json", "--store", plain]
            ),
        ]
        print("| \(deals) deals | median of \(runs) |\n| --- | --- |")
        for (name, source, args) in rows {
            var times: [Double] = []
            for _ in 0..<runs {
                if let source { try System.copyFile(source, to: scratch) }
                let r = System.run([sovtrack] + args, environment: ["LANG": "C.UTF-8", "SOVTRACK_AUTHOR": "bench"])
                guard r.status == 0 || (args.first == "diff" && r.status == 1) else {
                    throw BenchError("sovtrack \(args.joined(separator: " ")) failed (exit \(r.status))")
                }
                times.append(r.seconds)
                for suffix in ["", ".lock", ".bak.1", ".bak.2", ".bak.3"] where source != nil {
                    unlink(scratch + suffix)
                }
            }
            print("| \(name) | \(Report.ms(median(times))) |")
        }
        try HistoryBench.checkDiff(
            sovtrack, plain, changed,
            expected: Set((0..<min(1_000, deals)).map { feed.deals[$0 * (deals / min(1_000, deals))].id }))
        let share = Double(historyBytes - plainBytes) / Double(plainBytes) * 100
        print("| store without history | \(plainBytes) bytes |")
        print(
            "| store with \(revisions) revisions | \(historyBytes) bytes (history +\(String(format: "%.1f", share))%) |"
        )
    }

    /// The diff just timed reports exactly the deals changed (each in its capacity, which is all
    /// that was changed), known from how `changed` was made rather than from the diff's code.
    static func checkDiff(_ sovtrack: String, _ plain: String, _ changed: String, expected: Set<String>) throws {
        let r = System.run(
            [sovtrack, "diff", plain, changed, "--format", "json", "--store", plain], captureStdout: true,
            environment: ["LANG": "C.UTF-8"])
        let parsed = try JSONReader.parse(r.stdout) { try $0.readValue() }
        guard r.status == 1, case .array(let items) = parsed else {
            throw BenchError("diff check: exit \(r.status), no JSON array")
        }
        var ids = Set<String>()
        for item in items {
            guard case .object(let f) = item, case .string(let id)? = DealFields.value("id", in: f),
                case .string(let field)? = DealFields.value("field", in: f), field.hasPrefix("capacity")
            else { throw BenchError("diff check: a change that was not made: \(item)") }
            ids.insert(id)
        }
        guard ids == expected else {
            throw BenchError(
                "diff check: \(ids.subtracting(expected).count) deals reported but not changed, \(expected.subtracting(ids).count) changed but not reported"
            )
        }
        print("| diff check | \(items.count) changes in exactly the \(expected.count) deals changed |")
    }

    /// `feed` with `count` revisions recorded, spread over 2026-01 to 2026-06: targets revised,
    /// milestones moved, statuses advanced, each on a deal picked in turn.
    static func withRevisions(_ feed: Feed, _ count: Int) -> Feed {
        var f = feed
        var revisions: [Revision] = []
        revisions.reserveCapacity(count)
        let recorder = RevisionRecorder(author: "bench", note: nil)
        for k in 0..<count {
            let i = (k &* 7_919) % f.deals.count
            let old = f.deals[i]
            var new = old
            switch k % 3 {
            case 0:
                new.capacity = Capacity(
                    initialMW: old.capacity?.initialMW, targetMW: Double(100 + k % 900), confidence: .reported)
            case 1: new.milestones.append(Milestone(date: PartialDate("2027-H\(1 + k % 2)")!, event: "Bench step \(k)"))
            default: new.status = k % 2 == 0 ? .planned : .underConstruction
            }
            if new == old { new.notes = "bench \(k)" }
            let month = 1 + k * 6 / count
            let day = 1 + k % 28
            let at = "2026-0\(month)-\(day < 10 ? "0" : "")\(day)T12:00:00Z"
            if let r = recorder.revision(id: old.id, old: old, new: new, at: at) { revisions.append(r) }
            f.deals[i] = new
        }
        History(revisions: revisions).store(in: &f)
        return f
    }
}
