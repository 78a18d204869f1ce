import XCTest

@testable import DealKit

final class DealDiffTests: XCTestCase {
    private let base = Deal(
        id: "kr-a", title: "A", country: "KR", announced: PartialDate("2026-06")!, status: .planned,
        partners: [Partner(name: "NVIDIA", role: .vendor)],
        capacity: Capacity(initialMW: 55, targetMW: 1000, confidence: .reported),
        models: ["HyperCLOVA X"],
        milestones: [
            Milestone(date: PartialDate("2026-H2")!, event: "Launch"),
            Milestone(date: PartialDate("2026-06-10")!, event: "Signing"),
        ])

    private func kinds(_ change: (inout Deal) -> Void) -> [String] {
        var d = base
        change(&d)
        return DealDiff.changes(id: "kr-a", old: base, new: d).map {
            "\($0.field) \($0.kind.rawValue) \($0.amount ?? "")"
        }
    }

    func testMilestonesSlipOrPullInByTheDatesOwnPrecision() {
        XCTAssertEqual(kinds { $0.milestones[0].date = PartialDate("2027-H2")! }, ["milestones slipped 2 halves"])
        XCTAssertEqual(kinds { $0.milestones[0].date = PartialDate("2027")! }, ["milestones slipped 1 year"])
        XCTAssertEqual(kinds { $0.milestones[1].date = PartialDate("2026-07-25")! }, ["milestones slipped 45 days"])
        XCTAssertEqual(kinds { $0.milestones[0].date = PartialDate("2026-Q1")! }, ["milestones pulled-in 1 half"])
        XCTAssertEqual(kinds { $0.milestones[0].done = true }, ["milestones done "])
    }

    func testFiguresStatusConfidenceAndListsInTheDomainsWords() {
        XCTAssertEqual(kinds { $0.capacity!.targetMW = 500 }, ["capacity.targetMW revised-down 500 MW"])
        XCTAssertEqual(kinds { $0.capacity!.operationalMW = 20 }, ["capacity.operationalMW set "])
        XCTAssertEqual(kinds { $0.capacity!.confidence = .aspirational }, ["capacity.confidence lowered "])
        XCTAssertEqual(kinds { $0.status = .operational }, ["status advanced "])
        XCTAssertEqual(kinds { $0.status = .announced }, ["status regressed "])
        XCTAssertEqual(kinds { $0.status = .cancelled }, ["status cancelled "])
        XCTAssertEqual(
            kinds {
                $0.partners.append(Partner(name: "SK", role: .investor))
                $0.models = []
            },
            ["partners added ", "models removed "])
        XCTAssertEqual(kinds { $0.sponsor = "NAVER" }, ["sponsor set "])
    }

    func testAKeyThisVersionDoesNotKnowStillShowsAsChanged() {
        XCTAssertEqual(kinds { $0.extra = [JSONField("kind", .string("expansion"))] }, ["kind set "])
        var a = base
        var b = base
        a.extra = [JSONField("products", .array([.string("HBM4")]))]
        b.extra = [JSONField("products", .array([.string("HBM4"), .string("HBM3E")]))]
        XCTAssertEqual(
            DealDiff.changes(id: "kr-a", old: a, new: b).map { "\($0.field) \($0.kind.rawValue) \($0.item ?? "")" },
            ["products added HBM3E"])
    }

    func testAddedAndRemovedDealsInIdOrder() {
        var other = base
        other.id = "fr-b"
        let changes = DealDiff.changes(from: [base], to: [other])
        XCTAssertEqual(changes.map { "\($0.id) \($0.kind.rawValue)" }, ["fr-b added", "kr-a removed"])
        XCTAssertEqual(DealDiff.changes(from: [base, other], to: [other, base]), [])
    }
}
