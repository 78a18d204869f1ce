import XCTest

@testable import DealKit

/// The fast path (cuts where `FeedLayout.dealStart` is) is taken for a file `FeedEncoder`
/// wrote, and only for one: any other layout is cut after an exact scan, or read in order.
///
/// The layouts are checked on 700 deals read in parallel from 64 KB (as in
/// `FeedDecoderParallelTests`); the default threshold (4 MB) on a file either side of it.
final class ParallelDealSplitTests: XCTestCase {
    private func decode(_ bytes: [UInt8], parallel: Bool = true) -> FeedDecoder.Result {
        bytes.withUnsafeBufferPointer {
            FeedDecoder.decode(buffer: $0, parallel: parallel, parallelFrom: FeedDecoderParallelTests.parallelFrom)
        }
    }

    private func replacing(_ from: String, with to: String, in bytes: [UInt8]) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
    }

    private static let canonical = FeedDecoderParallelTests.plain

    func testTheEncoderStartsEveryDealWithTheSharedLayout() throws {
        let feed = FeedDecoder.decode(BundledDataset.bytes).feed
        let bytes = FeedEncoder.encode(feed)
        let deals = feed.deals.count
        XCTAssertGreaterThan(deals, 1)
        let starts = FeedLayout.dealStart
        var found = 0
        for i in 0...(bytes.count - starts.count)
        where bytes[i] == starts[0] && Array(bytes[i..<i + starts.count]) == starts { found += 1 }
        XCTAssertEqual(found, deals)
        XCTAssertEqual(String(decoding: FeedLayout.dealStart, as: UTF8.self), "\n    {")
    }

    func testACanonicalFileTakesTheFastPath() throws {
        try XCTSkipIf(Parallel.cores < 2, "one core: every file is read in order")
        let a = decode(Self.canonical)
        XCTAssertEqual(a.strategy, .canonicalCuts)
        XCTAssertEqual(a.feed.deals.count, 700)
        XCTAssertEqual(decode(Self.canonical, parallel: false).strategy, .inOrder)
    }

    func testAFileOverTheDefaultThresholdTakesTheFastPath() throws {
        try XCTSkipIf(Parallel.cores < 2, "one core: every file is read in order")
        // 700 deals of 6 KB each: over 4 MB of deals, in few deals, so it is quick to build and read.
        let large = FeedDecoderParallelTests.bigFeed(700, padding: 6_000)
        XCTAssertGreaterThan(large.count, FeedDecoder.parallelThreshold)
        let a = large.withUnsafeBufferPointer { FeedDecoder.decode(buffer: $0) }
        XCTAssertEqual(a.strategy, .canonicalCuts)
        XCTAssertEqual(a.feed.deals.count, 700)
    }

    func testASmallFileIsReadInOrder() {
        let small = FeedDecoderParallelTests.bigFeed(100)
        XCTAssertLessThan(small.count, FeedDecoder.parallelThreshold)
        XCTAssertEqual(small.withUnsafeBufferPointer { FeedDecoder.decode(buffer: $0).strategy }, .inOrder)
    }

    func testAMinifiedFileIsCutAfterAScan() throws {
        try XCTSkipIf(Parallel.cores < 2, "one core: every file is read in order")
        var bytes: [UInt8] = []
        var afterNewline = false
        for b in Self.canonical {
            if b == 0x0A {
                afterNewline = true
                continue
            }
            if afterNewline && b == 0x20 { continue }
            afterNewline = false
            bytes.append(b)
        }
        let a = decode(bytes)
        XCTAssertEqual(a.strategy, .scannedCuts)
        XCTAssertEqual(a.feed, decode(Self.canonical).feed)
    }

    func testAReindentedFileIsCutAfterAScan() throws {
        try XCTSkipIf(Parallel.cores < 2, "one core: every file is read in order")
        // Deals at two spaces: no line is `dealStart`, so no guess is made at all.
        let twoSpaces = replacing("\n    {\n      \"id\"", with: "\n  {\n      \"id\"", in: Self.canonical)
        XCTAssertEqual(decode(twoSpaces).strategy, .scannedCuts)
        // Partners at four spaces: guesses land inside deals, and fail to join up.
        let partners = replacing("\n        {\"name\"", with: "\n    {\"name\"", in: Self.canonical)
        let a = decode(partners)
        XCTAssertEqual(a.strategy, .scannedCuts)
        XCTAssertEqual(a.feed, decode(partners, parallel: false).feed)
    }
}
