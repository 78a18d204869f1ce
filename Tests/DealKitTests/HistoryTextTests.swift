import Foundation
import TestSupport
import XCTest

@testable import DealKit

final class HistoryTextTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try makeTemporaryDirectory("sovtrack-history-text")
    }

    private static let today = PartialDate("2026-06-10")!
    private static let time = "2026-06-10T09:00:00Z"

    /// `feed` with `count` revisions of its deals, whose notes and values hold what the
    /// writer escapes (quotes, newlines, ESC, C1 and bidi controls) and what it does not (é, 한).
    private func withHistory(_ feed: Feed, _ count: Int) -> Feed {
        var f = feed
        let notes = [
            nil, "plain", "says \"500 MW\"", "two\nlines", "esc \u{1B}[31m", "c1 \u{85}", "bidi \u{202E}x",
            "é 한 鴻海", "back\\slash", "tab\there",
        ]
        var revisions: [Revision] = []
        for k in 0..<count {
            let i = (k &* 37) % f.deals.count
            let old = f.deals[i]
            var new = old
            new.title = old.title + " \(k)"
            if k % 3 == 0 { new.capacity = Capacity(initialMW: 1.5, targetMW: Double(k)) }
            let recorder = RevisionRecorder(author: k % 4 == 0 ? "ålice \"a\"" : "bob", note: notes[k % notes.count])
            let at = "2026-0\(1 + k % 5)-1\(k % 10)T08:00:00Z"
            revisions.append(recorder.revision(id: old.id, old: old, new: new, at: at)!)
            f.deals[i] = new
        }
        History(revisions: revisions).store(in: &f)
        // In id order, as every saved store is (a save of deals out of order sorts them).
        f.deals.sort { $0.id < $1.id }
        return f
    }

    /// What the full path writes for `change` of deal `id` in the store `bytes`: every revision
    /// read into a tree, the new one added by `History.append`, the whole feed encoded again.
    private func fullPath(_ bytes: [UInt8], _ id: String, _ change: (inout Deal?) -> Void) throws -> [UInt8] {
        let decoded = FeedDecoder.decode(bytes)
        XCTAssertFalse(decoded.hasErrors)
        var feed = decoded.feed
        XCTAssertNil(decoded.history, "the full path reads a tree")
        let found = feed.index(of: id)
        let before = found.map { feed.deals[$0] }
        var deal = before
        change(&deal)
        let r = RevisionRecorder(author: "carol", note: "n", now: { HistoryTextTests.time })
            .revision(id: id, old: before, new: deal)!
        History.append(r, to: &feed)
        feed.put(deal, at: found)
        feed.updated = HistoryTextTests.today
        if found == nil, let d = deal { XCTAssertEqual(feed.deals.filter { $0.id == d.id }.count, 1) }
        return FeedEncoder.encode(feed)
    }

    /// Fails naming the first byte where `written` and `expected` differ, with the text around it.
    private func assertSame(
        _ written: [UInt8], _ expected: [UInt8], _ what: String = "", file: StaticString = #filePath, line: UInt = #line
    ) {
        guard written != expected else { return }
        let at =
            zip(written, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(written.count, expected.count)
        func around(_ b: [UInt8]) -> String {
            String(decoding: b[max(0, at - 80)..<min(b.count, at + 80)], as: UTF8.self)
        }
        XCTFail(
            "\(what): differs at byte \(at) of \(written.count) (expected \(expected.count)):\n\(around(written))\n---\n\(around(expected))",
            file: file, line: line)
    }

    private func store(_ path: String) -> Store {
        var s = Store(path: path, today: { HistoryTextTests.today })
        s.recorder = RevisionRecorder(author: "carol", note: "n", now: { HistoryTextTests.time })
        return s
    }

    private func textOf(_ bytes: [UInt8]) -> HistoryText? {
        bytes.withUnsafeBufferPointer { FeedDecoder.decode(buffer: $0, historyText: true).history }
    }

    func testASaveWithHistoryWritesTheSameBytesAsReadingAndEncodingTheWholeHistory() throws {
        let path = dir.appendingPathComponent("deals.json").path
        let feed = withHistory(FeedBuilder.generated(400), 300)
        try FileSystem.writeAtomically(FeedEncoder.encode(feed), to: path)
        let s = store(path)
        let middle = feed.deals[200].id
        let edits: [(String, (inout Deal?) -> Void)] = [
            (middle, { $0!.title = "Renamed \"quoted\"\n" }),
            (
                "aaa-first",
                { $0 = Deal(id: "aaa-first", title: "First", country: "KR", announced: PartialDate("2026")!) }
            ),
            (
                "zzz-last",
                { $0 = Deal(id: "zzz-last", title: "Last", country: "JP", announced: PartialDate("2026-H2")!) }
            ),
            (feed.deals[0].id, { $0!.capacity = Capacity(initialMW: 2.25, targetMW: 9) }),
            (feed.deals[399].id, { $0 = nil }),
            (middle, { $0!.notes = "again, \u{202E} and é" }),
        ]
        for (id, change) in edits {
            let before = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            XCTAssertNotNil(textOf(before), "the store is canonical: the save takes the text")
            let expected = try fullPath(before, id, change)
            XCTAssertTrue(try s.update(deal: id, change))
            let written = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            assertSame(written, expected, "after the change of \(id)")
        }
        XCTAssertEqual(try History(of: s.load().feed).revisions.count, 300 + edits.count)
    }

    func testAStoreReadThroughItsIndexIsSavedFromTheHistoryTextToo() throws {
        let path = dir.appendingPathComponent("deals.json").path
        let feed = withHistory(FeedBuilder.generated(4_000), 200)
        let bytes = FeedEncoder.encode(feed)
        XCTAssertGreaterThan(bytes.count, StoreIndex.minimumSize)
        try FileSystem.writeAtomically(bytes, to: path)
        _ = try Store.load(path: path)
        XCTAssertTrue(FileSystem.exists(StoreIndex.path(for: path)), "a read leaves the index")
        let viaIndex = try StoreIndex.decode(file: path, writing: false, historyText: true)
        let fromStart = try XCTUnwrap(textOf(bytes)).bytes
        XCTAssertEqual(try XCTUnwrap(viaIndex.history).bytes, fromStart)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { HistoryText.atEnd(of: $0) }?.bytes, fromStart)
        // Merge conflicts after the history: not found from the end (the full path saves it).
        var conflicted = feed
        conflicted.extra.append(JSONField(MergeConflict.key, .array([.object([JSONField("id", .string("x"))])])))
        XCTAssertNil(FeedEncoder.encode(conflicted).withUnsafeBufferPointer { HistoryText.atEnd(of: $0) })
        let id = feed.deals[1_234].id
        let expected = try fullPath(bytes, id) { $0!.title = "Through the index" }
        XCTAssertTrue(try store(path).update(deal: id) { $0!.title = "Through the index" })
        assertSame(Array(try Data(contentsOf: URL(fileURLWithPath: path))), expected)
    }

    /// A store of 20 deals with 10 revisions, whose text has `old` replaced by `new`: one the
    /// save cannot take as text. Returns the feed, the bytes written and the path.
    private func storeEdited(_ old: String, _ new: String) throws -> (Feed, [UInt8], String) {
        let path = dir.appendingPathComponent("deals.json").path
        let feed = withHistory(FeedBuilder.generated(20), 10)
        let text = String(decoding: FeedEncoder.encode(feed), as: UTF8.self)
        XCTAssertTrue(text.contains(old))
        let bytes = Array(text.replacingOccurrences(of: old, with: new).utf8)
        XCTAssertNil(textOf(bytes))
        try FileSystem.writeAtomically(bytes, to: path)
        return (feed, bytes, path)
    }

    func testAHistoryInAnotherLayoutIsSavedByTheFullPathAndComesOutCanonical() throws {
        // Re-indented by hand: the same history, in a layout the encoder does not write.
        let (feed, bytes, path) = try storeEdited("\"history\": [\n    {", "\"history\": [\n      {")
        let id = feed.deals[3].id
        let expected = try fullPath(bytes, id) { $0!.title = "New" }
        XCTAssertTrue(try store(path).update(deal: id) { $0!.title = "New" })
        assertSame(Array(try Data(contentsOf: URL(fileURLWithPath: path))), expected)
        XCTAssertNotNil(textOf(expected), "written in the canonical layout again")
    }

    func testAnInvalidRevisionGivesNoTextAndTheSaveIsRefusedWithTheFileUnchanged() throws {
        // Still canonical JSON, but one revision's time is not a UTC time.
        let (feed, bytes, path) = try storeEdited("{\"at\": \"2026-03-12T08:00:00Z\"", "{\"at\": \"2026-03-12\"")
        XCTAssertThrowsError(try store(path).update(deal: feed.deals[3].id) { $0!.title = "New" }) { e in
            XCTAssertTrue("\(e)".contains(".at: \"2026-03-12\" is not a UTC time"), "\(e)")
        }
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), bytes)
    }

    /// `line` as the only revision of a history array in a document.
    private func read(_ line: String) -> HistoryText? {
        let doc = Array("{\"history\": [\n    \(line)\n  ]}".utf8)
        return doc.withUnsafeBufferPointer { HistoryText.read($0, at: 12)?.text }
    }

    func testOnlyTheCompactFormTheWriterWritesIsTakenAsText() {
        let ok = #"{"at": "2026-06-01T10:00:00Z", "author": "a", "id": "kr-a", "action": "edit", "changes": []}"#
        XCTAssertNotNil(read(ok))
        let accepted = [
            #"{"at": "2026-06-01T10:00:00Z", "author": "a \"b\"\n\u001b", "id": "kr-a", "action": "edit", "note": "é\u202e", "changes": [{"field": "x", "old": 1.50, "new": [true, false, null, {}, [], -0.5e3]}]}"#,
            #"{"changes": [{"new": {"a": {"b": "c"}}, "field": "y"}], "action": "add", "id": "kr-a", "author": "a", "at": "2026-06-01T10:00:00Z", "more": 1}"#,
        ]
        for line in accepted { XCTAssertNotNil(read(line), line) }
        let refused = [
            #"{"at":"2026-06-01T10:00:00Z", "author": "a", "id": "kr-a", "action": "edit", "changes": []}"#,
            #"{"at": "2026-06-01T10:00:00Z",  "author": "a", "id": "kr-a", "action": "edit", "changes": []}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "a\/b", "id": "kr-a", "action": "edit", "changes": []}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "\u0041", "id": "kr-a", "action": "edit", "changes": []}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "\u001B", "id": "kr-a", "action": "edit", "changes": []}"#,
            "{\"at\": \"2026-06-01T10:00:00Z\", \"author\": \"\u{85}\", \"id\": \"kr-a\", \"action\": \"edit\", \"changes\": []}",
            #"{"at": "2026-06-01T10:00:00Z", "author": "a", "id": "kr-\u0061", "action": "edit", "changes": []}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "a", "author": "b", "id": "kr-a", "action": "edit", "changes": []}"#,
            #"{"at": "2026-06-01T10:00:00Z", "id": "kr-a", "action": "edit", "changes": []}"#,
            #"{"at": "2026-06-01", "author": "a", "id": "kr-a", "action": "edit", "changes": []}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "a", "id": "kr-a", "action": "edit", "changes": [{"old": 1}]}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "a", "id": "kr-a", "action": "edit", "changes": [{"field": "x", "new": 01}]}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "a", "id": "kr-a", "action": "edit", "changes": [{"field": "x", "new": {"é": 1}}]}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "a", "id": "kr-a", "action": "edit", "changes": [{"field": "x", "new": nul}]}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "a", "id": "kr-a", "action": "edit", "note": 3, "changes": []}"#,
            #"{"at": "2026-06-01T10:00:00Z", "author": "a", "id": "kr-a", "action": "edit", "changes": {}}"#,
            #"[1]"#,
        ]
        for line in refused { XCTAssertNil(read(line), line) }
        XCTAssertNil(read(ok + ","), "a trailing comma")
    }

    /// Whatever the text accepts, the full path reads as a valid history and writes back the
    /// same bytes: so writing the text verbatim can never differ from the full path.
    func testWhateverTheTextTakesTheFullPathReadsAndWritesBackByteForByte() throws {
        var rng = seededRandom(14)
        let feed = withHistory(FeedBuilder.generated(8), 12)
        let canonical = FeedEncoder.encode(feed)
        let start = Array("\"history\": ".utf8)
        let at = try XCTUnwrap(canonical.firstRange(of: start)).upperBound
        let alphabet = Array(" \n,:{}[]\"\\/u01aeE.-+tfnlZé".utf8)
        var taken = 0
        // A plain run mutates 1,000 times; the whole suite (SOVTRACK_TEST_FULL=1, from .ci/run) 3,000.
        let mutations = TestScale.count(quick: 1_000, full: 3_000)
        for _ in 0..<mutations {
            var bytes = canonical
            for _ in 0..<(1 + rng.below(3)) {
                let i = at + rng.below(bytes.count - at - 3)
                switch rng.below(3) {
                case 0: bytes[i] = rng.pick(alphabet)
                case 1: bytes.insert(rng.pick(alphabet), at: i)
                default: bytes.remove(at: i)
                }
            }
            guard let text = bytes.withUnsafeBufferPointer({ HistoryText.read($0, at: at) }) else { continue }
            taken += 1
            let tree = try JSONReader.parse(text.text.bytes) { try $0.readValue() }
            var f = Feed()
            f.extra = [JSONField(History.key, tree)]
            XCTAssertTrue(History.issues(in: f).isEmpty, String(decoding: text.text.bytes, as: UTF8.self))
            var w = JSONWriter()
            guard case .array(let items) = tree else { return XCTFail("not an array") }
            w.raw("[")
            for (k, item) in items.enumerated() {
                w.raw(k == 0 ? "\n    " : ",\n    ")
                w.value(item)
            }
            w.raw("\n  ]")
            XCTAssertEqual(w.finish(), text.text.bytes)
        }
        XCTAssertGreaterThan(
            taken, mutations / 30, "some mutations keep the text canonical (an id or a time's digit)")
    }
}
