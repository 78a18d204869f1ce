import XCTest

@testable import DealKit

final class FeedMergeTests: XCTestCase {
    private let base = Deal(
        id: "kr-a", title: "A", country: "KR", announced: PartialDate("2026-06")!,
        partners: [Partner(name: "NVIDIA", role: .vendor)],
        capacity: Capacity(initialMW: 55, targetMW: 1000),
        milestones: [Milestone(date: PartialDate("2026-H2")!, event: "Launch")])

    private func merge(_ ours: (inout Deal) -> Void, _ theirs: (inout Deal) -> Void) -> FeedMerge.Result {
        var o = base
        var t = base
        ours(&o)
        theirs(&t)
        return FeedMerge.merge(base: Feed(deals: [base]), ours: Feed(deals: [o]), theirs: Feed(deals: [t]))
    }

    func testDifferentFieldsAndMembersAndListItemsMergeCleanly() {
        let r = merge(
            {
                $0.capacity!.targetMW = 500
                $0.partners.append(Partner(name: "SK", role: .investor))
            },
            {
                $0.capacity!.initialMW = 60
                $0.milestones[0].date = PartialDate("2027")!
                $0.title = "B"
            })
        XCTAssertEqual(r.conflicts, [])
        let d = r.feed.deals[0]
        XCTAssertEqual(d.capacity, Capacity(initialMW: 60, targetMW: 500))
        XCTAssertEqual(d.partners.map(\.name), ["NVIDIA", "SK"])
        XCTAssertEqual(d.milestones.map(\.date.description), ["2027"])
        XCTAssertEqual(d.title, "B")
    }

    func testAFieldChangedTwoWaysKeepsOursAndIsRecordedForValidate() {
        let r = merge(
            {
                $0.capacity!.targetMW = 500
                $0.title = "Ours"
            },
            {
                $0.capacity!.targetMW = 700
                $0.title = "Theirs"
            })
        XCTAssertEqual(r.conflicts.map(\.field), ["title", "capacity.targetMW"])
        XCTAssertEqual(r.feed.deals[0].capacity?.targetMW, 500)
        XCTAssertEqual(r.feed.deals[0].title, "Ours")
        XCTAssertEqual(MergeConflict.issues(in: r.feed).count, 2)
        XCTAssertEqual(try MergeConflict.all(in: r.feed), r.conflicts)
    }

    func testARemovalAgainstAChangeKeepsTheChangedDealAndAsks() {
        let base = Feed(deals: [self.base])
        var changed = self.base
        changed.title = "Changed"
        let r = FeedMerge.merge(base: base, ours: Feed(deals: []), theirs: Feed(deals: [changed]))
        XCTAssertEqual(r.feed.deals, [changed])
        XCTAssertEqual(r.conflicts.map(\.field), ["deal"])
    }

    func testDealsAddedOnBothSidesAndBothHistoriesAreKept() {
        var a = base
        var b = base
        a.id = "fr-a"
        b.id = "gb-b"
        func history(_ id: String) -> Feed {
            var f = Feed(deals: [])
            History(revisions: [Revision(at: "2026-06-01T10:00:00Z", author: id, id: id, action: "add", changes: [])])
                .store(in: &f)
            return f
        }
        var ours = history("fr-a")
        var theirs = history("gb-b")
        ours.deals = [base, a]
        theirs.deals = [base, b]
        let r = FeedMerge.merge(base: Feed(deals: [base]), ours: ours, theirs: theirs)
        XCTAssertEqual(r.feed.deals.map(\.id), ["fr-a", "gb-b", "kr-a"])
        XCTAssertEqual(try History(of: r.feed).revisions.map(\.id), ["fr-a", "gb-b"])
    }

    /// A base read from a version-1 file merges with a side that added version-2 keys and one
    /// that changed a version-1 field: both kept, the result a version-2 deal.
    func testAVersion1BaseMergesWithVersion2Keys() {
        var baseFeed = Feed(deals: [base])
        baseFeed.version = 1
        var o = base
        o.kind = .build
        o.announcedStated = false
        o.capacity!.approx = [.target]
        o.sources = [Source(title: "Report", url: "https://example.com/a")]
        o.cite = Citations([(.targetMW, [1])])
        o.partners[0] = Partner(name: "NVIDIA", role: .vendor, supplies: "GPUs", to: "NAVER")
        var t = base
        t.capacity!.initialMW = 60
        t.title = "B"
        var theirs = Feed(deals: [t])
        theirs.version = 1
        let r = FeedMerge.merge(base: baseFeed, ours: Feed(deals: [o]), theirs: theirs)
        XCTAssertEqual(r.conflicts, [])
        var expected = o
        expected.capacity!.initialMW = 60
        expected.title = "B"
        XCTAssertEqual(r.feed.deals, [expected])
        XCTAssertEqual(r.feed.versionToWrite, 2)
    }
}
