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
}
