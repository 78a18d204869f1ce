import DealKit
import Foundation
import TestSupport
import XCTest

/// Issue 11's adversarial corpus, run through every command that reads input, on every
/// output format. Each run must: exit below 128 (no crash, no signal, no hang); on failure
/// end with one located line `sovtrack: ...` on standard error; never put a byte that acts
/// on a terminal on standard output or error (C0 but LF and tab, C1, bidi controls);
/// leave the store byte for byte as it was when a change is refused; and peak below
/// 100 MiB + 10 × the input's size (docs/security.md).
final class AdversarialCorpusTests: XCTestCase {
    /// What a run must never exceed, for an input of `size` bytes.
    static func memoryBound(_ size: Int) -> Int { (100 << 20) + 10 * size }

    /// File names that are themselves hostile: every error line prints them.
    static let hostileNames = [
        "f\u{1B}]52;c;cHduZWQ=\u{7}", "g\u{9B}2J\u{9D}0;t\u{9C}", "h\nsovtrack: fake line", "i\u{202E}nosj",
        "j\u{200B}",
    ]

    private let binary = SovtrackProcess.binary.path

    /// One command's run and its checks; returns what went wrong.
    private func check(
        _ args: [String], in dir: URL, input size: Int, label: String,
        mustMention location: String? = nil, store: URL? = nil
    ) -> (MeasuredProcess.Result, [String]) {
        let before = store.flatMap { try? Data(contentsOf: $0) }
        let env = ["LANG": "C.UTF-8", "HOME": dir.path, "XDG_DATA_HOME": dir.path, "PATH": "/usr/bin:/bin"]
        // Long enough for the largest cases on a loaded machine; a hang is still caught.
        let r = MeasuredProcess.run(binary, args, env: env, cwd: dir.path, timeout: 60)
        var problems: [String] = []
        let what = "\(label): sovtrack \(args.map { $0.debugDescription }.joined(separator: " "))"
        if r.timedOut { problems.append("\(what): timed out") }
        if r.status >= 128 || r.signal != nil {
            problems.append("\(what): exit \(r.status)\(r.signal.map { " (signal \($0))" } ?? "")")
        }
        if let h = r.stdout.hostile { problems.append("\(what): standard output has a \(h)") }
        if let h = r.stderr.hostile { problems.append("\(what): standard error has a \(h)") }
        if r.status != 0 && r.status < 128 {
            let last = r.stderr.lastLine
            if !last.hasPrefix("sovtrack: ") {
                problems.append(
                    "\(what): exit \(r.status) without a 'sovtrack: ' error line (last line: \(last.debugDescription))")
            }
            if let location, !last.contains(SafeText.sanitize(location)) {
                problems.append("\(what): the error line does not say where: \(last.debugDescription)")
            }
            if let store, let before, (try? Data(contentsOf: store)) != before {
                problems.append("\(what): exit \(r.status) but the store changed")
            }
        }
        if r.maxRSS > Self.memoryBound(size) {
            problems.append(
                "\(what): peak memory \(r.maxRSS >> 20) MiB, above the bound \(Self.memoryBound(size) >> 20) MiB for \(size) bytes of input"
            )
        }
        return (r, problems)
    }

    /// A small valid store holding `xx-a` and `xx-b`, which the CSV cases update.
    private func freshStore(in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("store.json")
        try Data(FeedBuilder.document([FeedBuilder.dealJSON(id: "xx-a"), FeedBuilder.dealJSON(id: "xx-b")]).utf8).write(
            to: url)
        return url
    }

    /// Every command that reads `c` (as a file to check or import, and as a store to list,
    /// summarise and show, in every format), and the store it changes.
    private func runCase(_ c: HostileCorpus.Case, bytes: [UInt8], index: Int) throws -> [String] {
        let dir = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ext = c.kind == .feed ? ".json" : ".csv"
        // Every fourth case has a file name that is itself an attack.
        let base = index % 4 == 0 ? Self.hostileNames[(index / 4) % Self.hostileNames.count] : "input"
        let file = dir.appendingPathComponent(base + ext)
        try Data(bytes).write(to: file)
        let size = bytes.count
        let store = try freshStore(in: dir)
        var problems: [String] = []
        func run(_ args: [String], mention: String? = nil, store s: URL? = nil) -> MeasuredProcess.Result {
            let (r, p) = check(args, in: dir, input: size, label: c.name, mustMention: mention, store: s)
            problems += p
            return r
        }
        // Formats taken in turn where running all of them for every case would add nothing but time.
        let formats = OutputFormat.allCases.map(\.rawValue)
        func turn(_ k: Int) -> String { formats[(index + k) % formats.count] }
        /// After a change was made, the store reads back safely (in a format taken in turn) and is valid.
        func readBack() {
            _ = run(["list", "--store", store.path, "--format", turn(0)])
            _ = run(["validate", store.path])
        }
        switch c.kind {
        case .feed:
            let valid = run(["validate", file.path], mention: file.path).status == 0
            if run(["import", file.path, "--store", store.path], mention: file.path, store: store).status == 0 {
                readBack()
            }
            if valid {
                for format in formats { _ = run(["list", "--store", file.path, "--format", format]) }
                _ = run(["summary", "--store", file.path, "--format", turn(1)])
                _ = run(["summary", "--store", file.path, "--by", "vendor", "--format", turn(2)])
                let report = turn(3) == "md" ? "md" : "html"
                _ = run([
                    "report", "--store", file.path, "--format", report, "--output",
                    dir.appendingPathComponent("report." + report).path,
                ])
                if let id = c.dealID {
                    _ = run(["show", "--store", file.path, id])
                    _ = run(["show", "--store", file.path, id, "--json"])
                }
            } else {
                _ = run(["list", "--store", file.path], mention: file.path)
            }
        case .csv:
            if run(["import", file.path, "--store", store.path], mention: file.path, store: store).status == 0 {
                readBack()
            }
        case .epoch:
            let rejects = dir.appendingPathComponent("rejects.csv").path
            if run(
                ["import", "--from", "epoch", file.path, "--store", store.path, "--rejects", rejects],
                mention: file.path, store: store
            ).status == 0 {
                readBack()
            }
        }
        return problems
    }

