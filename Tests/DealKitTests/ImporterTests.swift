import XCTest

@testable import DealKit

final class ImporterTests: XCTestCase {
    private func deal(_ id: String, _ title: String = "T") -> Deal {
        Deal(id: id, title: title, country: "KR", announced: PartialDate("2026")!, sources: [Source(title: "s")])
    }

    func testAddedUpdatedUnchanged() {
        var feed = Feed(deals: [deal("a"), deal("b"), deal("c")])
        let report = Importer.merge([deal("b", "changed"), deal("c"), deal("d"), deal("e")], into: &feed)
        XCTAssertEqual(report.added, ["d", "e"])
        XCTAssertEqual(report.updated, ["b"])
        XCTAssertEqual(report.unchanged, ["c"])
        XCTAssertEqual(report.conflicts, [])
        XCTAssertEqual(
            feed.deals.map(\.id), ["a", "b", "c", "d", "e"], "updates in place, new ones appended in file order")
        XCTAssertEqual(feed.deals[1].title, "changed")
    }

    func testSameIdTwiceDifferentlyIsAConflictAndNotApplied() {
        var feed = Feed(deals: [deal("a")])
        let report = Importer.merge(
            [deal("a", "one"), deal("x", "first"), deal("a", "two"), deal("x", "second"), deal("y")], into: &feed)
        XCTAssertEqual(report.conflicts, ["a", "x"])
        XCTAssertEqual(report.added, ["y"])
        XCTAssertEqual(report.updated, [])
        XCTAssertEqual(feed.deals.map(\.id), ["a", "y"])
        XCTAssertEqual(feed.deals[0].title, "T", "the stored deal is left as it was")
    }

    func testSameIdTwiceIdenticallyIsApplied() {
        var feed = Feed()
        let report = Importer.merge([deal("a", "same"), deal("a", "same")], into: &feed)
        XCTAssertEqual(report.added, ["a"])
        XCTAssertEqual(report.conflicts, [])
        XCTAssertEqual(feed.deals.count, 1)
    }

    func testMakeReceivesTheStoredDeal() {
        var feed = Feed(deals: [deal("a", "old")])
        var seen: [String?] = []
        let report = Importer.merge(
            [
                (
                    id: "a",
                    make: { (base: Deal?) -> Deal in
                        seen.append(base?.title)
                        var d = base!
                        d.title = "new"
                        return d
                    }
                ),
                (
                    id: "b",
                    make: { (base: Deal?) -> Deal in
                        seen.append(base?.title)
                        return self.deal("b")
                    }
                ),
            ], into: &feed)
        XCTAssertEqual(seen, ["old", nil])
        XCTAssertEqual(report.updated, ["a"])
        XCTAssertEqual(report.added, ["b"])
    }

    func testEmptyImport() {
        var feed = Feed(deals: [deal("a")])
        let report = Importer.merge([Deal](), into: &feed)
        XCTAssertEqual(report, ImportReport())
        XCTAssertEqual(report.description, "added 0, updated 0, unchanged 0, conflicting 0")
    }

    func testReportDescription() {
        var r = ImportReport()
        r.added = ["a", "b"]
        r.updated = ["c"]
        r.unchanged = ["d"]
        r.conflicts = ["e"]
        XCTAssertEqual(
            r.description,
            """
            added 2, updated 1, unchanged 1, conflicting 1
              added: a, b
              updated: c
              conflicting (same id twice with different contents; not applied): e
            """)
        var many = ImportReport()
        many.added = (1...25).map { "d\($0)" }
        XCTAssertTrue(many.description.hasSuffix("d20, … (5 more)"), many.description)
    }

    func testImportingAFeedFromCSVRows() throws {
        var feed = Feed(deals: [deal("a", "old")])
        let rows = try DealCSV.read(
            Array("id,title,country,announced\na,new,KR,2026\nb,B,FR,2027\na,newer,KR,2026\n".utf8))
        let report = Importer.merge(
            rows.map { row in (id: row.values["id"]!, make: { DealCSV.apply(row, to: $0).deal }) }, into: &feed)
        XCTAssertEqual(report.conflicts, ["a"])
        XCTAssertEqual(report.added, ["b"])
        XCTAssertEqual(feed.deals.first?.title, "old")
    }
}
