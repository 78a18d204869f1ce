import DealKit
import XCTest

@testable import DealTUI

/// The form and editing's questions at 80x24 and 160x48, drawn from key sequences on the bundled dataset.
final class EditSnapshotTests: XCTestCase {
    private func keys(_ text: String) -> [InputEvent] { text.map { .char($0) } }

    /// The key sequences that bring up each editing screen.
    private var screens: [(String, [InputEvent])] {
        [
            ("form-add-empty", [.char("a")]),
            (
                "form-add-hangul",
                [.char("a")] + keys("kr-naver-sovereign") + [.tab] + keys("네이버 소버린 AI 데이터센터")
                    + [.tab] + keys("Kor") + [.tab] + keys("2026-13") + [.tab, .control("n"), .tab, .tab]
                    + keys("NVIDIA:vendr")
            ),
            ("form-edit", [.char("2"), .down, .char("e"), .tab, .tab, .tab, .tab]),
            ("form-milestone", [.char("2"), .char("m")] + keys("2027-H1:1단계 가동")),
            ("form-scrolled-to-notes", [.char("2"), .char("e"), .pageDown, .pageDown, .pageDown] + keys("메모 ✓")),
            ("confirm-delete", [.char("2"), .down, .char("d")]),
            ("discard-question", [.char("a"), .char("x"), .escape]),
        ]
    }

    private func render(_ rows: Int, _ cols: Int, _ events: [InputEvent]) throws -> CellGrid {
        var s = TestFeeds.state(try TestFeeds.bundled(), rows: rows, cols: cols)
        for e in events { AppReducer.reduce(&s, e) }
        return Screen.render(s)
    }

    func testEditingScreens80x24And160x48() throws {
        for (rows, cols) in [(24, 80), (48, 160)] {
            for (name, events) in screens {
                let g = try render(rows, cols, events)
                assertSnapshot(g, named: "edit-\(cols)x\(rows)-\(name)")
                for y in 0..<g.rows { XCTAssertEqual(DisplayWidth.of(g.line(y)), cols, "\(name) line \(y)") }
            }
        }
    }

    func testTheChangedOnDiskQuestion() throws {
        for (rows, cols) in [(24, 80), (48, 160)] {
            var s = TestFeeds.state(try TestFeeds.bundled(), rows: rows, cols: cols)
            for e in [InputEvent.char("2"), .char("e"), .char("!")] { AppReducer.reduce(&s, e) }
            var feed = try TestFeeds.bundled()
            feed.deals[feed.index(of: s.editing.form!.original!.id)!].title = "Their newer title"
            EditReducer.store(&s, .reloaded(feed, changed: 1))
            assertSnapshot(Screen.render(s), named: "edit-\(cols)x\(rows)-changed-on-disk")
        }
    }

    func testTheCursorIsDrawnByDisplayWidth() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        for e in [InputEvent.char("a")] + keys("x") + [.tab] + keys("네이버") + [.left] { AppReducer.reduce(&s, e) }
        let g = Screen.render(s)
        let y = 2 + 1 + 1
        let x = 2 + FormView.labelWidth + 2
        XCTAssertEqual(g[y, x].text, "네")
        XCTAssertFalse(g[y, x].style.reverse)
        XCTAssertEqual(g[y, x + 4].text, "버")
        XCTAssertTrue(g[y, x + 4].style.reverse, "the cursor sits on 버, four columns in")
    }
}
