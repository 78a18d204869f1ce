import Foundation
import TestSupport
import XCTest

@testable import DealKit

/// Parses HTML and SVG with Python's standard library (`scripts/check-markup.py`) and returns what it found.
enum MarkupCheck {
    /// One checker for the run (`check-markup.py --serve`): a Python per document took most of
    /// these tests' time. It ends with the test process, whose exit closes its input.
    private static let checker = LineProcess.Shared {
        try LineProcess(["python3", PackageRoot.file("scripts/check-markup.py").path, "--serve"])
    }

    /// The JSON the script prints for `text` parsed as `kind` ("html" or "svg"); fails the test if it does not parse.
    static func parse(_ text: String, as kind: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> [String: Any]
    {
        let dir = try TemporaryDirectory.make("sovtrack-markup")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.\(kind)")
        try Data(text.utf8).write(to: input)
        let answer = try checker.get().ask("\(kind)\t\(input.path)", within: 60)
        let info = (try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any]) ?? [:]
        if let error = info["error"] as? String {
            XCTFail("\(kind) does not parse: \(error)", file: file, line: line)
            return [:]
        }
        return info
    }

    /// The report of `deals` made on a fixed day, for stable output.
    static func report(_ deals: [Deal], filter: String = "", updated: PartialDate? = nil) -> Report {
        Report(
            deals: deals, updated: updated,
            context: .init(
                title: "Test briefing", date: PartialDate("2026-07-01")!, filter: filter,
                store: "/tmp/store.json", reproduce: "sovtrack list --sort id --format json | sha256sum"))
    }

    /// The deals of a fixture feed.
    static func fixture(_ name: String) throws -> [Deal] {
        let bytes = try PackageRoot.fixtureBytes(name)
        return FeedDecoder.decode(bytes).feed.deals
    }
}