    /// `add` and `edit` with hostile values in every flag.
    private func runFlags(_ s: String, index: Int) throws -> [String] {
        let dir = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try freshStore(in: dir)
        var problems: [String] = []
        let flags = [
            "--title", "--sponsor", "--platform", "--site", "--partner", "--model", "--tag", "--source", "--milestone",
            "--country", "--announced", "--status", "--target-mw", "--initial-mw", "--confidence",
        ]
        let flag = flags[index % flags.count]
        let value = flag == "--partner" ? s + ":vendor" : flag == "--milestone" ? "2027:" + s : s
        let id = "zz-flag-\(index)"
        for args in [
            [
                "add", "--store", store.path, "--id", id, "--title", "T", "--country", "KR", "--announced", "2026",
                flag, value,
            ],
            ["edit", "--store", store.path, "xx-a", flag, value],
        ] {
            let (r, p) = check(args, in: dir, input: s.utf8.count, label: "flag \(flag)", store: store)
            problems += p
            if r.status == 0 {
                let format = OutputFormat.allCases[index % OutputFormat.allCases.count].rawValue
                problems +=
                    check(
                        ["list", "--store", store.path, "--format", format], in: dir, input: 0, label: "after \(flag)"
                    ).1
                problems +=
                    check(
                        ["show", "--store", store.path, "xx-a", index % 2 == 0 ? "--json" : "--store=\(store.path)"],
                        in: dir, input: 0, label: "after \(flag)"
                    ).1
            }
        }
        for bad in [
            ["add", "--store", store.path, "--id", s], ["edit", "--store", store.path, s, "--title", "x"],
            ["show", "--store", store.path, s], ["list", "--store", store.path, "--country", s],
            ["list", "--store", store.path, "--format", s],
        ] {
            problems += check(bad, in: dir, input: s.utf8.count, label: "argument", store: store).1
        }
        return problems
    }

    func testTheCorpusBreaksNoPromise() throws {
        let seed = testSeed(11)
        let corpus = HostileCorpus.generated(seed: seed) + (try HostileCorpus.fixtures(root: PackageRoot.url))
        XCTAssertGreaterThanOrEqual(corpus.count, 100, "at least 100 hostile feeds and CSV files")
        // A plain run takes a sample of the small cases; the whole corpus (megabytes of input
        // included, with their memory bounds) runs with SOVTRACK_TEST_FULL=1, from .ci/run.
        var rng = SplitMix64(seed: seed)
        let small = corpus.indices.filter { TestScale.isFull || !corpus[$0].large }
        var chosen = TestScale.sample(
            small, count: 4, using: &rng,
            what: "hostile corpus cases (the \(corpus.count - small.count) large ones left out)")
        var strings = TestScale.sample(
            Array(HostileCorpus.hostileStrings.enumerated().filter { $0.offset % 2 == 0 }), count: 1,
            using: &rng, what: "hostile strings in add and edit flags")
        // SOVTRACK_CORPUS_CASES=name,name runs only those cases, large or not (to try one quickly).
        if let names = ProcessInfo.processInfo.environment["SOVTRACK_CORPUS_CASES"] {
            let wanted = Set(names.split(separator: ",").map(String.init))
            chosen = corpus.indices.filter { wanted.contains(corpus[$0].name) }
            XCTAssertEqual(chosen.count, wanted.count, "SOVTRACK_CORPUS_CASES names a case the corpus does not have")
            strings = []
        }
        let inputs = chosen.map { (index: $0, case: corpus[$0], bytes: corpus[$0].bytes) }
        // Largest first, so that a long run does not finish last on one core.
        var jobs: [() throws -> [String]] = inputs.sorted { $0.bytes.count > $1.bytes.count }.map { input in
            { try self.runCase(input.case, bytes: input.bytes, index: input.index) }
        }
        jobs += strings.map { i, s in { try self.runFlags(s, index: i) } }
        let results = Self.runInParallel(jobs)
        let problems = results.flatMap { $0 }
        for p in problems.prefix(40) { XCTFail(p) }
        if problems.count > 40 { XCTFail("… and \(problems.count - 40) more") }
    }

