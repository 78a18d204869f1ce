import DealKit
import Foundation
import TestSupport
import XCTest

/// The command line helps a mistyped word along: commands, countries and ids get the nearest
/// names, `--version` answers, an --output it cannot write is refused, and --help examples are whole.
final class CLIDidYouMeanTests: XCTestCase {
    private func store() throws -> URL { try CLI.copy(PackageRoot.fixture("deals.json")) }

    func testVersion() throws {
        let r = try CLI.run("--version")
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("sovtrack ") && r.stdout.contains("feed format 2"), r.stdout)
    }

    func testAnUnknownCommandNamesTheNearest() throws {
        CLI.assertUserError(try CLI.run("lst"), code: 64, [#"unknown command "lst"; did you mean list or log?"#])
        CLI.assertUserError(try CLI.run("help", "lst"), code: 64, [#"unknown command "lst""#, "list"])
        CLI.assertUserError(try CLI.run("sumary", "--by", "vendor"), code: 64, ["did you mean summary?"])
    }

    func testAnUnknownCountryNamesTheCountriesItMayMean() throws {
        let s = try store().path
        CLI.assertUserError(
            try CLI.run("list", "--country", "Korea", "--store", s), code: 64, ["KP (North Korea)", "KR (South Korea)"])
        CLI.assertUserError(
            try CLI.run("list", "--country", "Japn", "--store", s), code: 64, ["did you mean JP (Japan)"])
        CLI.assertUserError(
            try CLI.run("edit", "kr-skt-nvidia-ai-cloud", "--country", "Frnace", "--store", s), code: 64,
            ["FR (France)"])
    }

    func testAnUnknownIDNamesTheNearest() throws {
        let s = try store().path
        CLI.assertUserError(
            try CLI.run("show", "kr-naver", "--store", s), code: 65,
            [#"no deal with id "kr-naver"; did you mean kr-naver-nvidia-dsx-sejong?"#])
        CLI.assertUserError(
            try CLI.run("show", "zz-nothing-like-it", "--store", s), code: 65,
            [#"no deal with id "zz-nothing-like-it""#])
    }

    func testAnOutputExtensionItCannotWriteIsRefused() throws {
        let s = try store()
        let out = s.deletingLastPathComponent().appendingPathComponent("x.xlsx").path
        CLI.assertUserError(
            try CLI.run("list", "--output", out, "--store", s.path), code: 64,
            [#"cannot write ".xlsx" files"#, "--format"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertEqual(
            try CLI.run("list", "--output", out, "--format", "csv", "--store", s.path).status, 0,
            "--format says what to write")
    }

    /// Every example in every command's help is a whole command line (or continued with `\`), at 80 columns.
    func testHelpExamplesAreNeverWrappedMidCommand() throws {
        for command in ["browse", "list", "summary", "show", "report", "validate", "import", "add", "edit", "remove"] {
            let help = try CLI.run(["help", command], env: ["COLUMNS": "80"]).stdout
            var inExamples = false
            var continued = false
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("Example") {
                    inExamples = true
                    continue
                }
                if line.isEmpty || line.hasPrefix("USAGE") { inExamples = false }
                guard inExamples else { continue }
                XCTAssertTrue(
                    line.hasPrefix("  sovtrack") || (continued && line.hasPrefix("    ")),
                    "\(command): a wrapped example line: \(line)\n\(help)")
                continued = line.hasSuffix("\\")
            }
        }
    }
}
