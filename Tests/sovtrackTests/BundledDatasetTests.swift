import XCTest
import DealKit

final class BundledDatasetTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The first line where two texts differ, for a readable failure.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String? {
        let la = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let lb = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<end>", y = i < lb.count ? String(lb[i]) : "<end>"
            if x != y { return "line \(i + 1):\n  \(x)\n  \(y)" }
        }
        return nil
    }

    /// The embedded copy must be `Fixtures/deals.json` byte for byte (run scripts/embed-dataset.sh).
    func testEmbeddedDatasetMatchesFixture() throws {
        let fixture = try Data(contentsOf: Self.root.appendingPathComponent("Fixtures/deals.json"))
        XCTAssertNil(Self.firstDifference(Array(fixture), BundledDataset.bytes), "run scripts/embed-dataset.sh")
    }

    func testBundledDatasetIsValidAndCanonical() {
        let result = FeedDecoder.decode(BundledDataset.bytes)
        XCTAssertFalse(result.hasErrors, result.issues.map(\.description).joined(separator: "\n"))
        XCTAssertNil(Self.firstDifference(FeedEncoder.encode(result.feed), BundledDataset.bytes))
    }
}
