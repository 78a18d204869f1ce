import XCTest

@testable import DealKit

/// `DealDiff.changes(oldBytes:newBytes:)`: the same changes as two whole loads, and nil (the
/// caller then loads both whole and reports the errors) whenever a feed has an error.
final class DealDiffBytesTests: XCTestCase {
    private func deal(_ n: Int) -> Deal {
        Deal(
            id: String(format: "kr-deal-%05d", n), title: "Deal \(n)", country: "KR",
            announced: PartialDate("2026-06")!,
            status: .announced, partners: [Partner(name: "NVIDIA", role: .vendor)],
            capacity: Capacity(initialMW: 10, targetMW: Double(100 + n), confidence: .reported),
            milestones: [Milestone(date: PartialDate("2027")!, event: "Phase 1 online")],
            sources: [Source(title: "Source \(n)", url: "https://example.com/\(n)")])
    }

    private func fast(_ old: [UInt8], _ new: [UInt8]) -> [DealChange]? {
        old.withUnsafeBufferPointer { o in
            new.withUnsafeBufferPointer { n in DealDiff.changes(oldBytes: o, newBytes: n) }
        }
    }

    private func whole(_ old: [UInt8], _ new: [UInt8]) -> [DealChange] {
        DealDiff.changes(from: FeedDecoder.decode(old).feed.deals, to: FeedDecoder.decode(new).feed.deals)
    }

    func testTheSameChangesAsTwoWholeLoads() throws {
        let old = (0..<300).map(deal)
        var new = old
        new[3].capacity?.targetMW = 5
        new[10].milestones[0].date = PartialDate("2028")!
        new[11].status = .cancelled
        new.remove(at: 20)
        new.append(deal(400))
        new[0].partners.append(Partner(name: "Fund", role: .investor))
        var history = Feed(deals: old)
        History(revisions: [
            Revision(
                at: "2026-06-01T00:00:00Z", author: "a", id: old[0].id, action: "edit",
                changes: [FieldChange(field: "title", old: .string("x"), new: .string("Deal 0"))])
        ]).store(in: &history)
        let a = FeedEncoder.encode(history)
        let b = FeedEncoder.encode(Feed(deals: new))
        let changes = try XCTUnwrap(fast(a, b))
        XCTAssertEqual(changes, whole(a, b))
        XCTAssertEqual(Set(changes.map(\.id)), Set([0, 3, 10, 11, 20, 400].map { deal($0).id }))
        XCTAssertEqual(fast(a, a), [])
        // Compact JSON (no canonical layout) works the same.
        let minified = Array(String(decoding: b, as: UTF8.self).replacingOccurrences(of: "\n", with: "").utf8)
        XCTAssertEqual(fast(a, minified), whole(a, b))
    }

    /// A deal with an error in both feeds, byte for byte, is still found (in the new feed).
    func testAnErrorInADealTheSameInBothIsNotMissed() {
        let good = FeedEncoder.encode(Feed(deals: (0..<5).map(deal)))
        let bad = Array(
            String(decoding: good, as: UTF8.self).replacingOccurrences(
                of: "\"country\": \"KR\"", with: "\"country\": \"Korea\""
            ).utf8)
        XCTAssertTrue(FeedDecoder.decode(bad).hasErrors)
        XCTAssertNil(fast(bad, bad))
        XCTAssertNil(fast(good, bad))
        XCTAssertNil(fast(bad, good), "an error in a deal only the old feed has")
    }

    func testAnErrorOutsideTheDealsOrDifferentVersionsGoTheWholeWay() {
        let feed = Feed(deals: (0..<5).map(deal))
        let good = FeedEncoder.encode(feed)
        var text = String(decoding: good, as: UTF8.self)
        let badHistory = Array(text.replacingOccurrences(of: "\n}", with: ",\n  \"history\": 3\n}").utf8)
        // The decoder keeps an unknown top-level key; a history that is not an array is the
        // store's concern, not a decode error: the fast way then still gives the changes.
        XCTAssertEqual(fast(badHistory, good), whole(badHistory, good))
        text = text.replacingOccurrences(of: "\"version\": \(Feed.currentVersion)", with: "\"version\": 1")
        XCTAssertNil(fast(Array(text.utf8), good), "a version-1 and a version-2 feed read a deal differently")
        let duplicate = FeedEncoder.encode(Feed(deals: [deal(1), deal(1)]))
        XCTAssertNil(fast(duplicate, good))
        XCTAssertNil(fast(good, duplicate))
    }
}