    /// Runs jobs on two threads (the machine's cores run the children).
    static func runInParallel(_ jobs: [() throws -> [String]]) -> [[String]] {
        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var next = 0
            var results: [[String]]
            init(_ n: Int) { results = Array(repeating: [], count: n) }
        }
        let box = Box(jobs.count)
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount)
        nonisolated(unsafe) let work = jobs
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                box.lock.lock()
                let i = box.next
                box.next += 1
                box.lock.unlock()
                guard i < work.count else { return }
                let r: [String]
                do { r = try work[i]() } catch { r = ["job \(i): \(error)"] }
                box.lock.lock()
                box.results[i] = r
                box.lock.unlock()
            }
        }
        return box.results
    }

    // MARK: Where the output goes

    func testCSVToAFileKeepsTheDataAndToAPipeShowsPlaceholders() throws {
        let dir = try TemporaryDirectory.make()
        let store = dir.appendingPathComponent("s.json")
        let title = "\u{1B}]52;c;cHduZWQ=\u{7}\u{9B}2J\u{202E}x"
        try Data(
            FeedBuilder.document([
                FeedBuilder.dealJSON(
                    id: "xx-a",
                    overrides: [
                        ("title", FeedBuilder.json(title)),
                        ("models", #"["NVIDIA", "=1+1", "+2"]"#),
                    ])
            ]).utf8
        ).write(to: store)
        // To a pipe: placeholders, and formula defence.
        let piped = try CLI.run("list", "--store", store.path, "--format", "csv")
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertNil(MeasuredProcess.firstHostile(Array(piped.stdout.utf8)[...]), piped.stdout)
        XCTAssertTrue(piped.stdout.contains("␛]52;c;cHduZWQ=␇\u{FFFD}2J\u{FFFD}x"), piped.stdout)
        XCTAssertTrue(piped.stdout.contains("NVIDIA;'=1+1;'+2"), piped.stdout)
        // To a file (--output, or standard output redirected to one): the data, read back exactly.
        let out = dir.appendingPathComponent("out.csv")
        XCTAssertEqual(try CLI.run("list", "--store", store.path, "--format", "csv", "--output", out.path).status, 0)
        let redirected = dir.appendingPathComponent("redirected.csv")
        let p = Process()
        p.executableURL = SovtrackProcess.binary
        p.arguments = ["list", "--store", store.path, "--format", "csv"]
        XCTAssertTrue(FileManager.default.createFile(atPath: redirected.path, contents: nil))
        p.standardOutput = try FileHandle(forWritingTo: redirected)
        try p.run()
        p.waitUntilExit()
        for file in [out, redirected] {
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.contains(title), "the file keeps the data: \(file.lastPathComponent)")
            XCTAssertTrue(text.contains("NVIDIA;'=1+1;'+2"), text)
            let back = try DealCSV.read(Array(text.utf8))
            XCTAssertEqual(back.first?.values["title"], title)
            XCTAssertEqual(back.first.map { DealCSV.list($0.values["models"] ?? "") }, ["NVIDIA", "=1+1", "+2"])
        }
        // JSON escapes the same characters everywhere, and is the same data.
        let json = try CLI.run("list", "--store", store.path, "--format", "json")
        XCTAssertNil(MeasuredProcess.firstHostile(Array(json.stdout.utf8)[...]), json.stdout)
        XCTAssertTrue(json.stdout.contains(#"\u001b]52;c;cHduZWQ=\u0007\u009b2J\u202ex"#), json.stdout)
        XCTAssertEqual(FeedDecoder.decode(Array(json.stdout.utf8)).feed.deals.first?.title, title)
    }

    func testAHostileFileNameNeverReachesTheTerminalRaw() throws {
        let dir = try TemporaryDirectory.make()
        for name in Self.hostileNames {
            let file = dir.appendingPathComponent(name + ".json").path
            for args in [
                ["validate", file], ["import", file, "--store", dir.appendingPathComponent("s.json").path],
                ["list", "--store", file],
            ] {
                let r = MeasuredProcess.run(binary, args, env: ["LANG": "C.UTF-8", "HOME": dir.path])
                XCTAssertEqual(r.status, 66, "\(args): \(r.stderr.text)")
                XCTAssertNil(r.stderr.hostile, "\(args): \(r.stderr.text.debugDescription)")
                XCTAssertEqual(
                    r.stderr.text.filter { $0 == "\n" }.count, 1, "one line: \(r.stderr.text.debugDescription)")
                XCTAssertTrue(r.stderr.text.contains(SafeText.sanitize(name)), r.stderr.text)
            }
        }
    }
}
