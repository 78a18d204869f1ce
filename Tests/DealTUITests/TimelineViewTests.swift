import DealKit
import XCTest

@testable import DealTUI

final class TimelineViewTests: XCTestCase {
    /// Deals from 2016 to 2033, as the Epoch store spans: at 80 columns a year has 2 cells.
    private func longSpan() -> Feed {
        Feed(deals: [
            Deal(id: "a", title: "Old", country: "US", announced: PartialDate("2016")!, status: .operational),
            Deal(
                id: "b", title: "Far", country: "KR", announced: PartialDate("2020")!, status: .planned,
                milestones: [Milestone(date: PartialDate("2033")!, event: "first power")]),
        ])
    }

    /// The axis labels: each `┊` and the text after it up to the next space or `┊`.
    private func labels(_ row: String) -> [String] {
        row.split(separator: "┊", omittingEmptySubsequences: false).dropFirst().map {
            String($0.prefix { $0 != " " && $0 != "▼" })
        }
    }

    /// Two lanes whose titles read the same once cut are cut in the middle, so they can be told apart.
    func testLanesThatWouldReadTheSameWhenCutAreToldApart() {
        let feed = Feed(deals: [
            Deal(
                id: "a", title: "OpenAI/Microsoft Mt Pleasant, Wisconsin Phase 1", country: "US",
                announced: PartialDate("2024")!, status: .planned),
            Deal(
                id: "b", title: "OpenAI/Microsoft Mt Pleasant, Wisconsin Phase 2", country: "US",
                announced: PartialDate("2024")!, status: .planned),
            Deal(
                id: "c", title: "Stargate Abilene, a title long enough to be cut", country: "US",
                announced: PartialDate("2025")!, status: .planned),
        ])
        var s = TestFeeds.state(feed, rows: 24, cols: 80)
        AppReducer.reduce(&s, .char("4"))
        let rows = Screen.render(s).text().split(separator: "\n").map(String.init)
        let lanes = rows.filter { $0.hasPrefix("  ") && $0.contains("│") }.map {
            $0.prefix { $0 != "│" }.trimmingCharacters(in: .whitespaces)
        }
        XCTAssertEqual(lanes.count, 3, rows.joined(separator: "\n"))
        XCTAssertEqual(Set(lanes).count, 3, "lanes read the same: \(lanes)")
        XCTAssertTrue(lanes.contains { $0.hasSuffix("Phase 1") && $0.contains("…") }, "\(lanes)")
        // A title that no other resembles is cut at its end, as before.
        XCTAssertTrue(lanes.contains { $0.hasPrefix("Stargate Abilene") && $0.hasSuffix("…") }, "\(lanes)")
    }

    func testYearLabelsAreWholeAtEveryWidth() {
        for cols in [40, 60, 80, 120, 200] {
            var s = TestFeeds.state(longSpan(), rows: 24, cols: cols)
            AppReducer.reduce(&s, .char("4"))
            let axis = Screen.render(s).text().split(separator: "\n", omittingEmptySubsequences: false)[2]
            let shown = labels(String(axis)).filter { !$0.isEmpty }
            XCTAssertGreaterThanOrEqual(shown.count, 2, "at \(cols) columns: \(axis)")
            for l in shown {
                XCTAssertTrue(
                    l.count == 4 && Int(l) != nil || l.count == 3 && l.hasPrefix("'"),
                    "label \(l) at \(cols) columns: \(axis)")
            }
        }
    }

    func testLabelStrideKeepsSixCellsPerLabel() {
        XCTAssertEqual(TimelineView.yearLabelStride(cellsPerYear: 8).years, 1)
        XCTAssertEqual(TimelineView.yearLabelStride(cellsPerYear: 4).twoDigits, true)
        XCTAssertEqual(TimelineView.yearLabelStride(cellsPerYear: 2).years, 5)
        XCTAssertEqual(TimelineView.yearLabelStride(cellsPerYear: 1).years, 10)
    }

    /// At 80 columns too, whole: the legend used to end `┊ y…`.
    func testTheLegendNamesEveryGlyphTheChartDraws() {
        for cols in [80, 200] {
            var s = TestFeeds.state(longSpan(), rows: 24, cols: cols)
            AppReducer.reduce(&s, .char("4"))
            let text = Screen.render(s).text()
            let legend = text.split(separator: "\n", omittingEmptySubsequences: false)[22]
            XCTAssertFalse(legend.contains("…"), legend.description)
            for glyph in ["◆", "═", "●", "━", "○", "!", "┄", "│", "▼", "┊"] {
                XCTAssertTrue(legend.contains(glyph), "\(glyph) is not explained at \(cols): \(legend)")
            }
        }
    }

    /// A planned milestone whose period is over is drawn `!`, in the error colour, not `○`.
    func testAnOverdueMilestoneHasItsOwnGlyph() throws {
        let feed = Feed(deals: [
            Deal(
                id: "a", title: "Late", country: "KR", announced: PartialDate("2025")!, status: .planned,
                milestones: [
                    Milestone(date: PartialDate("2026-01")!, event: "phase 1"),
                    Milestone(date: PartialDate("2027-06")!, event: "phase 2"),
                ])
        ])
        var s = TestFeeds.state(feed, rows: 24, cols: 120)
        AppReducer.reduce(&s, .char("4"))
        let g = Screen.render(s)
        let lane = (0..<g.rows).first { g.line($0).contains("  Late") }!
        let row = g.line(lane)
        XCTAssertEqual(row.filter { $0 == "!" }.count, 1, row)
        XCTAssertEqual(row.filter { $0 == "○" }.count, 1, "the milestone to come stays ○: \(row)")
        let x = (0..<g.cols).first { g[lane, $0].text == "!" }!
        XCTAssertEqual(g[lane, x].style.role, .error)
    }
}
