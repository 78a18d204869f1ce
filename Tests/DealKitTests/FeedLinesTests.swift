import XCTest

@testable import DealKit

/// The feed as lines for git's textconv: a fact a line, each deal a block git can name.
final class FeedLinesTests: XCTestCase {
    private let deal = Deal(
        id: "kr-a", title: "A\u{1B}[31m deal", country: "KR", announced: PartialDate("2026-06")!, status: .planned,
        partners: [Partner(name: "NVIDIA", role: .vendor), Partner(name: "NAVER", role: .operator)],
        capacity: Capacity(initialMW: 55, targetMW: 1000, confidence: .reported),
        milestones: [Milestone(date: PartialDate("2026-H2")!, event: "Launch")])

    func testAFactALineEachDealABlockThenHistoryAndConflicts() throws {
        var feed = Feed(deals: [deal])
        feed.extra = [JSONField("publisher", .string("us"))]
        var cut = deal
        cut.capacity?.targetMW = 500
        History(revisions: [
            RevisionRecorder(author: "alice", note: "cut").revision(
                id: "kr-a", old: deal, new: cut, at: "2026-06-12T09:30:00Z")!
        ])
        .store(in: &feed)
        MergeConflict.store(
            [
                MergeConflict(
                    id: "kr-a", field: "status", base: nil, ours: .string("planned"), theirs: .string("cancelled"))
            ], in: &feed)
        let lines = FeedLines.render(feed).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "format: sovtrack-feed \(Feed.currentVersion)")
        XCTAssertTrue(lines.contains("publisher: us"))
        let start = try XCTUnwrap(lines.firstIndex(of: "deal kr-a"))
        XCTAssertEqual(lines[start + 1], "  title: " + SafeText.sanitize("A\u{1B}[31m deal"))
        XCTAssertFalse(lines.joined().contains("\u{1B}"), "an escape from the feed never reaches the terminal")
        for expected in [
            "  capacity.initialMW: 55", "  capacity.targetMW: 1000", "  capacity.confidence: reported",
            "  status: planned",
            #"  partners: {"name": "NVIDIA", "role": "vendor"}"#, #"  partners: {"name": "NAVER", "role": "operator"}"#,
            #"  milestones: {"date": "2026-H2", "event": "Launch", "done": false}"#,
        ] {
            XCTAssertTrue(lines.contains(expected), "\(expected) in \(lines)")
        }
        XCTAssertTrue(
            lines.contains(
                "revision 2026-06-12T09:30:00Z alice kr-a edit: capacity.targetMW revised down by 500 MW (1000 → 500) — cut"
            ), "\(lines)")
        XCTAssertTrue(lines.contains("conflict kr-a status: ours planned, theirs cancelled"), "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("\"history\"") || $0.hasPrefix("history") })
    }

    /// A change to one fact is one changed line.
    func testOneChangedFactIsOneChangedLine() {
        var cut = deal
        cut.capacity?.targetMW = 500
        let a = FeedLines.render(Feed(deals: [deal])).split(separator: "\n")
        let b = FeedLines.render(Feed(deals: [cut])).split(separator: "\n")
        XCTAssertEqual(a.count, b.count)
        XCTAssertEqual(
            zip(a, b).filter { $0 != $1 }.map { "\($0) → \($1)" },
            ["  capacity.targetMW: 1000 →   capacity.targetMW: 500"])
    }
}
