import ArgumentParser
import DealKit

extension OutputFormat: ExpressibleByArgument {}

/// `--format`, `--output` and `--force`.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "table, csv, json, md or html (default: table, or the --output file's extension).", valueName: "format"))
    var format: OutputFormat?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write to FILE (atomically) instead of standard output; never the store, a link or a device.",
            valueName: "file"))
    var output: String?
    @Flag(name: .long, help: "Replace an existing --output file without asking.")
    var force = false

    /// An `--output` name whose extension names no format it can write (`x.xlsx`) is refused,
    /// rather than written as a table the name misdescribes.
    func validate() throws {
        guard format == nil, let output, output != "-", OutputFormat(fileName: output) == nil else { return }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return }
        // A .txt file takes the text table.
        if [".txt", ".text"].contains(name[dot...].lowercased()) { return }
        throw ValidationError(
            "--output: cannot write \(FeedIssue.quote(String(name[dot...]))) files; name it .csv, .json, .md, .html or .txt, or give --format"
        )
    }

    var resolvedFormat: OutputFormat { format ?? output.flatMap { OutputFormat(fileName: $0) } ?? .table }

    /// Writes a command's result where `--output` says (standard output without it), never
    /// over `store`.
    func emit(_ bytes: [UInt8], store: String) throws {
        try Console.emit(bytes, to: output, force: force, store: store)
    }
}
