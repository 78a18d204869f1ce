import Foundation
import TestSupport
import XCTest

@testable import DealKit

/// Parses HTML and SVG with Python's standard library (`scripts/check-markup.py`) and returns what it found.
enum MarkupCheck {
    /// The JSON the script prints for `text` parsed as `kind` ("html" or "svg"); fails the test if it does not parse.
    static func parse(_ text: String, as kind: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> [String: Any]
    {
        let dir = try TemporaryDirectory.make("sovtrack-markup")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.\(kind)")
        try Data(text.utf8).write(to: input)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", PackageRoot.file("scripts/check-markup.py").path, kind, input.path]
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "\(kind) does not parse: \(errText)", file: file, line: line)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
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
