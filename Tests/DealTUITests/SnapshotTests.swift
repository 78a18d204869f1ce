import DealKit
import XCTest

@testable import DealTUI

/// Every view at 80x24 and 160x48 on the bundled dataset, plus wide names and hostile strings.
final class SnapshotTests: XCTestCase {
    private func render(_ feed: Feed, rows: Int, cols: Int, _ events: [InputEvent]) -> CellGrid {
        var s = TestFeeds.state(feed, rows: rows, cols: cols)
        for e in events { AppReducer.reduce(&s, e) }
        return Screen.render(s)
    }

    /// The key sequences that bring up each screen.
    private let screens: [(String, [InputEvent])] = [
        ("countries", []),
        ("countries-table", [.enter, .down]),
        ("deals", [.char("2")]),
        ("vendors", [.char("3")]),
        ("timeline", [.char("4"), .down]),
        ("detail", [.char("2"), .down, .down, .enter]),
        ("help", [.char("?")]),
        ("picker", [.char("c"), .char(" ")]),
        ("search", [.char("2"), .char("/"), .char("n"), .char("a"), .char("v")]),
    ]

    func testBundledDataset80x24() throws {
        let feed = try TestFeeds.bundled()
        for (name, events) in screens {
            assertSnapshot(render(feed, rows: 24, cols: 80, events), named: "bundled-80x24-\(name)")
        }
    }

    func testBundledDataset160x48() throws {
        let feed = try TestFeeds.bundled()
        for (name, events) in screens {
            assertSnapshot(render(feed, rows: 48, cols: 160, events), named: "bundled-160x48-\(name)")
        }
    }

    func testKoreanJapaneseArabicNamesLineUp() throws {
        let feed = try TestFeeds.wide()
        for (name, events) in screens where name != "search" {
            for (rows, cols) in [(24, 80), (48, 160)] {
                let g = render(feed, rows: rows, cols: cols, events)
                assertSnapshot(g, named: "wide-\(cols)x\(rows)-\(name)")
                // Every line fills exactly the terminal's width: nothing shifts a column.
                for y in 0..<g.rows { XCTAssertEqual(DisplayWidth.of(g.line(y)), cols, "\(name) line \(y)") }
            }
        }
    }

    func testHostileStringsAreShownAsPlaceholders() throws {
        let feed = try TestFeeds.hostile()
        for (name, events) in screens where name != "search" && name != "picker" {
            let g = render(feed, rows: 24, cols: 80, events)
            assertSnapshot(g, named: "hostile-80x24-\(name)")
            for c in g.cells {
                XCTAssertFalse(
                    c.text.unicodeScalars.contains {
                        $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
                            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
                    }, "\(name): \(c.text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    func testMonochromeSelectionIsReverseVideo() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        AppReducer.reduce(&s, .char("2"))
        AppReducer.reduce(&s, .down)
        let g = Screen.render(s)
        // Row 4 is the second deal: every cell reversed, the rows around it not.
        XCTAssertTrue((0..<80).allSatisfy { g[4, $0].style.reverse })
        XCTAssertFalse((0..<80).contains { g[3, $0].style.reverse || g[5, $0].style.reverse })
    }

    func testTooSmall() throws {
        assertSnapshot(render(try TestFeeds.bundled(), rows: 9, cols: 60, []), named: "bundled-60x9-too-small")
        assertSnapshot(render(try TestFeeds.bundled(), rows: 10, cols: 40, []), named: "bundled-40x10-countries")
        assertSnapshot(render(try TestFeeds.bundled(), rows: 10, cols: 40, [.char("2")]), named: "bundled-40x10-deals")
    }

    /// A snapshot holds the styles: a colour or attribute that changes alone changes it.
    func testAStyleChangeAloneChangesTheSnapshot() throws {
        let grid = Screen.render(TestFeeds.state(try TestFeeds.bundled()))
        var colour = grid
        var attribute = grid
        colour.restyle(y: 3, x: 0, width: 5) { $0.role = .error }
        attribute.restyle(y: 3, x: 0, width: 5) { $0.underline.toggle() }
        for changed in [colour, attribute] {
            XCTAssertEqual(changed.text(), grid.text())
            XCTAssertNotEqual(snapshot(changed), snapshot(grid))
        }
        XCTAssertTrue(snapshot(grid).hasPrefix(grid.text() + "styles:\n"))
    }
}
