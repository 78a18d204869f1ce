import ArgumentParser
import DealKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a feed and list every problem.",
        discussion: """
        Prints each problem on its own line (FILE: deals[3].country: ..., or FILE:LINE:COLUMN: ... \
        for a JSON syntax error), the first 100 and then how many more, and exits 65 if any is \
        an error. Warnings (initialMW above \
        targetMW, a deal with no source) do not fail.
        Examples:
          sovtrack validate
          sovtrack validate incoming.json
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The feed to check (the store when omitted).") var file: String?

    func run() throws {
        let path = try file ?? storeOptions.open().path
        let result: FeedDecoder.Result
        do {
            result = try FileSystem.withContents(of: path) { FeedDecoder.decode(buffer: $0, consumed: $1) }
        } catch let e as StoreError { throw CLIError(e) }
        Retained.keep(result)
        // A history or a merge left unfinished is checked once the feed itself reads.
        let unfinished = result.hasErrors ? [] : History.issues(in: result.feed) + MergeConflict.issues(in: result.feed)
        for issue in result.issues + unfinished { Console.out(issue.formatted(file: path) + "\n") }
        let omitted = result.omittedErrors + result.omittedWarnings
        if omitted > 0 { Console.out(Console.moreProblems(omitted) + "\n") }
        let errors = result.errorCount + unfinished.filter(\.isError).count
        let warnings = result.warningCount
        let counts = "\(CountText.of(errors, "error")), \(CountText.of(warnings, "warning"))"
        if errors > 0 {
            throw CLIError.data("\(path): not valid (\(counts))")
        }
        Console.out("\(path): ok, \(CountText.of(result.feed.deals.count, "deal")) (\(counts))\n")
    }
}
