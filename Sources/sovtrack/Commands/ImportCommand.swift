#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import DealKit

/// `sovtrack import`: merge a feed, a CSV file or Epoch AI's GPU clusters CSV into the store by id.
struct ImportCommand: ParsableCommand {
    /// The kinds of file `import` reads.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        /// A sovtrack feed (`.json`).
        case feed
        /// The feed's CSV columns (`.csv`).
        case csv
        /// Epoch AI's GPU Clusters dataset (CSV).
        case epoch
    }

    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a feed (.json), a CSV file (.csv) or Epoch AI's GPU clusters CSV into the store by id.",
        discussion: """
        A new id is added; a known id is updated without erasing what the file does not \
        mention: keys a feed's deal lacks (columns a CSV file lacks) are kept, and sources, \
        milestones, partners, products, models and tags gain the incoming items (an item named \
        like a stored one replaces it). --replace makes an incoming deal replace the stored one \
        whole. --dry-run prints, field by field, what would change. An id the file gives twice \
        with different contents is reported as conflicting, not applied, and the exit status \
        is 65. If any row is invalid, nothing is imported and every problem is listed. The \
        store is created if it does not exist. Each change is recorded in the history (--note).

        With --from epoch the file is Epoch AI's "GPU Clusters" dataset (CC BY 4.0; credit \
        "Epoch AI, GPU Clusters dataset"). Each row becomes a deal with a stable id \
        (epoch-<name>), so importing a newer snapshot updates deals in place. Rows that cannot \
        become a valid deal (no country, say) are not imported: the report counts them by \
        reason and --rejects FILE writes them out unchanged. docs/import-epoch.md has the mapping.
        Examples:
          sovtrack import partner-feed.json --dry-run
          sovtrack import edits.csv
          sovtrack import --from epoch gpu_clusters.csv --rejects rejected.csv
          sovtrack import --from epoch --bundled

        With --bundled, the Epoch AI snapshot shipped with sovtrack is imported: about 700 \
        clusters in 40 countries and more (\(BundledEpoch.credit)).
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The file to import (.json feed, .csv, or Epoch's CSV with --from epoch).", valueName: "file")) var fileArgument: String?
    @Flag(help: "With --from epoch: import the Epoch AI snapshot bundled with sovtrack instead of a file.") var bundled = false

    /// The file named, or what the bundled snapshot is called in messages.
    private var file: String { fileArgument ?? "bundled Epoch AI snapshot (\(BundledEpoch.snapshot))" }
    @Option(name: .customLong("from"), help: ArgumentHelp("What the file is: feed, csv or epoch (default: from the file's extension).", valueName: "kind"))
    var from: Kind?
    @Option(name: .customLong("rejects"), help: ArgumentHelp("With --from epoch: write the rows that were not imported here, as CSV.", valueName: "file"))
    var rejects: String?
    @Flag(name: .customLong("dry-run"), help: "Report what would change; write nothing to the store.") var dryRun = false
    @Flag(name: .long, help: "With --rejects: replace an existing file without asking.") var force = false
    @Flag(name: .long, help: "An incoming deal replaces the stored one whole, instead of adding to it.") var replace = false
    @Option(help: "Why: recorded with the changes in the history (see 'sovtrack log').") var note: String?

    func validate() throws {
        if rejects != nil && from != .epoch {
            throw ValidationError("--rejects only applies to --from epoch")
        }
        if bundled && from != .epoch { throw ValidationError("--bundled only applies to --from epoch") }
        if bundled && fileArgument != nil { throw ValidationError("--bundled imports the bundled snapshot: give no file") }
        if !bundled && fileArgument == nil { throw ValidationError("give the file to import (or --from epoch --bundled)") }
        if force && rejects == nil { throw ValidationError("--force only applies to --rejects") }
    }

    func run() throws {
        if from == .epoch { return try runEpoch() }
        let data: [UInt8]
        do { data = try FileSystem.read(file) } catch let e as StoreError { throw CLIError(e) }
        var problems = Problems()
        let incoming: [(id: String, make: (Deal?) -> Deal)]
        if from == .csv || (from == nil && file.lowercased().hasSuffix(".csv")) {
            let rows: [DealCSV.Row]
            do { rows = try DealCSV.read(data) } catch let e as CSVError {
                // Epoch's file read as the feed's CSV fails on its header: say what to do instead.
                let hint = (try? CSVReader.parse(data).first).map { EpochHeader($0.fields).missingRequired.isEmpty } == true
                    ? " (this looks like Epoch AI's GPU clusters CSV: add --from epoch)" : ""
                throw CLIError.data("\(file):\(e.line): \(e.message)\(hint)")
            }
            incoming = rows.map { row in
                ((row.values["id"] ?? "").trimmingCharacters(in: .whitespaces), { [replace] base in
                    let (deal, rowProblems) = DealCSV.apply(row, to: base)
                    for p in rowProblems { problems.add("\(file):\(row.line): \(p)") }
                    guard let base, !replace, rowProblems.isEmpty else { return deal }
                    return ImportCommand.merged(base, deal, mentioned: nil, at: "\(file):\(row.line)", &problems)
                })
            }
        } else {
            let result = FeedDecoder.decode(data)
            if result.hasErrors {
                for issue in result.issues where issue.isError { Console.err(issue.formatted(file: file)) }
                if result.omittedErrors > 0 { Console.err(Console.moreProblems(result.omittedErrors)) }
                throw CLIError.data("\(file): not imported: \(result.errorCount) error(s); the store is unchanged")
            }
            let raw = ImportCommand.rawDeals(data, count: result.feed.deals.count)
            incoming = result.feed.deals.enumerated().map { n, d in
                (d.id, { [replace, file] base in
                    guard let base, !replace else { return d }
                    return ImportCommand.merged(base, d, mentioned: raw?[n], at: "\(file): deals[\(n)]", &problems)
                })
            }
        }
        let store = try storeOptions.open(recording: true, note: note, action: "import")
        let existed = store.exists
        let report: ImportReport
        var changes: [DealChange] = []
        do {
            if dryRun {
                var feed = existed ? try store.load().feed : Feed()
                let before = feed.deals
                report = Importer.merge(incoming, into: &feed) { problems.count == 0 }
                try check(problems)
                let issues = DealValidator.issues(for: feed).filter(\.isError)
                if !issues.isEmpty { throw StoreError.invalidChange(issues: issues) }
                changes = DealDiff.changes(from: before, to: feed.deals)
            } else {
                report = try store.update(createIfMissing: true) { feed in
                    let r = Importer.merge(incoming, into: &feed) { problems.count == 0 }
                    try check(problems)
                    return r
                }
            }
        } catch let e as StoreError {
            throw CLIError(e)
        }
        Console.out(report.description + "\n")
        if dryRun {
            if !changes.isEmpty { Console.out(ChangeExport.render(changes, as: .table)) }
            Console.out("dry run: nothing was written\n")
        } else if !existed {
            Console.err("created a new store at \(store.path)")
        }
        if !report.conflicts.isEmpty {
            throw CLIError.data("\(file): \(report.conflicts.count) id(s) given twice with different contents were not imported")
        }
    }

    /// `stored` updated by `incoming` without erasing what it does not mention; on a problem,
    /// it is noted (so nothing is imported) and the stored deal stands.
    static func merged(_ stored: Deal, _ incoming: Deal, mentioned: [JSONField]?, at place: String, _ problems: inout Problems) -> Deal {
        switch ImportMerge.merge(stored: stored, incoming: incoming, mentioned: mentioned) {
        case .success(let d): return d
        case .failure(let e):
            for issue in e.issues { problems.add("\(place): merged with the stored \(stored.id): \(issue.message)") }
            return stored
        }
    }

    /// Each deal of a feed as written, to know which keys it mentions; nil when they do not
    /// line up with the `count` decoded deals.
    static func rawDeals(_ data: [UInt8], count: Int) -> [[JSONField]]? {
        guard case .object(let top)? = try? JSONReader.parse(data, { try $0.readValue() }),
              case .array(let items)? = DealFields.value("deals", in: top), items.count == count else { return nil }
        return items.map { if case .object(let f) = $0 { return f }; return [] }
    }

    /// The problems of an import's rows: the first `FeedDecoder.issueLimit` kept to list, the
    /// rest only counted, so two million bad rows cost no more than a hundred.
    struct Problems {
        private(set) var listed: [String] = []
        private(set) var count = 0

        mutating func add(_ problem: String) {
            count += 1
            if listed.count < FeedDecoder.issueLimit { listed.append(problem) }
        }
    }

    private func check(_ problems: Problems) throws {
        guard problems.count > 0 else { return }
        for p in problems.listed { Console.err(p) }
        if problems.count > problems.listed.count { Console.err(Console.moreProblems(problems.count - problems.listed.count)) }
        throw CLIError.data("\(file): not imported: \(problems.count) problem(s); the store is unchanged")
    }

    /// `--from epoch`: map Epoch's rows to deals, merge what can be merged, account for the rest.
    private func runEpoch() throws {
        let start = ContinuousClock.now
        var progress = Progress(start: start)
        defer { progress.clear() }
        let data: [UInt8]
        if bundled {
            data = BundledEpoch.bytes
        } else {
            do { data = try FileSystem.read(file) } catch let e as StoreError { throw CLIError(e) }
        }
        progress.show("reading \(file)")
        let epoch: EpochImport
        do {
            epoch = try EpochImport.read(data) { done, total in progress.show("mapping rows: \(done)/\(total)") }
        } catch {
            if case .syntax(let e) = error { throw CLIError.data("\(file):\(e.line): \(e.message)") }
            throw CLIError.data("\(file): \(error.description)")
        }
        if let rejects {
            try Console.writeFile(epoch.rejectsCSV(), to: rejects, force: force, store: storeOptions.path)
        }
        let store = try storeOptions.open(recording: true, note: note, action: "import")
        let existed = store.exists
        var report: EpochReport
        progress.show(dryRun ? "merging" : "merging and saving", force: true)
        do {
            if dryRun {
                var feed = existed ? try store.load().feed : Feed()
                report = epoch.merge(into: &feed)
                let issues = DealValidator.issues(for: feed).filter(\.isError)
                if !issues.isEmpty { throw StoreError.invalidChange(issues: issues) }
            } else {
                report = try store.update(createIfMissing: true) { feed in epoch.merge(into: &feed) }
            }
        } catch let e as StoreError {
            throw CLIError(e)
        }
        let elapsed = (ContinuousClock.now - start).components
        report.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        progress.clear()
        Console.out(report.description + "\n")
        Console.out("data: \(BundledEpoch.credit)\n")
        if let rejects { Console.out("rejected rows (\(report.rejections.count)) written to \(rejects)\n") }
        if dryRun {
            Console.out("dry run: nothing was written to the store\n")
        } else if !existed {
            Console.err("created a new store at \(store.path)")
        }
    }

    /// A one-line progress indicator on standard error, shown only on a terminal and only once
    /// an import has taken more than a moment.
    struct Progress {
        /// How long an import runs before the indicator appears.
        static let delay = Duration.milliseconds(300)
        let start: ContinuousClock.Instant
        let enabled = isatty(2) == 1
        var shown = false
        var lastDrawn: ContinuousClock.Instant?

        init(start: ContinuousClock.Instant) { self.start = start }

        /// Redraws the line with `text`, at most ten times a second unless `force` (a new phase).
        mutating func show(_ text: String, force: Bool = false) {
            guard enabled else { return }
            let now = ContinuousClock.now
            guard now - start >= Progress.delay else { return }
            if !force, let last = lastDrawn, now - last < .milliseconds(100) { return }
            lastDrawn = now
            shown = true
            Progress.write("\r\u{1B}[K" + SafeText.sanitize(text))
        }

        /// Removes the line, if it was drawn.
        mutating func clear() {
            guard shown else { return }
            shown = false
            Progress.write("\r\u{1B}[K")
        }

        /// Writes to standard error without adding a line break.
        private static func write(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress!, $0.count) }
        }
    }
}
