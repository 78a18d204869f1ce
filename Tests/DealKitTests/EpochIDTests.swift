import XCTest

@testable import DealKit

/// Ids of Epoch rows, worked out by names and compared exactly only where hashes of names meet.
final class EpochIDTests: XCTestCase {
    private let header = EpochHeader(["Name", "Country", "Status", "Power Capacity (MW)"])
    private func row(_ n: Int, _ name: String, _ power: String = "1") -> EpochRow {
        EpochRow(line: n, fields: [name, "China", "Existing", power], header: header)
    }

    func testARowWhoseNameIsAnotherRowsHashedIdIsNumbered() {
        // Two names with one slug are told apart by a hash of the name; a third row whose own
        // name gives exactly one of those ids must not share it, though its base id is unique.
        let hashed = "epoch-foo-bar-" + EpochID.hash("Foo Bar")
        let rows = [row(2, "Foo Bar"), row(3, "foo-bar"), row(4, "foo bar " + EpochID.hash("Foo Bar"))]
        XCTAssertEqual(EpochID.base(rows[2][EpochColumn.name]), hashed)
        let ids = EpochID.assign(rows)
        XCTAssertEqual(ids[0], hashed)
        XCTAssertEqual(ids[1], "epoch-foo-bar-" + EpochID.hash("foo-bar"))
        XCTAssertEqual(ids[2], hashed + "-2", "ordered by content: \"Foo Bar\" sorts before \"foo bar …\"")
        // Seen from the other end of the file, the same ids.
        XCTAssertEqual(Array(EpochID.assign(Array(rows.reversed())).reversed()), ids)
    }

    func testRowsWithUniqueNamesKeepNothingButTheirNames() {
        let rows = (0..<1000).map { row($0 + 2, "Cluster \($0)") }
        let a = EpochID.assign(
            names: { visit in for (i, r) in rows.enumerated() { visit(i, r[EpochColumn.name]) } },
            row: { _ in
                XCTFail("no row is read again when no two names meet")
                return rows[0]
            })
        XCTAssertTrue(a.sharedBases.isEmpty)
        XCTAssertTrue(a.sharedNames.isEmpty)
        XCTAssertEqual(a.id(at: 7, name: "Cluster 7"), "epoch-cluster-7")
        XCTAssertNil(a.id(at: 7, name: nil))
    }

    func testSharedNamesAndBasesAreExact() {
        let rows = [
            row(2, "Anonymized Chinese System", "1"), row(3, "Anonymized Chinese System", "2"), row(4, "Foo Bar"),
            row(5, "foo-bar"), row(6, "Unique"),
        ]
        var read = Set<Int>()
        let a = EpochID.assign(
            names: { visit in for (i, r) in rows.enumerated() { visit(i, r[EpochColumn.name]) } },
            row: { i in
                read.insert(i)
                return rows[i]
            })
        XCTAssertEqual(a.sharedNames, ["Anonymized Chinese System"])
        XCTAssertEqual(a.sharedBases, ["epoch-anonymized-chinese-system", "epoch-foo-bar"])
        XCTAssertEqual(read, [0, 1], "only rows that share a name are read for their facts")
        XCTAssertEqual(a.id(at: 4, name: "Unique"), "epoch-unique")
    }
}
