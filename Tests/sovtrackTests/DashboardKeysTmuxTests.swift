import DealKit
import Foundation
import TestSupport
import XCTest

/// Special keys as terminals really send them, whatever terminfo lists: under tmux with
/// `TERM=xterm-256color`, Home is `ESC [1~`, which curses passed on as `1`, `~`.
final class DashboardKeysTmuxTests: XCTestCase {
    private func launch(cols: Int = 100, rows: Int = 30) throws -> TmuxSession {
        let dir = try TemporaryDirectory.make()
        try FileManager.default.copyItem(
            at: PackageRoot.fixture("deals.json"),
            to: dir.appendingPathComponent("deals.json"))
        let s = try TmuxSession(cols: cols, rows: rows, directory: dir)
        try s.type(
            "TERM=xterm-256color \(SovtrackProcess.binary.path) browse --store deals.json; echo EXIT=$?", enter: true)
        try s.waitFor("5 of 5 deals")
        return s
    }

    /// Sends bytes as the terminal would (hex), e.g. "1b 5b 31 7e" for ESC [1~.
    private func bytes(_ s: TmuxSession, _ hex: String) throws {
        try s.tmux(["send-keys", "-t", "t", "-H"] + hex.split(separator: " ").map(String.init))
    }

    /// The view on screen, read from the first column header.
    private func bodyHeader(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false)[2])
    }

    func testHomeEndDeletePagesAndFunctionKeysInEveryForm() throws {
        let s = try launch()
        defer { s.kill() }
        try s.keys("2", "Down", "Down")
        try s.waitFor("row 3/5")
        for (hex, row) in [
            ("1b 5b 31 7e", "row 1/5"), ("1b 5b 34 7e", "row 5/5"), ("1b 5b 48", "row 1/5"), ("1b 5b 46", "row 5/5"),
            ("1b 4f 48", "row 1/5"), ("1b 4f 46", "row 5/5"), ("1b 5b 37 7e", "row 1/5"), ("1b 5b 38 7e", "row 5/5"),
            ("1b 5b 35 7e", "row 1/5"), ("1b 5b 36 7e", "row 5/5"),
        ] {
            try bytes(s, hex)
            let screen = try s.waitFor(row)
            XCTAssertTrue(bodyHeader(screen).hasPrefix("title"), "still the Deals view after \(hex):\n\(screen)")
        }
        // tmux's own names for the keys.
        try s.keys("Home")
        try s.waitFor("row 1/5")
        try s.keys("End")
        try s.waitFor("row 5/5")
        XCTAssertTrue(bodyHeader(try s.capture()).hasPrefix("title"))
        // An unknown sequence (Insert, then a made-up one) changes nothing and types nothing.
        // F1 (ESC O P) after them opens the help: keys are read in order, so once the help has
        // come and gone they have been read, and the screen must be as it was (no fixed wait).
        let before = try s.capture()
        try bytes(s, "1b 5b 32 7e")
        try bytes(s, "1b 5b 39 39 3b 31 78")
        try bytes(s, "1b 4f 50")
        try s.waitFor("Keys · Esc closes")
        try s.keys("Escape")
        // A screen painted half way may be read once: wait for the whole one (a difference fails).
        try s.waitUntil("the screen as it was before the unknown keys", timeout: 5) { $0 == before }
        // ESC [11~ opens the help too.
        try bytes(s, "1b 5b 31 31 7e")
        try s.waitFor("Keys · Esc closes")
        try s.keys("Escape")
        try s.waitUntil("the help to close") { !$0.contains("Keys · Esc closes") }

        // In the form: Home, End and Delete edit the field; nothing of a sequence is typed.
        try s.keys("a")
        try s.waitFor("Add a deal")
        try s.type("kr-abc")
        try bytes(s, "1b 5b 31 7e")  // Home
        try bytes(s, "1b 5b 33 7e")  // Delete
        try bytes(s, "1b 5b 34 7e")  // End
        try bytes(s, "1b 5b 32 7e")  // Insert: unknown here
        try s.type("d")
        let form = try s.waitFor("r-abcd")
        XCTAssertFalse(form.contains("~"), form)
        XCTAssertFalse(form.contains("kr-abcd"), "Delete removed the first character:\n\(form)")
        try s.keys("Escape")
        try s.waitFor("Discard")
        try s.keys("y")
        try s.waitUntil("the form to close") { !$0.contains("Add a deal") }
        // A lone Esc is still Esc: in the Countries deal table it goes back to the list.
        try s.keys("1", "Enter")
        try s.waitFor("sort deals:")
        try s.keys("Escape")
        try s.waitFor("sort countries:")
        try s.keys("q")
        try s.waitFor("EXIT=0")
    }

    /// At 80 columns the Deals view leaves columns out; → past the last one shown brings each on screen.
    func testEveryColumnIsReachableWithTheArrows() throws {
        let s = try launch(cols: 80, rows: 24)
        defer { s.kill() }
        try s.keys("2")
        let first = try s.waitFor("sort deals:")
        XCTAssertFalse(first.contains("kr-naver-nvidia-dsx-sejong"), "the id column is not shown at first")
        var headers = Set<String>()
        for _ in 0..<DealColumnCount.dealsView {
            let screen = try s.capture()
            let header = screen.split(separator: "\n", omittingEmptySubsequences: false)[2]
            for h in [
                "title", "cc", "announced", "sponsor", "vendors", "partners", "MW", "op MW", "status", "confidence",
                "models", "next milestone", "id",
            ] where header.contains(h) { headers.insert(h) }
            // The cursor's column is drawn in reverse, which only a styled capture shows.
            let before = try s.captureStyled()
            try s.keys("Right")
            try s.styledChange(from: before, within: 0.5)
        }
        XCTAssertEqual(headers.count, 13, "\(headers)")
        try s.waitFor("kr-naver-nvidia-dsx-sejong")
        try s.keys("q")
        try s.waitFor("EXIT=0")
    }
}

