import DealKit
import XCTest

@testable import DealTUI

final class TableFitTests: XCTestCase {
    private func natural(_ c: DealColumn) -> Int { c == .title ? 90 : c == .id ? 60 : 20 }

    func testTheFocusAndSortedColumnsAreAlwaysPlaced() {
        let narrow = TableFit.fit(DealColumn.dealsView, width: 80, natural: natural).map(\.column)
        XCTAssertFalse(narrow.contains(.id))
        let focused = TableFit.fit(DealColumn.dealsView, width: 80, sortedBy: .models, focus: .id, natural: natural)
            .map(\.column)
        XCTAssertTrue(focused.contains(.id), "\(focused)")
        XCTAssertTrue(focused.contains(.models), "\(focused)")
        XCTAssertEqual(focused.first, .title)
    }

    func testTitleAndIDGrowWithTheTerminal() {
        let wide = TableFit.fit(DealColumn.dealsView, width: 400, natural: natural)
        XCTAssertEqual(wide.first { $0.column == .title }?.width, 90, "not cut at 52 when there is room")
        XCTAssertEqual(wide.first { $0.column == .id }?.width, 60)
        let mid = TableFit.fit(DealColumn.dealsView, width: 200, natural: natural)
        XCTAssertLessThanOrEqual(mid.last.map { $0.x + $0.width } ?? 0, 200)
    }

    func testTitlesThatReadTheSameCutAreCutInTheMiddle() {
        let a = "OpenAI Stargate Abilene Oracle OCI Supercluster phase 1"
        let b = "OpenAI Stargate Abilene Oracle OCI Supercluster phase 2"
        let ca = DealTable.middleCut(a, to: 30)
        let cb = DealTable.middleCut(b, to: 30)
        XCTAssertNotEqual(ca, cb)
        XCTAssertEqual(DisplayWidth.of(ca), 30)
        XCTAssertTrue(ca.hasPrefix("OpenAI Stargate") && ca.hasSuffix("phase 1") && ca.contains("…"), ca)
        XCTAssertEqual(DealTable.middleCut("short", to: 30), "short")
    }

    func testRowsThatWouldReadTheSameOnScreenAreToldApart() {
        func deal(_ id: String, _ title: String) -> Deal {
            Deal(id: id, title: title, country: "US", announced: PartialDate("2026")!, status: .planned)
        }
        let feed = Feed(deals: [
            deal("us-a", "OpenAI Stargate Abilene Oracle OCI Supercluster phase 1"),
            deal("us-b", "OpenAI Stargate Abilene Oracle OCI Supercluster phase 2"),
            deal("us-c", "OpenAI Stargate Abilene Oracle OCI Supercluster phase 3"),
        ])
        var s = TestFeeds.state(feed, rows: 24, cols: 80)
        AppReducer.reduce(&s, .char("2"))
        let lines = Screen.render(s).text().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("OpenAI") }.count, 3)
        for n in 1...3 {
            XCTAssertTrue(
                lines.contains { $0.hasPrefix("OpenAI") && $0.contains("phase \(n)") }, lines.joined(separator: "\n"))
        }
    }
}
