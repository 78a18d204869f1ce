import DealKit
import Foundation
import TestSupport
import XCTest

final class ValidateCommandTests: XCTestCase {
    /// A file the user names is only read: no hidden index is left beside it (only the store gets one).
    func testValidatingANamedFileLeavesNothingBesideIt() throws {
        let text = String(decoding: FeedEncoder.encode(FeedBuilder.generated(3000)), as: UTF8.self)
        XCTAssertGreaterThan(text.utf8.count, 1 << 20, "large enough that a store of it would be indexed")
        let file = try CLI.write(text, as: "theirs.json")
        let r = try CLI.run("validate", file.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: StoreIndex.path(for: file.path)))
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path), ["theirs.json"])
    }

    /// The same for the two files `diff` compares: they are read, nothing is left beside them.
    func testDiffingTwoNamedFilesLeavesNothingBesideThem() throws {
        let text = String(decoding: FeedEncoder.encode(FeedBuilder.generated(3000)), as: UTF8.self)
        let old = try CLI.write(text, as: "old.json")
        let new = try CLI.write(text, as: "new.json", in: old.deletingLastPathComponent())
        let r = try CLI.run("diff", old.path, new.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: old.deletingLastPathComponent().path).sorted(),
            ["new.json", "old.json"])
    }

    /// A feed with more uncited figures than are printed: the first are printed as before, the
    /// rest counted in the "more problems" line and the warnings' count.
    func testUncitedFiguresBeyondTheLimitAreCounted() throws {
        let deals: [Deal] = (0..<60).map { (i: Int) -> Deal in
            let target: Double? = i % 2 == 0 ? 100 : nil
            let milestones: [Milestone] = i % 3 == 0 ? [Milestone(date: PartialDate("2027")!, event: "phase \(i)")] : []
            return Deal(
                id: String(format: "d-%03d", i), title: "Deal \(i)", country: "KR", announced: PartialDate("2026-03")!,
                capacity: Capacity(initialMW: Double(i) + 0.5, targetMW: target), milestones: milestones,
                sources: [Source(title: "Report \(i)", url: "https://example.org/\(i)")])
        }
        let file = try CLI.write(
            String(decoding: FeedEncoder.encode(Feed(deals: deals)), as: UTF8.self), as: "uncited.json")
        var expected: [String] = []
        for (i, d) in deals.enumerated() {
            expected += DealValidator.citationWarnings(for: d, at: "deals[\(i)]").map { $0.formatted(file: file.path) }
        }
        XCTAssertGreaterThan(expected.count, FeedDecoder.issueLimit)
        let r = try CLI.run("validate", file.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(
            CLI.lines(r.stdout),
            Array(expected.prefix(FeedDecoder.issueLimit)) + [
                "… and \(expected.count - FeedDecoder.issueLimit) more problems",
                "\(file.path): ok, 60 deals (0 errors, \(expected.count) warnings)",
            ])
    }
}
