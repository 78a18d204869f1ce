import DealKit
import XCTest

@testable import DealTUI

final class CellGridTests: XCTestCase {
    func testWideGlyphsTakeTwoCellsWithAContinuation() {
        var g = CellGrid(rows: 1, cols: 10)
        let used = g.put("네이버x", y: 0, x: 0)
        XCTAssertEqual(used, 7)
        XCTAssertEqual(g[0, 0].width, 2)
        XCTAssertTrue(g[0, 1].isContinuation)
        XCTAssertEqual(g[0, 6].text, "x")
        XCTAssertEqual(g.text(), "네이버x\n")
    }

    func testAWideGlyphThatWouldCrossTheLimitBecomesASpace() {
        var g = CellGrid(rows: 1, cols: 10)
        g.put("ab鴻海", y: 0, x: 0, limit: 5)
        XCTAssertEqual(g.line(0), "ab鴻      ")
        XCTAssertEqual(g[0, 4].text, " ")
        XCTAssertFalse(g[0, 4].isContinuation)
    }

    func testOverwritingHalfAWideGlyphClearsTheOtherHalf() {
        var g = CellGrid(rows: 1, cols: 6)
        g.put("鴻海", y: 0, x: 0)
        g.put("x", y: 0, x: 1)
        XCTAssertEqual(g.line(0), " x海  ")
        g.put("y", y: 0, x: 2)
        XCTAssertEqual(g.line(0), " xy   ")
    }

    func testFittedTextIsCutWithAnEllipsisAndNeverSplitsAGlyph() {
        var g = CellGrid(rows: 1, cols: 12)
        g.putFitted("ソフトバンク株式会社", y: 0, x: 0, width: 8)
        XCTAssertEqual(DisplayWidth.of(g.line(0)), 12)
        XCTAssertTrue(g.line(0).hasPrefix("ソフト…"), g.line(0))
        g.putFitted("Élysée", y: 0, x: 0, width: 8, alignRight: true)
        XCTAssertTrue(g.line(0).hasPrefix("  Élysée"), g.line(0))
    }

    func testControlCharactersBecomeVisiblePlaceholders() {
        var g = CellGrid(rows: 1, cols: 40)
        g.put("a\u{1B}]0;pwned\u{07}b\u{202E}c\r\n", y: 0, x: 0)
        let line = g.line(0)
        XCTAssertFalse(
            line.unicodeScalars.contains { $0.value < 0x20 || (0x80...0x9F).contains($0.value) || $0.value == 0x202E })
        XCTAssertTrue(line.hasPrefix("a␛]0;pwned␇b�c␍␤"), line)
    }

    func testTextWrapBreaksAtSpacesAndInsideLongWordsByColumns() {
        XCTAssertEqual(TextWrap.wrap("one two three", width: 7), ["one two", "three"])
        XCTAssertEqual(TextWrap.wrap("네이버네이버", width: 5), ["네이", "버네", "이버"])
        XCTAssertEqual(TextWrap.wrap("a\nb", width: 5), ["a", "b"])
    }

    func testBarsUseEighthsAndShadeTheAmbitionBeyondCommitted() {
        let b = Bar.text(solid: 50, value: 100, maximum: 100, width: 4)
        XCTAssertEqual(b.solid, "██")
        XCTAssertEqual(b.shade, "░░")
        XCTAssertEqual(Bar.text(solid: 1, value: 1, maximum: 8, width: 1).solid, "▏")
        XCTAssertEqual(Bar.text(solid: nil, value: nil, maximum: 10, width: 5).shade, "")
    }

    func testColumnsDropByPriorityAndWholeColumnsAreNeverCut() {
        let natural: (DealColumn) -> Int = { $0 == .title ? 60 : $0 == .mw ? 11 : 9 }
        let narrow = TableFit.fit(DealColumn.dealsView, width: 40, natural: natural)
        XCTAssertEqual(narrow.first?.column, .title)
        XCTAssertTrue(narrow.contains { $0.column == .mw && $0.width >= 11 })
        XCTAssertLessThanOrEqual((narrow.last.map { $0.x + $0.width }) ?? 0, 40)
        let wide = TableFit.fit(DealColumn.dealsView, width: 300, natural: natural)
        XCTAssertEqual(wide.map(\.column), DealColumn.dealsView)
    }
}
