import DealKit
import XCTest

@testable import DealTUI

/// What a deal table's cells say, drawn into the grid.
final class DealColumnTests: XCTestCase {
    private func deal(_ id: String, _ milestones: [Milestone]) -> Deal {
        Deal(
            id: id, title: "Deal \(id)", country: "KR", announced: PartialDate("2025")!, status: .planned,
            milestones: milestones)
    }

    /// An overdue planned milestone is shown first, marked `overdue` and in the error colour,
    /// and the column sorts as it reads: overdue first, then what is to come.
    func testAnOverdueMilestoneIsMarkedInTheColumnAndSortsFirst() throws {
        let late = Milestone(date: PartialDate("2026-Q1")!, event: "phase 1 online")
        let soon = Milestone(date: PartialDate("2026-Q2")!, event: "phase 2")
        let feed = Feed(deals: [deal("a", [soon]), deal("b", [soon, late]), deal("c", [])])
        var s = TestFeeds.state(feed, rows: 12, cols: 200)
        _ = keys(&s, .char("2"))
        // Sort by the milestone column: `s` until the label names it.
        for _ in 0..<DealColumn.dealsView.count where !s.sortLabel.contains("next milestone") {
            _ = keys(&s, .char("s"))
        }
        XCTAssertEqual(s.sortLabel, "sort deals: next milestone ▲")
        let g = Screen.render(s)
        let rows = (3..<6).map { g.line($0) }
        XCTAssertTrue(rows[0].contains("Deal b") && rows[0].contains("overdue 2026-Q1 phase 1 online"), rows[0])
        XCTAssertTrue(
            rows[1].contains("Deal a") && rows[1].contains("2026-Q2 phase 2") && !rows[1].contains("overdue"), rows[1])
        XCTAssertTrue(rows[2].contains("Deal c"), rows[2])
        let x = try XCTUnwrap(rows[0].range(of: "overdue")).lowerBound.utf16Offset(in: rows[0])
        XCTAssertEqual(g[3, x].style.role, .error)
        XCTAssertEqual(
            DealColumn.milestone.value(feed.deals[1], today: PartialDate("2026-03-31")!), "2026-Q1 phase 1 online",
            "not overdue before its quarter ends")
    }
}
