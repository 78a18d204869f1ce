import DealKit

#if canImport(Glibc)
    import Glibc
#endif

/// sovtrack-bench: synthetic feeds and the performance figures of docs/performance.md.
///
///     sovtrack-bench generate --deals N [--seed S] [--revisions R] --output FILE
///     sovtrack-bench run [--sizes 1000,10000,100000] [--seed S] [--runs 5] [--jq-runs 3]
///                        [--sovtrack PATH] [--keep DIR] [--no-jq] [--no-dashboard]
///     sovtrack-bench history [--deals N] [--revisions R] [--runs 3]   (the cost of history, issue 14)
///     sovtrack-bench selfcheck            (the generator: deterministic, valid, round-trips)
///     sovtrack-bench measure FILE [--save STORE]     (one child's in-process phases)
///     sovtrack-bench measure-dashboard FILE|URL      (one child's dashboard timings)
///     sovtrack-bench pg-writer --store URL --writer W --edits N --own ID --shared ID,ID [--wait]
///                                                    (one writer of the database load test)
let usage = """
    usage: sovtrack-bench generate --deals N [--seed S] [--revisions R] --output FILE
           sovtrack-bench run [--sizes 1000,10000,100000] [--seed S] [--runs N] [--jq-runs N]
                              [--sovtrack PATH] [--keep DIR] [--no-jq] [--no-dashboard]
           sovtrack-bench history [--deals 100000] [--revisions 10000] [--runs 3] [--sovtrack PATH]
           sovtrack-bench selfcheck
           sovtrack-bench measure FILE [--save STORE]
           sovtrack-bench measure-dashboard FILE|URL
           sovtrack-bench pg-writer --store URL --writer W --edits N --own ID --shared ID,ID
                                    [--shared-every K] [--wait]
    """

func fail(_ message: String, code: Int32 = 64) -> Never {
    var line = "sovtrack-bench: \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(code)
}

/// Options as `--name value` pairs and bare flags, after the subcommand.
struct Arguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positional: [String] = []

    init(_ args: ArraySlice<String>, flags known: Set<String>) {
        var it = args.makeIterator()
        while let a = it.next() {
            if a.hasPrefix("--") {
                let name = String(a.dropFirst(2))
                if known.contains(name) {
                    flags.insert(name)
                    continue
                }
                guard let v = it.next() else { fail("\(a) needs a value\n\(usage)") }
                values[name] = v
            } else {
                positional.append(a)
            }
        }
    }

    func int(_ name: String) -> Int? {
        guard let v = values[name] else { return nil }
        guard let n = Int(v.replacingUnderscores()), n >= 0 else { fail("--\(name): \(v) is not a whole number") }
        return n
    }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" && $0 != "," }) }
}

let argv = CommandLine.arguments
guard argv.count >= 2 else { fail(usage) }
let args = Arguments(argv.dropFirst(2), flags: ["no-jq", "no-dashboard", "wait"])

do {
    switch argv[1] {
    case "generate":
        guard let n = args.int("deals"), let output = args.values["output"] else { fail(usage) }
        var g = FeedGenerator(seed: UInt64(args.int("seed") ?? 42))
        var feed = g.feed(deals: n)
        // With the history `sovtrack-bench history` times, for profiling a save by hand.
        if let r = args.int("revisions"), r > 0 { feed = HistoryBench.withRevisions(feed, r) }
        let bytes = FeedEncoder.encode(feed)
        try FileSystem.writeAtomically(bytes, to: output)
        print("wrote \(n) deals, \(bytes.count) bytes, to \(output)")
    case "run":
        let dir = FileSystem.directory(of: System.executablePath())
        var bench = Bench(sovtrack: args.values["sovtrack"] ?? dir + "/sovtrack")
        if let s = args.values["sizes"] {
            bench.sizes = s.split(separator: ",").map { item -> Int in
                guard let n = Int(item.filter { $0 != "_" }), n > 0 else { fail("--sizes: bad list \(s)") }
                return n
            }
        }
        if let s = args.int("seed") { bench.seed = UInt64(s) }
        if let r = args.int("runs") { bench.runs = max(1, r) }
        if let r = args.int("jq-runs") { bench.jqRuns = max(1, r) }
        bench.keepDirectory = args.values["keep"]
        if args.flags.contains("no-jq") { bench.jq = nil }
        if args.flags.contains("no-dashboard") { bench.dashboard = false }
        try bench.run()
    case "history":
        let dir = FileSystem.directory(of: System.executablePath())
        var h = HistoryBench(sovtrack: args.values["sovtrack"] ?? dir + "/sovtrack")
        if let n = args.int("deals") { h.deals = max(1_000, n) }
        if let n = args.int("revisions") { h.revisions = max(1, n) }
        if let r = args.int("runs") { h.runs = max(1, r) }
        try h.run()
    case "save-one":
        // `save-one STORE ID`: the save `sovtrack edit STORE ID --title Renamed` makes (a revision
        // recorded), in process, so that `valgrind --tool=callgrind` counts a save's instructions
        // without the command line around it.
        guard args.positional.count == 2 else { fail(usage) }
        final class Kept: @unchecked Sendable { var feeds: [Feed] = [] }
        let kept = Kept()
        var store = Store(path: args.positional[0])
        store.recorder = RevisionRecorder(author: "bench", note: nil)
        // As the command does: the feeds are kept to the end of the process, not freed.
        store.keep = { kept.feeds.append($0) }
        let changed = try store.update(deal: args.positional[1]) { $0?.title = "Renamed" }
        print(changed ? "updated \(args.positional[1])" : "no change")
    case "selfcheck":
        try SelfCheck.run()
    case "measure":
        guard let file = args.positional.first else { fail(usage) }
        try Measure.run(file: file, saveTo: args.values["save"])
    case "spawn":
        System.spawnAndReport(Array(argv.dropFirst(2)))
    case "measure-dashboard":
        guard let file = args.positional.first else { fail(usage) }
        try DashboardMeasure.run(file: file)
    case "pg-writer":
        guard let url = args.values["store"], let writer = args.int("writer"), let edits = args.int("edits"),
            let own = args.values["own"]
        else { fail(usage) }
        var w = PgWriter(
            url: url, writer: writer, edits: edits, own: own,
            shared: args.values["shared"].map { $0.split(separator: ",").map(String.init) } ?? [])
        if let k = args.int("shared-every") { w.sharedEvery = max(1, k) }
        w.wait = args.flags.contains("wait")
        try w.run()
    default:
        fail(usage)
    }
} catch {
    fail("\(error)", code: 1)
}
