import ArgumentParser
import DealKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a feed and list every problem.",
        discussion: """
            Prints each problem on its own line (FILE: deals[3].country: ..., or FILE:LINE:COLUMN: ... \
            for a JSON syntax error), the first 100 and then how many more, and exits 65 if any is \
            an error. Warnings (initialMW above targetMW, a deal with no source, and in a version-2 \
            feed a figure that cites no source in a deal that has sources) do not fail.
            Examples:
              sovtrack validate
              sovtrack validate incoming.json
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The feed to check (the store when omitted).") var file: String?

    func run() throws {
        let path = try file ?? storeOptions.open().path
        let result: FeedDecoder.Result
        if file == nil && storeOptions.isDatabase {
            result = try databaseResult()
        } else {
            // A file the user names is only read; the store alone gets an index beside it.
            result = try StoreIndex.decode(file: path, writing: file == nil)
        }
        Retained.keep(result)
        // Uncited figures: only from version 2, which can cite, and only here, not on every load,
        // since a store of uncited deals is not wrong, just less traceable.
        // Only the warnings printed are written out; the rest are counted.
        let room = max(0, FeedDecoder.issueLimit - result.issues.count)
        var uncited: [FeedIssue] = []
        var uncitedCount = 0
        if !result.hasErrors && result.feed.version >= 2 {
            result.feed.deals.withUnsafeBufferPointer { deals in
                for i in deals.indices {
                    let n = DealValidator.citationWarningCount(for: deals[i])
                    guard n > 0 else { continue }
                    if uncited.count < room {
                        uncited += DealValidator.citationWarnings(for: deals[i], at: "deals[\(i)]").prefix(
                            room - uncited.count)
                    }
                    uncitedCount += n
                }
            }
        }
        // A history or a merge left unfinished is checked once the feed itself reads.
        let unfinished = result.hasErrors ? [] : History.issues(in: result.feed) + MergeConflict.issues(in: result.feed)
        let omitted = result.omittedErrors + result.omittedWarnings + max(0, uncitedCount - room)
        Console.problems(result.issues + unfinished + uncited, in: path, more: omitted, on: .output)
        let errors = result.errorCount + unfinished.filter(\.isError).count
        let warnings = result.warningCount + uncitedCount
        let counts = "\(CountText.of(errors, "error")), \(CountText.of(warnings, "warning"))"
        if errors > 0 {
            throw CLIError.data("\(path): not valid (\(counts))")
        }
        Console.out("\(path): ok, \(CountText.of(result.feed.deals.count, "deal")) (\(counts))\n")
    }

    /// A database store read as its feed file would be: the deals the server holds, checked
    /// again whole, with the same messages (a store that does not load lists why, as a file would).
    private func databaseResult() throws -> FeedDecoder.Result {
        do {
            return FeedDecoder.decode(FeedEncoder.encode(try storeOptions.open().load().feed))
        } catch StoreError.invalid(let p, let issues, let omitted) {
            Console.problems(issues, in: p, more: omitted, on: .output)
            throw CLIError.data("\(p): not valid (\(CountText.of(issues.filter(\.isError).count + omitted, "error")))")
        }
    }
}
