import Foundation
import XCTest

@testable import DealKit

/// The index beside a store is used only for exactly the bytes it was made from: a stale or
/// damaged index never shows wrong data, it is read past and made again.
final class StoreIndexTests: XCTestCase {
    private var dir: URL!
    private var file: String { dir.appendingPathComponent("deals.json").path }
    private var index: String { StoreIndex.path(for: file) }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("sovtrack-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// A store of 150 deals, with warnings (deals without a source) and unknown keys, its
    /// deals in id order. Read with `read`, which indexes it whatever its size, 16 deals a chunk.
    private func writeStore(_ tweak: (Int, inout Deal) -> Void = { _, _ in }) throws -> [UInt8] {
        let bytes = FeedDecoderParallelTests.bigFeed(150) { i, d in
            if i % 50 == 7 { d.sources = [] }
            tweak(i, &d)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return bytes
    }

    /// What `Store.load` and `Store.select` read, with a small minimum size and chunks.
    private func read(keeping keep: (@Sendable (inout Deal) -> Bool)? = nil) throws -> FeedDecoder.Result {
        try StoreIndex.decode(file: file, keeping: keep, minimumSize: 0, chunkSize: 16)
    }

    private func fromJSON(_ bytes: [UInt8]) -> FeedDecoder.Result { FeedDecoder.decode(bytes) }

    /// Whether the index holds the store's bytes as they are now.
    private func indexMatches() throws -> Bool {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let hash = bytes.withUnsafeBytes { ContentHash.of($0) }
        return StoreIndex.read(for: file, size: bytes.count, hash: hash, keeping: nil) != nil
    }

    private func assertSameAsJSON(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let loaded = try read()
        let json = fromJSON(bytes)
        XCTAssertEqual(loaded.feed, json.feed, file: file, line: line)
        XCTAssertEqual(loaded.issues, json.issues, file: file, line: line)
        XCTAssertEqual(loaded.warningCount, json.warningCount, file: file, line: line)
    }

    func testTheFirstReadWritesTheIndexAndTheNextUsesIt() throws {
        let bytes = try writeStore()
        XCTAssertFalse(FileManager.default.fileExists(atPath: index))
        try assertSameAsJSON(bytes)
        XCTAssertTrue(try indexMatches())
        let viaIndex = try XCTUnwrap(
            StoreIndex.read(
                for: file, size: bytes.count, hash: bytes.withUnsafeBytes { ContentHash.of($0) }, keeping: nil))
        let json = fromJSON(bytes)
        XCTAssertEqual(viaIndex.feed, json.feed)
        XCTAssertEqual(viaIndex.issues, json.issues)
        XCTAssertEqual(viaIndex.warningCount, json.warningCount)
        XCTAssertFalse(json.issues.isEmpty, "the warnings come back from the index too")
        try assertSameAsJSON(bytes)
    }

    func testASelectionThroughTheIndexEqualsOneFromTheJSON() throws {
        let bytes = try writeStore()
        let keep: @Sendable (inout Deal) -> Bool = { d in
            guard d.country == "JP" else { return false }
            d.notes = nil
            return true
        }
        let first = try read(keeping: keep)
        XCTAssertTrue(try indexMatches())
        let second = try read(keeping: keep)
        let json = bytes.withUnsafeBufferPointer { FeedDecoder.decode(buffer: $0, keeping: keep) }
        for s in [first, second] {
            XCTAssertEqual(s.feed, json.feed)
            XCTAssertEqual(s.issues, json.issues)
        }
        XCTAssertEqual(first.feed.deals.count, 50)
    }

    func testAStoreEditedByHandIsReadFromItsJSON() throws {
        _ = try writeStore()
        _ = try read()
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"id\": \"deal-000042\",\n      \"title\": \"",
            with: "\"id\": \"deal-000042\",\n      \"title\": \"Edited: ")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertFalse(try indexMatches())
        let loaded = try read()
        XCTAssertTrue(loaded.feed.deals[42].title.hasPrefix("Edited: "))
        try assertSameAsJSON(Array(text.utf8))
        XCTAssertTrue(try indexMatches(), "made again for the new bytes")
    }

    /// Changes "title 123 " to "title 125 " in the store `file` holding `bytes`, in place: the
    /// same size, and its time set back. Returns the bytes it holds then.
    static func changeOneByte(of file: String, _ bytes: [UInt8]) throws -> [UInt8] {
        var st = stat()
        XCTAssertEqual(stat(file, &st), 0)
        var changed = bytes
        let needle = Array("title 123 ".utf8)
        let at = try XCTUnwrap(
            (0...(changed.count - needle.count)).first { Array(changed[$0..<$0 + needle.count]) == needle })
        changed[at + needle.count - 2] = UInt8(ascii: "5")
        let fd = open(file, O_WRONLY)
        XCTAssertEqual(changed.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }, changed.count)
        close(fd)
        var times = [st.st_atim, st.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, file, &times, 0), 0)
        var now = stat()
        XCTAssertEqual(stat(file, &now), 0)
        XCTAssertEqual(
            [now.st_size, now.st_mtim.tv_sec, now.st_mtim.tv_nsec], [st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec])
        return changed
    }

    func testOneByteChangedWithTheSameSizeAndTimeIsSeen() throws {
        let bytes = try writeStore()
        _ = try read()
        let changed = try Self.changeOneByte(of: file, bytes)
        XCTAssertFalse(try indexMatches())
        let loaded = try read()
        XCTAssertTrue(loaded.feed.deals[123].title.contains("title 125 "))
        try assertSameAsJSON(changed)
    }

    func testATruncatedIndexIsReadPast() throws {
        let bytes = try writeStore()
        _ = try read()
        let full = try Data(contentsOf: URL(fileURLWithPath: index))
        for length in [0, 5, 100, full.count / 2, full.count - 1] {
            try full.prefix(length).write(to: URL(fileURLWithPath: index))
            XCTAssertFalse(try indexMatches(), "cut to \(length) bytes")
            try assertSameAsJSON(bytes)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: index)), full, "made again")
        }
    }

    func testAnyByteChangedInTheIndexIsReadPast() throws {
        let bytes = try writeStore()
        _ = try read()
        let full = try Data(contentsOf: URL(fileURLWithPath: index))
        // The magic, the header, the head, the first chunk and the last byte.
        for at in [0, 20, 200, full.count / 3, full.count - 1] {
            var damaged = full
            damaged[at] ^= 0x01
            try damaged.write(to: URL(fileURLWithPath: index))
            XCTAssertFalse(try indexMatches(), "byte \(at) changed")
            try assertSameAsJSON(bytes)
        }
    }

    /// A header whose own hash is right but whose chunk claims more deals than it has bytes
    /// (the hash is no signature: a hand-made index can pass it) is read past, by the load and
    /// by the CSV from the index alike, without sizing anything by that count.
    func testAChunkClaimingMoreDealsThanItsBytesIsReadPast() throws {
        let bytes = try writeStore()
        _ = try read()
        var forged = [UInt8](try Data(contentsOf: URL(fileURLWithPath: index)))
        func word(at i: Int) -> Int { (0..<8).reduce(0) { $0 | Int(forged[i + $1]) << (8 * $1) } }
        func put(_ v: Int, at i: Int) { for k in 0..<8 { forged[i + k] = UInt8(truncatingIfNeeded: v >> (8 * k)) } }
        // The magic, eight header words, then per chunk: offset, length, hash, deals.
        let chunks = word(at: 8 + 7 * 8)
        XCTAssertGreaterThan(chunks, 0)
        let headerEnd = 8 + 8 * 8 + chunks * 32
        for claim in [word(at: 72 + 16) + 1, 1 << 40, Int.max] {
            put(claim, at: 72 + 24)
            let hash = forged.withUnsafeBytes {
                ContentHash.xxh64(UnsafeRawBufferPointer(rebasing: $0[0..<headerEnd]), seed: 0)
            }
            put(Int(Int64(bitPattern: hash)), at: headerEnd)
            try Data(forged).write(to: URL(fileURLWithPath: index))
            XCTAssertFalse(try indexMatches(), "\(claim) deals claimed")
            XCTAssertNil(IndexCSV.export(store: file, sort: .country, descending: false, minimumSize: 0))
            try assertSameAsJSON(bytes)
        }
    }

    func testAStoreWithErrorsGetsNoIndex() throws {
        _ = try writeStore { i, d in if i == 3 { d.country = "Korea" } }
        XCTAssertTrue(try read().hasErrors)
        XCTAssertThrowsError(try Store.load(path: file))
        XCTAssertFalse(FileManager.default.fileExists(atPath: index))
    }

    func testLoadAndSelectGoThroughTheIndex() throws {
        // Over the default minimum size (1 MiB) in few deals (6 KB each), so that it is quick to build and read.
        let bytes = FeedDecoderParallelTests.bigFeed(200, padding: 6_000)
        XCTAssertGreaterThan(bytes.count, StoreIndex.minimumSize)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        // The save writes the index of the bytes it wrote (its own load writes none).
        try Store(path: file, backups: 0).update { feed in feed.deals[0].title = "Edited" }
        XCTAssertTrue(try indexMatches())
        let saved = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertEqual(try Store.load(path: file).feed, fromJSON(saved).feed)
        XCTAssertEqual(try Store.load(path: file).feed.deals[0].title, "Edited")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let json = fromJSON(bytes)
        XCTAssertEqual(try Store.load(path: file).feed, json.feed)
        XCTAssertTrue(try indexMatches())
        XCTAssertEqual(try Store.load(path: file).feed, json.feed)
        XCTAssertEqual(
            try Store.select(path: file) { $0.country == "FR" }.deals, json.feed.deals.filter { $0.country == "FR" })
    }

    func testASmallStoreGetsNoIndex() throws {
        try Data(FeedDecoderParallelTests.bigFeed(10)).write(to: URL(fileURLWithPath: file))
        _ = try Store.load(path: file)
        XCTAssertFalse(FileManager.default.fileExists(atPath: index))
    }

    func testEveryFieldComesBackFromTheIndex() throws {
        // The bundled dataset uses every field (citations, kinds, supplies, milestones),
        // repeated past the minimum size with distinct ids.
        var feed = FeedDecoder.decode(BundledDataset.bytes).feed
        let base = feed.deals
        feed.deals = []
        for copy in 0..<20 {
            for var d in base {
                d.id = String(format: "c%03d-", copy) + d.id
                feed.deals.append(d)
            }
        }
        feed.deals.sort { $0.id < $1.id }
        feed.extra.append(
            JSONField(
                "x-top", .object([JSONField("n", .number("-0.0")), JSONField("a", .array([.null, .bool(true)]))])))
        let bytes = FeedEncoder.encode(feed)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        try assertSameAsJSON(bytes)
        XCTAssertTrue(try indexMatches())
        try assertSameAsJSON(bytes)
        XCTAssertEqual(FeedEncoder.encode(try read().feed), bytes)
    }

    /// A store saved with the index written from any size.
    private var smallIndexStore: Store {
        var store = Store(path: file, backups: 0)
        store.indexMinimumSize = 0
        return store
    }

    /// The index the save wrote, read for the bytes now in the file, against decoding them.
    private func assertSavedIndexIsTheJSON(file f: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let hash = bytes.withUnsafeBytes { ContentHash.of($0) }
        let viaIndex = try XCTUnwrap(
            StoreIndex.read(for: file, size: bytes.count, hash: hash, keeping: nil), "no index for the saved bytes",
            file: f, line: line)
        let json = fromJSON(bytes)
        XCTAssertEqual(viaIndex.feed, json.feed, file: f, line: line)
        XCTAssertEqual(viaIndex.feed.version, json.feed.version, file: f, line: line)
        XCTAssertEqual(viaIndex.feed.updated, json.feed.updated, file: f, line: line)
        XCTAssertEqual(viaIndex.issues, json.issues, file: f, line: line)
        XCTAssertEqual(viaIndex.omittedWarnings, json.omittedWarnings, file: f, line: line)
        // Field by field as bytes too: `==` on strings compares canonical equivalence only.
        XCTAssertEqual(FeedEncoder.encode(viaIndex.feed), bytes, file: f, line: line)
    }

    func testASaveWritesTheIndexOfTheBytesItWrote() throws {
        // 120 deals without a source: more warnings than the decoder keeps, the rest counted.
        _ = try writeStore { i, d in if i < 120 { d.sources = [] } }
        try smallIndexStore.update { feed in feed.deals[3].title = "Edited by a save" }
        try assertSavedIndexIsTheJSON()
        XCTAssertEqual(fromJSON(Array(try Data(contentsOf: URL(fileURLWithPath: file)))).warningCount, 120)
        // The next read uses it as it is: nothing decoded from the JSON, no index written again.
        let before = FileSystem.fingerprint(index)
        let loaded = try read()
        XCTAssertEqual(loaded.feed.deals[3].title, "Edited by a save")
        XCTAssertEqual(FileSystem.fingerprint(index), before)
        // Each save of one deal (`add`, `edit`, `remove`) writes it too.
        try smallIndexStore.update(deal: "deal-000005") { $0?.title = "One deal edited" }
        try assertSavedIndexIsTheJSON()
        try smallIndexStore.update(deal: "deal-000006") { $0 = nil }
        try assertSavedIndexIsTheJSON()
    }

    func testASavedIndexHoldsEveryFieldAsTheJSONDoes() throws {
        // Every field (citations, kinds, supplies, milestones, unknown keys), numbers that
        // are not whole, and a history recorded by the save.
        var feed = FeedDecoder.decode(BundledDataset.bytes).feed
        feed.extra.append(
            JSONField(
                "x-top", .object([JSONField("n", .number("-0.0")), JSONField("a", .array([.null, .bool(true)]))])))
        try Data(FeedEncoder.encode(feed)).write(to: URL(fileURLWithPath: file))
        var store = smallIndexStore
        store.recorder = RevisionRecorder(author: "test", note: "index", now: { "2026-06-01T00:00:00Z" })
        try store.update { feed in
            feed.deals[0].capacity = Capacity(initialMW: 0.1 + 0.2, targetMW: 1e300, operationalMW: 12.5)
            feed.deals[1].title = "Title with \u{1F600}, \"quotes\", a tab\t and e\u{301}"
        }
        try assertSavedIndexIsTheJSON()
    }

    func testASaveThatKeepsTheHistoryAsTextWritesTheIndexAndTheNextReadUsesIt() throws {
        // A store with a history in the canonical layout: `update(deal:)` writes it back as its text.
        var feed = FeedDecoder.decode(FeedDecoderParallelTests.bigFeed(150)).feed
        let recorder = RevisionRecorder(author: "ålice \"a\"", note: "two\nlines", now: { "2026-06-01T00:00:00Z" })
        var history = History()
        for k in 0..<40 {
            var new = feed.deals[k * 3]
            new.title += " \u{202E}\(k)"
            history.revisions.append(recorder.revision(id: new.id, old: feed.deals[k * 3], new: new)!)
            feed.deals[k * 3] = new
        }
        history.store(in: &feed)
        try Data(FeedEncoder.encode(feed)).write(to: URL(fileURLWithPath: file))
        var store = smallIndexStore
        store.recorder = recorder
        for (n, id) in ["deal-000005", "deal-000149", "aaa-new"].enumerated() {
            XCTAssertTrue(
                try store.update(deal: id) { d in
                    if d == nil { d = Deal(id: id, title: "New", country: "KR", announced: PartialDate("2026")!) }
                    d!.title += " saved \(n)"
                })
            // The index holds the text the save wrote, read back as the tree the JSON gives.
            try assertSavedIndexIsTheJSON()
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            XCTAssertEqual(try History(of: fromJSON(bytes).feed).revisions.count, 41 + n)
            // The next read and the next save's load use it: nothing decoded from the JSON, no index written.
            let before = FileSystem.fingerprint(index)
            XCTAssertEqual(try read().feed, fromJSON(bytes).feed)
            let forSave = try StoreIndex.decode(file: file, writing: false, historyText: true)
            let text = bytes.withUnsafeBufferPointer { FeedDecoder.decode(buffer: $0, historyText: true).history }
            XCTAssertEqual(try XCTUnwrap(forSave.history).bytes, try XCTUnwrap(text).bytes)
            XCTAssertEqual(FileSystem.fingerprint(index), before)
        }
    }

    func testAMinusZeroLeavesTheIndexToTheNextRead() throws {
        _ = try writeStore()
        try smallIndexStore.update { feed in feed.deals[2].capacity = Capacity(targetMW: -0.0) }
        // Written "0", read back +0: an index from memory would hold -0, so the save writes none.
        XCTAssertFalse(FileManager.default.fileExists(atPath: index))
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        try assertSameAsJSON(bytes)
        XCTAssertTrue(try indexMatches())
    }

    func testAStoreSavedBelowTheMinimumSizeLosesItsIndex() throws {
        let bytes = try writeStore()
        try assertSameAsJSON(bytes)
        XCTAssertTrue(FileManager.default.fileExists(atPath: index))
        var store = Store(path: file, backups: 0)
        store.indexMinimumSize = bytes.count * 2
        try store.update { feed in feed.deals[0].title = "Edited" }
        XCTAssertFalse(FileManager.default.fileExists(atPath: index))
    }

    func testTheIndexOfALinkedStoreIsBesideItsTarget() throws {
        _ = try writeStore()
        let link = dir.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        XCTAssertEqual(StoreIndex.path(for: link), index)
        var store = Store(path: link, backups: 0)
        store.indexMinimumSize = 0
        try store.update { feed in feed.deals[0].title = "Through the link" }
        try assertSavedIndexIsTheJSON()
    }
}
