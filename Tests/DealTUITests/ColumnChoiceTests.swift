import XCTest

@testable import DealTUI

/// A deal table's chosen columns: shown in order, hidden ones kept in place, the last one kept.
final class ColumnChoiceTests: XCTestCase {
    func testHideMoveAndReset() {
        var c = ColumnChoice([.title, .country, .mw, .id])
        c.toggle(.country)
        XCTAssertEqual(c.shown, [.title, .mw, .id])
        c.move(.id, by: -2)
        XCTAssertEqual(c.order, [.title, .id, .country, .mw])
        XCTAssertEqual(c.shown, [.title, .id, .mw])
        c.toggle(.country)
        XCTAssertEqual(c.shown, [.title, .id, .country, .mw], "a hidden column comes back where it was left")
        c.move(.title, by: -5)
        XCTAssertEqual(c.order.first, .title, "moves stop at the ends")
        c.move(.title, by: 9)
        XCTAssertEqual(c.order.last, .title)
        c.reset()
        XCTAssertEqual(c, ColumnChoice([.title, .country, .mw, .id]))
    }

    func testTheLastShownColumnStays() {
        var c = ColumnChoice([.title, .mw])
        c.toggle(.title)
        c.toggle(.mw)
        XCTAssertEqual(c.shown, [.mw])
    }

    /// Reordered, the columns first in the chosen order are the last to go on a narrow terminal.
    func testAReorderedTableKeepsItsFirstColumnsLongest() {
        var c = ColumnChoice(DealColumn.dealsView)
        let natural: (DealColumn) -> Int = { $0.widths.max }
        let before = TableFit.fit(c.shown, width: 80, priority: c.priority, natural: natural).map(\.column)
        XCTAssertFalse(before.contains(.id))
        c.move(.id, by: -20)
        let after = TableFit.fit(c.shown, width: 80, priority: c.priority, natural: natural).map(\.column)
        XCTAssertEqual(after.first, .id, "\(after)")
    }
}