extension DashboardKeysTmuxTests {
    /// An xterm SGR mouse report, as xterm-256color's terminfo (kmous=\E[<) has curses expect: ESC [ < button ; column ; row M
    /// (m for a release), columns and rows from 1.
    private func mouse(_ s: TmuxSession, button: Int, y: Int, x: Int, release: Bool = false) throws {
        let text = "\u{1b}[<\(button);\(x + 1);\(y + 1)" + (release ? "m" : "M")
        try s.tmux(["send-keys", "-t", "t", "-H"] + text.utf8.map { String($0, radix: 16) })
    }

    /// The mouse end to end: a click selects a row (and a tab), the wheel scrolls.
    func testClickSelectsAndTheWheelScrolls() throws {
        let s = try launch(cols: 100, rows: 30)
        defer { s.kill() }
        try s.keys("2")
        try s.waitFor("row 1/5")
        // Rows 0-1 are the header and tabs, 2 the column header: row 5 on screen is the third deal.
        try mouse(s, button: 0, y: 5, x: 10)
        try mouse(s, button: 0, y: 5, x: 10, release: true)
        try s.waitFor("row 3/5")
        try mouse(s, button: 64 + 1, y: 6, x: 10)  // wheel down: three rows
        try s.waitFor("row 5/5")
        try mouse(s, button: 64, y: 6, x: 10)  // wheel up
        try s.waitFor("row 2/5")
        // A click on the Vendors tab switches to it.
        let tabs = String(try s.capture().split(separator: "\n")[1])
        let vendorsX = DisplayWidth.of(String(tabs[..<tabs.range(of: "3 Vendors")!.lowerBound]))
        try mouse(s, button: 0, y: 1, x: vendorsX + 2)
        try mouse(s, button: 0, y: 1, x: vendorsX + 2, release: true)
        try s.waitFor("sort vendors:")
        try s.keys("q")
        try s.waitFor("EXIT=0")
    }
}

/// The number of columns the Deals view has (docs/user-guide.md lists them).
private enum DealColumnCount { static let dealsView = 13 }
