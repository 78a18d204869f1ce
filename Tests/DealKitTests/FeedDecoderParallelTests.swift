import XCTest

@testable import DealKit

/// A large deals array is decoded on several cores; the result must equal the one-core read.
///
/// The feeds are 700 deals (0.6 MB) read with the parallel path from 64 KB (`parallelFrom`),
/// so they are cut into as many pieces as a 6 MB feed is at the default threshold, in a tenth
/// of the time; `ParallelDealSplitTests` checks the default threshold itself.
final class FeedDecoderParallelTests: XCTestCase {
    /// From this many bytes a deals array is read on every core in these tests (by default from 4 MB).
    static let parallelFrom = 1 << 16

    /// A feed of `n` deals whose titles are padded with `padding` bytes.
    static func bigFeed(_ n: Int, padding: Int = 600, tweak: (Int, inout Deal) -> Void = { _, _ in }) -> [UInt8] {
        var deals: [Deal] = []
        for i in 0..<n {
            var d = Deal(
                id: "deal-" + String(String(i + 1_000_000).dropFirst()),
                title: "네이버 \"quoted\" \\ title \(i) " + String(repeating: "x", count: padding),
                country: ["KR", "JP", "FR"][i % 3], announced: PartialDate("2026-H2")!,
                partners: [Partner(name: "NVIDIA", role: .vendor)],
                capacity: Capacity(initialMW: i % 4 == 0 ? nil : Double(i % 900), targetMW: 1000),
                sources: [Source(url: "https://example.com/\(i)")],
                extra: [JSONField("x-extra", .array([.number("1.50"), .object([JSONField("k", .string("v"))])]))])
            tweak(i, &d)
            deals.append(d)
        }
        return FeedEncoder.encode(Feed(deals: deals))
    }

    /// The untouched 700-deal feed, built once for every test that reads it as it is.
    static let plain = bigFeed(700)

    private func decode(_ bytes: [UInt8], parallel: Bool) -> FeedDecoder.Result {
        bytes.withUnsafeBufferPointer {
            FeedDecoder.decode(buffer: $0, parallel: parallel, parallelFrom: Self.parallelFrom)
        }
    }

    func testParallelEqualsSequentialOnAValidFeed() {
        let bytes = Self.plain
        XCTAssertGreaterThan(bytes.count, 8 * Self.parallelFrom)
        let a = decode(bytes, parallel: true)
        let b = decode(bytes, parallel: false)
        XCTAssertFalse(a.hasErrors)
        XCTAssertEqual(a.strategy, Parallel.cores > 1 ? .canonicalCuts : .inOrder)
        XCTAssertEqual(a.feed, b.feed)
        XCTAssertEqual(a.feed.deals.count, 700)
        XCTAssertEqual(FeedEncoder.encode(a.feed), bytes)
        var threeCores: [UInt8] = []
        FeedEncoder.encode(a.feed, cores: 3, parallelFrom: 0) { threeCores += $0 }
        XCTAssertEqual(threeCores, bytes)
    }

    func testIssuesInLaterChunksKeepTheirIndexAndOrder() {
        let bytes = Self.bigFeed(700) { i, d in
            if i == 650 { d.country = "Korea" }
            if i == 10 { d.title = " " }
            if i == 699 { d.id = "deal-000001" }
        }
        let a = decode(bytes, parallel: true)
        let b = decode(bytes, parallel: false)
        XCTAssertEqual(a.issues, b.issues)
        XCTAssertEqual(
            a.issues.map(\.description),
            [
                "deals[10].title: must not be empty",
                "deals[650].country: \"Korea\" is not an ISO 3166-1 alpha-2 code",
                "deals[699].id: duplicate id \"deal-000001\" (first used by deals[1])",
            ])
    }

    // MARK: Keeping only some deals

    private func decode(_ bytes: [UInt8], parallel: Bool, keeping keep: @escaping @Sendable (inout Deal) -> Bool)
        -> FeedDecoder.Result
    {
        bytes.withUnsafeBufferPointer {
            FeedDecoder.decode(buffer: $0, parallel: parallel, parallelFrom: Self.parallelFrom, keeping: keep)
        }
    }

    func testKeepingSomeDealsGivesTheFilteredFeedAndEveryIssue() {
        let bytes = Self.bigFeed(700) { i, d in
            if i == 10 { d.title = " " }  // an error in a deal not kept
            if i == 650 { d.sources = [] }  // a warning in a deal not kept
        }
        let all = decode(bytes, parallel: false)
        for parallel in [true, false] {
            let some = decode(bytes, parallel: parallel) { $0.country == "JP" }
            XCTAssertEqual(some.feed.deals, all.feed.deals.filter { $0.country == "JP" }, "parallel: \(parallel)")
            XCTAssertEqual(some.feed.deals.count, 233)
            XCTAssertEqual(some.issues, all.issues)
            XCTAssertEqual(
                some.issues.map(\.description),
                [
                    "deals[10].title: must not be empty",
                    #"deals[650]: warning: deal "deal-000650" has no source"#,
                ])
        }
    }

