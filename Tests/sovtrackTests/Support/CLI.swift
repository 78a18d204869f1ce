import Foundation
import TestSupport
import XCTest

/// Helpers for tests that run the `sovtrack` binary on files.
enum CLI {
    /// Runs sovtrack with `args`: in this process when the command can run here (see
    /// `InProcessCLI`), else as a child process.
    @discardableResult
    static func run(_ args: String..., env: [String: String] = [:]) throws -> SovtrackProcess.Result {
        try run(args, env: env)
    }

    @discardableResult
    static func run(_ args: [String], env: [String: String] = [:]) throws -> SovtrackProcess.Result {
        guard InProcessCLI.accepts(args) else { return try SovtrackProcess.run(args, env: env) }
        return InProcessCLI.run(args, env: SovtrackProcess.environment(env))
    }

    /// A file under `Fixtures/bad`.
    static func bad(_ name: String) -> URL { PackageRoot.fixture("bad/\(name)") }

    static var fixture: URL { PackageRoot.fixture("deals.json") }

    /// A copy of `source` in a fresh temporary directory, named `name`.
    static func copy(_ source: URL, as name: String = "deals.json") throws -> URL {
        let dir = try TemporaryDirectory.make()
        let target = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// Writes `text` to `name` in a fresh temporary directory (or `dir`).
    static func write(_ text: String, as name: String, in dir: URL? = nil) throws -> URL {
        let d = try dir ?? TemporaryDirectory.make()
        let url = d.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    static func bytes(_ url: URL) -> [UInt8]? { (try? Data(contentsOf: url)).map(Array.init) }

    static func text(_ url: URL) -> String? { bytes(url).map { String(decoding: $0, as: UTF8.self) } }

    /// The names in a directory, sorted.
    static func files(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    /// The lines of a text, without the final empty one.
    static func lines(_ s: String) -> [String] {
        // Split on Characters: "\r\n" is one Character, so CSV lines split too.
        var l = s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if l.last == "" { l.removeLast() }
        return l
    }

    /// Asserts that a command failed as a user error should: `code`, exactly one line on standard
    /// error starting "sovtrack: " and containing every one of `contains`, and no crash or trace.
    static func assertUserError(
        _ r: SovtrackProcess.Result, code: Int32, _ contains: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(r.status, code, "exit status; stderr: \(r.stderr)", file: file, line: line)
        let errLines = lines(r.stderr)
        XCTAssertEqual(errLines.count, 1, "exactly one line on stderr, got:\n\(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("sovtrack: "), r.stderr, file: file, line: line)
        for c in contains {
            XCTAssertTrue(
                r.stderr.contains(c), "stderr should contain \(c.debugDescription):\n\(r.stderr)", file: file,
                line: line)
        }
        assertNoCrash(r, file: file, line: line)
    }

    /// Asserts that nothing in the output looks like a crash or a stack trace.
    static func assertNoCrash(_ r: SovtrackProcess.Result, file: StaticString = #filePath, line: UInt = #line) {
        for marker in [
            "Fatal error", "Stack dump", "Current stack trace", "Program crashed", "crashed:", "Segmentation fault",
            "Illegal instruction", ".swift:",
        ] {
            XCTAssertFalse(
                r.stderr.contains(marker), "crash marker \(marker) in stderr:\n\(r.stderr)", file: file, line: line)
        }
        XCTAssertLessThan(r.status, 128, "killed by a signal", file: file, line: line)
    }
}
