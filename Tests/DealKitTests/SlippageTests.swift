import XCTest

@testable import DealKit

final class SlippageTests: XCTestCase {
    private func deal(_ id: String, _ country: String, _ date: String) -> Deal {
        Deal(
            id: id, title: id, country: country, announced: PartialDate("2026")!,
            milestones: [
                Milestone(date: PartialDate(date)!, event: "Online"),
                Milestone(date: PartialDate("2028")!, event: "Phase 2"),
            ])
    }

    func testSlipsInThePeriodAreCountedAndAddedUpByCountry() {
        let recorder = RevisionRecorder(author: "a")
        var kr2 = deal("kr-b", "KR", "2027")
        kr2.milestones[0].date = PartialDate("2027-H2")!  // 6 months
        var fr = deal("fr-a", "FR", "2026-Q3")
        fr.milestones[0].date = PartialDate("2026-Q2")!  // pulled in: not a slip
        var kr1 = deal("kr-a", "KR", "2026-H2")
        kr1.milestones[0].date = PartialDate("2027-H2")!  // 12 months
        kr1.milestones[1].date = PartialDate("2029")!  // 12 months
        let revisions = [
            recorder.revision(id: "kr-a", old: deal("kr-a", "KR", "2026-H2"), new: kr1, at: "2026-06-02T00:00:00Z")!,
            recorder.revision(id: "kr-b", old: deal("kr-b", "KR", "2027"), new: kr2, at: "2026-06-03T00:00:00Z")!,
            recorder.revision(id: "fr-a", old: deal("fr-a", "FR", "2026-Q3"), new: fr, at: "2026-06-03T00:00:00Z")!,
            recorder.revision(id: "kr-b", old: kr2, new: deal("kr-b", "KR", "2028"), at: "2026-05-01T00:00:00Z")!,
        ]
        let s = Slippage(
            history: History(revisions: revisions), deals: [kr1, kr2, fr], from: 20_260_601, to: 20_260_630)
        XCTAssertEqual(s.rows, [Slippage.Row(country: "KR", slipped: 3, months: 30)])
        XCTAssertTrue(s.render(markdown: true).contains("| total | 3 | 30 |"))
    }
}
