import DealKit
import XCTest

@testable import DealTUI

/// The Countries and Vendors lists explain their figures: a totals row, the bar's legend and scale, the help's meanings.
final class ListTotalsTests: XCTestCase {
    private func screen(_ s: AppState) -> [String] {
        Screen.render(s).text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func testCountriesAndVendorsEndWithATotalsRow() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 240)
        let total = try XCTUnwrap(screen(s).first { $0.hasPrefix("Σ") }, screen(s).joined(separator: "\n"))
        XCTAssertTrue(total.contains("total, 5 countries"), total)
        XCTAssertTrue(total.contains("     5  "), "every deal once: \(total)")
        AppReducer.reduce(&s, .char("3"))
        let vendors = try XCTUnwrap(screen(s).first { $0.hasPrefix("Σ total") })
        XCTAssertTrue(vendors.contains("3 vendors") && vendors.contains("100%"), vendors)
        // The totals row is not a row the cursor reaches.
        AppReducer.reduce(&s, .end)
        XCTAssertEqual(s.selectedVendor?.key, s.vendorRows.last?.key)
    }

    /// A total that adds an approximate figure is approximate too, as in `summary`.
    func testATotalOfAnApproximateFigureIsMarked() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), rows: 30, cols: 160)
        let countries = try XCTUnwrap(screen(s).first { $0.hasPrefix("Σ") }, screen(s).joined(separator: "\n"))
        XCTAssertTrue(countries.contains("≈2,000"), countries)
        AppReducer.reduce(&s, .char("3"))
        let vendors = try XCTUnwrap(screen(s).first { $0.hasPrefix("Σ total") })
        XCTAssertTrue(vendors.contains("≈2,000"), vendors)
    }

    func testLogScaleTogglesAndTheHeaderSaysSo() throws {
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 240)
        XCTAssertTrue(screen(s)[2].contains("MW █ committed ░ ambition"), screen(s)[2])
        XCTAssertFalse(screen(s)[2].contains("(log)"))
        AppReducer.reduce(&s, .char("L"))
        XCTAssertTrue(s.logScale)
        XCTAssertTrue(screen(s)[2].contains("(log)"), screen(s)[2])
        AppReducer.reduce(&s, .char("L"))
        XCTAssertFalse(s.logScale)
    }

    func testALogBarShowsAHundredthOfTheLargest() {
        let linear = Bar.text(solid: 10, value: 10, maximum: 10_000, width: 40)
        let log = Bar.text(solid: 10, value: 10, maximum: 10_000, width: 40, log: true)
        XCTAssertEqual(linear.solid, "▏")
        XCTAssertGreaterThan(log.solid.count, 8, log.solid)
    }

    func testTheHelpExplainsTheFiguresAndGJumps() throws {
        let help = KeyHelp.lines.map { "\($0.keys) \($0.action)" }
        for term in ["committed", "ambition", "op MW", "55 → 1,000", "█ ░"] {
            XCTAssertTrue(help.contains { $0.hasPrefix(term) }, term)
        }
        var s = TestFeeds.state(try TestFeeds.bundled(), rows: 24, cols: 80)
        AppReducer.reduce(&s, .char("?"))
        AppReducer.reduce(&s, .char("G"))
        guard case .help(let bottom) = s.overlay else { return XCTFail("no help") }
        XCTAssertGreaterThan(bottom, 0)
        AppReducer.reduce(&s, .char("g"))
        XCTAssertEqual(s.overlay, .help(scroll: 0))
    }

    func testHelpLinesCutOnASmallScreenEndWithAnEllipsis() throws {
        var s = TestFeeds.state(try TestFeeds.bundled(), rows: 10, cols: 40)
        AppReducer.reduce(&s, .char("?"))
        let lines = screen(s).filter { $0.contains("│") }
        XCTAssertTrue(lines.contains { $0.contains("…") }, lines.joined(separator: "\n"))
    }
}

final class SmallScreenTests: XCTestCase {
    func testTheEnlargeNoteIsWrappedWholeOnANarrowTerminal() throws {
        let s = TestFeeds.state(try TestFeeds.bundled(), rows: 8, cols: 20)
        let text = Screen.render(s).text().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        XCTAssertTrue(text.contains("enlarge the terminal") && text.contains("now 20x8)"), text)
        let tiny = TestFeeds.state(try TestFeeds.bundled(), rows: 2, cols: 12)
        XCTAssertTrue(Screen.render(tiny).line(1).contains("…"), Screen.render(tiny).text())
    }
}
