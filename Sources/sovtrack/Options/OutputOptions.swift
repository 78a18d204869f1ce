import ArgumentParser
import DealKit

extension OutputFormat: ExpressibleByArgument {}

/// `--format` and `--output`.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("table, csv, json, md or html (default: table, or the --output file's extension).", valueName: "format"))
    var format: OutputFormat?
    @Option(name: .long, help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    var resolvedFormat: OutputFormat { format ?? output.flatMap { OutputFormat(fileName: $0) } ?? .table }
}
