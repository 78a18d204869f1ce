import ArgumentParser
import DealKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a feed (.json) or a CSV file (.csv) into the store by id.",
        discussion: """
        A new id is added; a known id is updated (a feed's deal replaces the stored one; a CSV \
        row changes only the columns the file has). An id the file gives twice with different \
        contents is reported as conflicting and not applied. If any row is invalid, nothing is \
        imported and every problem is listed. The store is created if it does not exist.
        Examples:
          sovtrack import partner-feed.json --dry-run
          sovtrack import edits.csv
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The file to import (.json feed or .csv).") var file: String
    @Flag(name: .customLong("dry-run"), help: "Report what would change; write nothing.") var dryRun = false

    func run() throws {
        let data: [UInt8]
        do { data = try FileSystem.read(file) } catch let e as StoreError { throw CLIError(e) }
        var problems: [String] = []
        let incoming: [(id: String, make: (Deal?) -> Deal)]
        if file.lowercased().hasSuffix(".csv") {
            let rows: [DealCSV.Row]
            do { rows = try DealCSV.read(data) } catch let e as CSVError { throw CLIError.data("\(file):\(e.line): \(e.message)") }
            incoming = rows.map { row in
                (row.values["id"]!.trimmingCharacters(in: .whitespaces), { base in
                    let (deal, rowProblems) = DealCSV.apply(row, to: base)
                    problems += rowProblems.map { "\(file):\(row.line): \($0)" }
                    return deal
                })
            }
        } else {
            let result = FeedDecoder.decode(data)
            if result.hasErrors {
                for issue in result.issues where issue.isError { Console.err(issue.formatted(file: file)) }
                throw CLIError.data("\(file): not imported: \(result.issues.filter(\.isError).count) error(s); the store is unchanged")
            }
            incoming = result.feed.deals.map { d in (d.id, { _ in d }) }
        }
        let store = try storeOptions.open()
        let existed = FileSystem.exists(store.path)
        let report: ImportReport
        do {
            if dryRun {
                var feed = existed ? try store.load().feed : Feed()
                report = Importer.merge(incoming, into: &feed)
                try check(problems)
                let issues = DealValidator.issues(for: feed).filter(\.isError)
                if !issues.isEmpty { throw StoreError.invalidChange(issues: issues) }
            } else {
                report = try store.update(createIfMissing: true) { feed in
                    let r = Importer.merge(incoming, into: &feed)
                    try check(problems)
                    return r
                }
            }
        } catch let e as StoreError {
            throw CLIError(e)
        }
        Console.out(report.description + "\n")
        if dryRun {
            Console.out("dry run: nothing was written\n")
        } else if !existed {
            Console.err("created a new store at \(store.path)")
        }
    }

    private func check(_ problems: [String]) throws {
        guard !problems.isEmpty else { return }
        for p in problems.prefix(50) { Console.err(p) }
        if problems.count > 50 { Console.err("… and \(problems.count - 50) more") }
        throw CLIError.data("\(file): not imported: \(problems.count) problem(s); the store is unchanged")
    }
}
