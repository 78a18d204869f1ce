import XCTest

@testable import DealKit

/// Which milestone a deal's `next milestone` shows, and how an overdue one reads.
final class MilestoneTests: XCTestCase {
    private let today = PartialDate("2026-06-10")!

    private func m(_ date: String, _ event: String, done: Bool = false) -> Milestone {
        Milestone(date: PartialDate(date)!, event: event, done: done)
    }

    func testOverdueOnlyOnceTheWholePeriodHasPassed() {
        XCTAssertTrue(m("2026-Q1", "x").isOverdue(on: today))
        XCTAssertTrue(m("2026-06-09", "x").isOverdue(on: today))
        XCTAssertFalse(m("2026-06-10", "x").isOverdue(on: today), "due today is not late yet")
        XCTAssertFalse(m("2026-Q2", "x").isOverdue(on: today), "the quarter is not over")
        XCTAssertFalse(m("2026", "x").isOverdue(on: today))
        XCTAssertFalse(m("2025", "x", done: true).isOverdue(on: today), "a milestone done is never overdue")
    }

    func testTheLongestOverdueComesBeforeAnyToCome() {
        // By date alone 2026-H2 (from July) would come before nothing here, and 2026-Q2 (not over)
        // before 2026-05-20 (overdue): the overdue one needs attention first.
        let list = [
            m("2026-Q2", "phase 2"), m("2026-05-20", "phase 1"), m("2025-12", "permit"), m("2024", "old", done: true),
        ]
        XCTAssertEqual(Milestone.next(in: list, today: today)?.event, "permit")
        XCTAssertEqual(Milestone.next(in: Array(list.dropFirst(2)) + [list[0]], today: today)?.event, "permit")
        XCTAssertEqual(Milestone.next(in: [list[0], list[1]], today: today)?.event, "phase 1")
        XCTAssertEqual(Milestone.next(in: [m("2027", "b"), m("2026-Q3", "a")], today: today)?.event, "a")
        XCTAssertNil(Milestone.next(in: [list[3]], today: today))
        // Without a day nothing is overdue: the earliest not done (2026-Q2 starts in April).
        XCTAssertEqual(Milestone.next(in: [list[0], list[1]], today: nil)?.event, "phase 2")
    }

    func testAnOverdueMilestoneIsMarkedFirst() {
        XCTAssertEqual(m("2025-12", "permit").summary(today: today), "overdue 2025-12 permit")
        XCTAssertEqual(m("2026-Q3", "phase 2").summary(today: today), "2026-Q3 phase 2")
        XCTAssertEqual(m("2025-12", "permit").summary(today: nil), "2025-12 permit")
    }
}
