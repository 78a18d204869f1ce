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
    @Argument(
        help: ArgumentHelp(
            "The file to import (.json feed, .csv, or Epoch's CSV with --from epoch).", valueName: "file"))
    var fileArgument: String?
    @Flag(help: "With --from epoch: import the Epoch AI snapshot bundled with sovtrack instead of a file.")
    var bundled = false

    /// The file named, or what the bundled snapshot is called in messages.
    private var file: String { fileArgument ?? "bundled Epoch AI snapshot (\(BundledEpoch.snapshot))" }
    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "What the file is: feed, csv or epoch (default: from the file's extension).", valueName: "kind"))
    var from: Kind?
    @Option(
        name: .customLong("rejects"),
        help: ArgumentHelp("With --from epoch: write the rows that were not imported here, as CSV.", valueName: "file"))
    var rejects: String?
    @Flag(name: .customLong("dry-run"), help: "Report what would change; write nothing to the store.") var dryRun =
        false
    @Flag(name: .long, help: "With --rejects: replace an existing file without asking.") var force = false
    @Flag(name: .long, help: "An incoming deal replaces the stored one whole, instead of adding to it.") var replace =
        false
    @Option(help: "Why: recorded with the changes in the history (see 'sovtrack log').") var note: String?

    func validate() throws {
        if rejects != nil && from != .epoch {
            throw ValidationError("--rejects only applies to --from epoch")
        }
        if bundled && from != .epoch { throw ValidationError("--bundled only applies to --from epoch") }
        if bundled && fileArgument != nil {
            throw ValidationError("--bundled imports the bundled snapshot: give no file")
        }
        if !bundled && fileArgument == nil {
            throw ValidationError("give the file to import (or --from epoch --bundled)")
        }
        if force && rejects == nil { throw ValidationError("--force only applies to --rejects") }
    }

    func run() throws {
        if from == .epoch { return try runEpoch() }
        let data = try FileSystem.read(file)
        let imported: FeedImport
        do {
            imported = try FeedImport.read(
                data, csv: from == .csv || (from == nil && file.lowercased().hasSuffix(".csv")),
                name: file, replace: replace)
        } catch {
            switch error {
            case .csv(let e, let looksLikeEpoch):
                let hint = looksLikeEpoch ? " (this looks like Epoch AI's GPU clusters CSV: add --from epoch)" : ""
                throw CLIError.data("\(file):\(e.line): \(e.message)\(hint)")
            case .feed(let errors, let count, let omitted):
                Console.problems(errors, in: file, more: omitted)
                throw CLIError.data("\(file): not imported: \(count) error(s); the store is unchanged")
            }
        }
        let store = try storeOptions.open(recording: true, note: note, action: "import")
        let existed = store.exists
        let report: ImportReport
        var changes: [DealChange] = []
        do {
            if dryRun {
                (report, changes) = try imported.preview(existed ? try store.load().feed : Feed())
            } else {
                report = try store.update(createIfMissing: true) { feed in try imported.merge(into: &feed) }
            }
        } catch let problems as ImportProblems {
            Console.problems(problems.listed, more: problems.unlisted)
            throw CLIError.data("\(file): not imported: \(problems.count) problem(s); the store is unchanged")
        }
        Console.out(report.description + "\n")
        if dryRun {
            if !changes.isEmpty { Console.out(ChangeExport.render(changes, as: .table)) }
            Console.out("dry run: nothing was written\n")
        } else if !existed {
            Console.err("created a new store at \(store.path)")
        }
        if !report.conflicts.isEmpty {
            throw CLIError.data(
                "\(file): \(report.conflicts.count) id(s) given twice with different contents were not imported")
        }
    }

    /// `--from epoch`: map Epoch's rows to deals, merge what can be merged, account for the rest.
    private func runEpoch() throws {
        let start = ContinuousClock.now
        var progress = ProgressLine(start: start)
        defer { progress.clear() }
        let data: [UInt8]
        if bundled {
            data = BundledEpoch.bytes
        } else {
            data = try FileSystem.read(file)
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
        if dryRun {
            report = try epoch.preview(existed ? try store.load().feed : Feed())
        } else {
            report = try store.update(createIfMissing: true) { feed in epoch.merge(into: &feed) }
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
}
