import Foundation
import TestSupport
import XCTest

@testable import DealKit

/// All deals as CSV from the index's bytes are the bytes of the deals' own CSV, in the same
/// order, and come only from an index of exactly the store's bytes.
final class IndexCSVTests: XCTestCase {
    private var file = ""
    private var index: String { StoreIndex.path(for: file) }

    override func setUpWithError() throws {
        file = try makeTemporaryDirectory("sovtrack-index-csv").appendingPathComponent("deals.json").path
    }

    /// The index's CSV, any store size, 16 deals a chunk being how `writeIndex` writes it.
    private func fromIndex(_ sort: DealSort = .country, descending: Bool = false) -> [UInt8]? {
        IndexCSV.export(store: file, sort: sort, descending: descending, minimumSize: 0)
    }

    /// What `list --format csv` writes from the deals themselves.
    private func fromDeals(_ deals: [Deal], _ sort: DealSort = .country, descending: Bool = false) -> [UInt8] {
        DealCSV.exportBytes(deals, order: sort.order(of: deals, descending: descending))
    }

    /// Writes `deals` as the store (its encoding) and, beside it, their index in chunks of 16,
    /// as a read of those bytes would: deals the decoder would refuse (`awkwardDeals`) too,
    /// so that every cell the rows can hold goes through the index.
    private func writeIndex(_ deals: [Deal]) throws {
        let bytes = FeedEncoder.encode(Feed(deals: deals))
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let hash = bytes.withUnsafeBytes { ContentHash.of($0) }
        let result = FeedDecoder.Result(feed: Feed(deals: deals), issues: [], isFatal: false)
        StoreIndex.write(result, for: file, size: bytes.count, hash: hash, chunkSize: 16)
    }

    private func assertSameBothWays(_ deals: [Deal], file: StaticString = #filePath, line: UInt = #line) throws {
        for sort in [DealSort.country, .announced] {
            for descending in [false, true] {
                let rows = try XCTUnwrap(fromIndex(sort, descending: descending), file: file, line: line)
                XCTAssertEqual(
                    String(decoding: rows, as: UTF8.self),
                    String(decoding: fromDeals(deals, sort, descending: descending), as: UTF8.self),
                    "\(sort) descending: \(descending)", file: file, line: line)
            }
        }
    }

    func testAwkwardDealsInAnyOrderAreTheDealsCSVByteForByte() throws {
        var random = seededRandom(2306)
        // Ids out of byte order ("d-10" before "d-2"), shuffled, and few keys: most rows tie on
        // country and date, so the ids order them.
        var deals = DealCSVTests.awkwardDeals(700, &random)
        deals.shuffle(using: &random)
        try writeIndex(deals)
        try assertSameBothWays(deals)
    }

    func testEveryFieldOfTheBundledDatasetAndTheHostileFixtures() throws {
        var deals = FeedDecoder.decode(BundledDataset.bytes).feed.deals
        let hostile = try FileManager.default.contentsOfDirectory(atPath: PackageRoot.fixture("hostile").path)
            // A key given twice is refused with the whole feed: no deal to write.
            .filter { $0.hasSuffix(".json") && $0 != "duplicate-keys.json" }.sorted().map { "hostile/\($0)" }
        let names = ["deals.json", "report-hostile.json", "tui-hostile.json", "tui-wide-names.json"] + hostile
        for (k, name) in names.enumerated() {
            // Whatever the decoder makes of each, errors or not: the rows must not tell the two paths apart.
            let read = FeedDecoder.decode(try PackageRoot.fixtureBytes(name))
            XCTAssertFalse(read.feed.deals.isEmpty, name)
            deals += read.feed.deals.map { d in
                var d = d
                d.id = "f\(k)-" + d.id
                return d
            }
        }
        try writeIndex(deals)
        try assertSameBothWays(deals)
    }

    /// The first read of a store writes its index; the CSV from it is then the loaded deals' CSV.
    private func writeStore() throws -> [UInt8] {
        let bytes = FeedDecoderParallelTests.bigFeed(150) { i, d in
            d.announced = PartialDate(["2026-H2", "2025", "2026-03-04"][i % 3])!
            if i % 7 == 0 { d.partners.append(Partner(name: "=SUM(A1)", role: .operator)) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        XCTAssertNil(fromIndex(), "no index yet")
        let read = try StoreIndex.decode(file: file, keeping: nil, minimumSize: 0, chunkSize: 16)
        XCTAssertFalse(read.hasErrors)
        XCTAssertEqual(fromIndex(), fromDeals(read.feed.deals))
        return bytes
    }

    func testAStoreEditedByHandIsNotReadFromItsIndex() throws {
        _ = try writeStore()
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"Edited: ")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertNil(fromIndex())
    }

    func testOneByteChangedWithTheSameSizeAndTimeIsSeen() throws {
        _ = try StoreIndexTests.changeOneByte(of: file, try writeStore())
        XCTAssertNil(fromIndex())
    }

    func testATruncatedOrDamagedIndexIsNotRead() throws {
        _ = try writeStore()
        let full = try Data(contentsOf: URL(fileURLWithPath: index))
        for length in [0, 5, 100, full.count / 2, full.count - 1] {
            try full.prefix(length).write(to: URL(fileURLWithPath: index))
            XCTAssertNil(fromIndex(), "cut to \(length) bytes")
        }
        // The magic, the header, the head, a chunk, the last chunk's last byte.
        for at in [0, 20, 200, full.count / 3, full.count - 1] {
            var damaged = full
            damaged[at] ^= 0x01
            try damaged.write(to: URL(fileURLWithPath: index))
            XCTAssertNil(fromIndex(), "byte \(at) changed")
        }
        try full.write(to: URL(fileURLWithPath: index))
        XCTAssertNotNil(fromIndex(), "the index as written is read")
    }

    func testASmallStoreOrAnotherSortIsLeftToTheDeals() throws {
        _ = try writeStore()
        XCTAssertNil(IndexCSV.export(store: file, sort: .country, descending: false))
        XCTAssertNil(fromIndex(.mw))
        XCTAssertFalse(IndexCSV.supports(.title))
    }
}
