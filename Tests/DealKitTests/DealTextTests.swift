import XCTest

@testable import DealKit

final class DealTextTests: XCTestCase {
    private var deal: Deal {
        var d = Deal(id: "kr-x", title: "X", country: "KR", announced: PartialDate("2025")!, status: .planned)
        d.milestones = [
            Milestone(date: PartialDate("2025-Q3")!, event: "first power"),
            Milestone(date: PartialDate("2027")!, event: "phase 2"),
            Milestone(date: PartialDate("2024")!, event: "permit", done: true),
        ]
        d.capacity = Capacity(initialMW: 10, confidence: .confirmed)
        return d
    }

    func testAPassedPlannedMilestoneIsOverdue() {
        let t = DealText.timeline(deal, today: PartialDate("2026-06-10")!)
        XCTAssertTrue(t.contains { $0.event == "first power  [overdue]" }, "\(t)")
        XCTAssertTrue(t.contains { $0.event == "phase 2" }, "not yet due")
        XCTAssertTrue(t.contains { $0.event == "permit  [done]" })
    }

    func testNoEmptySourcesHeadingAndTheTargetsConfidenceInWords() {
        let text = DealText.render(deal)
        XCTAssertFalse(text.contains("\nSources\n"), text)
        XCTAssertTrue(text.contains("Sources: none"), text)
        XCTAssertTrue(text.contains("target unknown, its confidence confirmed"), text)
        XCTAssertFalse(text.contains("unknown (confirmed)"), text)
    }
}
