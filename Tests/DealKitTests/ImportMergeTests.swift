import XCTest

@testable import DealKit

final class ImportMergeTests: XCTestCase {
    private let stored = Deal(
        id: "kr-skt", title: "SKT", country: "KR", announced: PartialDate("2026-06-07")!, status: .planned,
        sponsor: "SK Telecom",
        partners: [Partner(name: "NVIDIA", role: .vendor), Partner(name: "SK Telecom", role: .operator)],
        capacity: Capacity(initialMW: 40, targetMW: 1000, confidence: .aspirational),
        milestones: [Milestone(date: PartialDate("2027")!, event: "Online")],
        sources: [Source(title: "Old", url: "https://example.com/old")])

    func testAnIncomingDealNeverErasesWhatItDoesNotMention() throws {
        let raw =
            #"{"id": "kr-skt", "title": "SKT", "country": "KR", "announced": "2026-06-07", "capacity": {"targetMW": 200}, "milestones": [{"date": "2027-H2", "event": "Online"}], "sources": [{"title": "New", "url": "https://example.com/new"}]}"#
        let feed = FeedDecoder.decode(Array(#"{"format": "sovtrack-feed", "version": 1, "deals": [\#(raw)]}"#.utf8))
        guard case .object(let mentioned) = try JSONReader.parse(Array(raw.utf8), { try $0.readValue() }) else {
            return XCTFail()
        }
        let merged = try ImportMerge.merge(stored: stored, incoming: feed.feed.deals[0], mentioned: mentioned).get()
        XCTAssertEqual(merged.status, .planned, "status not given: kept, not reset to the default")
        XCTAssertEqual(merged.sponsor, "SK Telecom")
        XCTAssertEqual(merged.partners, stored.partners, "partners not given: kept")
        XCTAssertEqual(merged.capacity, Capacity(initialMW: 40, targetMW: 200, confidence: .aspirational))
        XCTAssertEqual(merged.milestones.map(\.date.description), ["2027-H2"], "the same event moved, not doubled")
        XCTAssertEqual(merged.sources.map(\.title), ["Old", "New"])
    }

    func testWithoutTheRawDealEveryGivenKeyCountsAndListsAreMerged() throws {
        var incoming = stored
        incoming.partners = [Partner(name: "AWS", role: .vendor)]
        incoming.sponsor = nil
        let merged = try ImportMerge.merge(stored: stored, incoming: incoming, mentioned: nil).get()
        XCTAssertEqual(merged.partners.map(\.name), ["NVIDIA", "SK Telecom", "AWS"])
        XCTAssertEqual(merged.sponsor, "SK Telecom")
    }
}