    func testKeepingSomeDealsStillFindsADuplicateId() {
        // Ids out of order: the proof from order fails, and the whole feed is read again.
        let bytes = Self.bigFeed(700) { i, d in if i == 699 { d.id = "deal-000001" } }
        for parallel in [true, false] {
            let some = decode(bytes, parallel: parallel) { $0.country == "FR" }
            XCTAssertEqual(
                some.issues.map(\.description),
                [#"deals[699].id: duplicate id "deal-000001" (first used by deals[1])"#])
            XCTAssertEqual(
                some.feed.deals.map(\.id),
                decode(bytes, parallel: false).feed.deals.filter { $0.country == "FR" }.map(\.id))
        }
        // Ids out of order but unique: nothing to report, the same deals kept.
        let shuffled = Self.bigFeed(700) { i, d in if i == 300 { d.id = "deal-zzz" } }
        let some = decode(shuffled, parallel: true) { $0.country == "KR" }
        XCTAssertEqual(some.issues, [])
        XCTAssertEqual(some.feed.deals.count, 234)
    }

    func testKeptDealsMayBeTrimmed() {
        let bytes = Self.plain
        for parallel in [true, false] {
            let trimmed = decode(bytes, parallel: parallel) { deal in
                deal.sources = []
                return deal.country == "KR"
            }
            XCTAssertEqual(trimmed.feed.deals.count, 234)
            XCTAssertTrue(trimmed.feed.deals.allSatisfy { $0.sources.isEmpty })
            XCTAssertEqual(trimmed.issues, [], "trimmed after checking: no \"no source\" warning")
        }
    }

    func testKeepingNoDealAtAll() {
        let bytes = Self.plain
        let none = decode(bytes, parallel: true) { _ in false }
        XCTAssertEqual(none.feed.deals, [])
        XCTAssertEqual(none.issues, [])
        XCTAssertFalse(none.isFatal)
    }

    func testSyntaxErrorInALaterChunkIsReportedAsInOrder() {
        var bytes = Self.plain
        let needle = Array("\"deal-000600\"".utf8)
        let at = (0..<(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }!
        bytes[at + needle.count] = UInt8(ascii: ";")
        let a = decode(bytes, parallel: true)
        let b = decode(bytes, parallel: false)
        XCTAssertTrue(a.isFatal)
        XCTAssertEqual(a.issues, b.issues)
    }

    /// Replaces every occurrence of `from` with `to`.
    private func replacing(_ from: String, with to: String, in bytes: [UInt8]) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
    }

    func testAMinifiedFeedDecodesAsInOrder() {
        // No line breaks at all: no guessed cut, so the exact scan splits the array.
        var bytes: [UInt8] = []
        var afterNewline = false
        for b in Self.plain {
            if b == 0x0A {
                afterNewline = true
                continue
            }
            if afterNewline && b == 0x20 { continue }
            afterNewline = false
            bytes.append(b)
        }
        XCTAssertFalse(bytes.contains(0x0A))
        let a = decode(bytes, parallel: true)
        let b = decode(bytes, parallel: false)
        XCTAssertFalse(a.hasErrors)
        XCTAssertEqual(a.strategy, Parallel.cores > 1 ? .scannedCuts : .inOrder)
        XCTAssertEqual(a.feed.deals.count, 700)
        XCTAssertEqual(a.feed, b.feed)
        XCTAssertEqual(a.issues, b.issues)
    }

    func testLinesThatLookLikeDealStartsFallBackToTheExactScan() {
        // Partners moved to four spaces: many cuts land on a line `    {` inside a deal.
        let bytes = replacing(
            "\n        {\"name\"", with: "\n    {\"name\"",
            in: Self.bigFeed(700) { i, d in
                if i == 500 { d.country = "Korea" }
            })
        let a = decode(bytes, parallel: true)
        let b = decode(bytes, parallel: false)
        XCTAssertEqual(a.feed.deals.count, 700)
        XCTAssertEqual(a.feed, b.feed)
        XCTAssertEqual(a.issues, b.issues)
        XCTAssertEqual(a.issues.first?.description, "deals[500].country: \"Korea\" is not an ISO 3166-1 alpha-2 code")
    }

    func testDealLikeLinesAfterTheDealsArrayAreNotReadAsDeals() {
        // A large unknown top-level key after the deals, laid out like deals: cuts land in it.
        var bytes = Self.plain
        let tail = Array("\n}\n".utf8)
        XCTAssertEqual(Array(bytes.suffix(3)), tail)
        bytes.removeLast(3)
        var log = ",\n  \"x-log\": ["
        for i in 0..<6_000 {
            log += (i == 0 ? "\n" : ",\n") + "    {\"n\": \(i), \"text\": \"\(String(repeating: "y", count: 60))\"}"
        }
        bytes += Array((log + "\n  ]").utf8) + tail
        let a = decode(bytes, parallel: true)
        let b = decode(bytes, parallel: false)
        XCTAssertFalse(a.hasErrors)
        XCTAssertEqual(a.feed.deals.count, 700)
        XCTAssertEqual(a.feed, b.feed)
        XCTAssertEqual(a.feed.extra.map(\.key), ["x-log"])
    }

    func testAnErrorInTheLastDealOfAPieceKeepsItsIndex() {
        // Deals across every piece have an issue (fewer than the limit kept): each piece's
        // numbering must continue the one before. (Every deal had one before the limit of
        // issue 11; past `issueLimit` issues are now counted, not kept.)
        let bytes = Self.bigFeed(700) { i, d in if i % 10 == 9 { d.sources = [] } }
        let a = decode(bytes, parallel: true)
        let b = decode(bytes, parallel: false)
        XCTAssertEqual(a.issues.count, 70)
        XCTAssertEqual(a.issues, b.issues)
        XCTAssertEqual(a.issues.last?.location, .path("deals[699]"))
        // Every deal with one: the first hundred kept, in order, the rest counted alike.
        let all = Self.bigFeed(700) { _, d in d.sources = [] }
        let c = decode(all, parallel: true)
        let e = decode(all, parallel: false)
        XCTAssertEqual(c.issues.count, FeedDecoder.issueLimit)
        XCTAssertEqual(c.issues, e.issues)
        XCTAssertEqual([c.omittedWarnings, c.warningCount], [600, 700])
        XCTAssertEqual(c.feed, e.feed, "a valid feed is read whole however many warnings it has")
    }
}
