import DealKit
import Foundation
import TestSupport
import XCTest

/// The real binary in a real terminal (tmux): keys in, screens out, and the terminal given back after.
final class DashboardTmuxTests: XCTestCase {
    /// A temporary directory holding a copy of a fixture as `deals.json`.
    private func store(_ fixture: String = "deals.json") throws -> URL {
        let dir = try TemporaryDirectory.make()
        try FileManager.default.copyItem(
            at: PackageRoot.fixture("\(fixture)"),
            to: dir.appendingPathComponent("deals.json"))
        return dir
    }

    /// Starts the dashboard from the shell and waits for its first frame.
    private func launch(
        _ fixture: String = "deals.json", cols: Int = 100, rows: Int = 30, args: String = "",
        env: String = ""
    ) throws -> (TmuxSession, URL) {
        let dir = try store(fixture)
        let session = try TmuxSession(cols: cols, rows: rows, directory: dir)
        try session.type(
            "\(env)\(SovtrackProcess.binary.path) browse --store deals.json \(args); echo EXIT=$?", enter: true)
        return (session, dir)
    }

    /// After the dashboard ends: the shell's prompt is back below the command, and no dashboard row is left.
    private func assertBackToShell(
        _ session: TmuxSession, exit code: Int = 0, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let screen = try session.waitUntil("the shell prompt", file: file, line: line) {
            $0.contains("EXIT=\(code)") && $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("READY$")
        }
        XCTAssertFalse(screen.contains("1 Countries"), "dashboard left on screen:\n\(screen)", file: file, line: line)
        XCTAssertFalse(screen.contains("sovtrack │"), "dashboard left on screen:\n\(screen)", file: file, line: line)
        // Echo is back: typed text appears at the prompt.
        try session.type("echo back")
        try session.waitFor("READY$ echo back", file: file, line: line)
    }

    func testBrowseMoveSearchFilterDetailExportResizeQuit() throws {
        let (s, dir) = try launch()
        defer { s.kill() }
        let title = try s.title()
        try s.waitFor("South Korea")
        try s.waitFor("5 of 5 deals")

        // Move: Deals view, down two rows, open the third deal, close it.
        try s.keys("2", "Down", "Down", "Enter")
        try s.waitFor("kr-naver-nvidia-dsx-sejong")
        try s.waitFor("HyperCLOVA X")
        try s.keys("Escape")
        try s.waitUntil("the deals table") { $0.contains("title") && !$0.contains("Partners") }

        // Search as you type narrows the list.
        try s.keys("/")
        try s.type("hynix")
        try s.waitFor("1 of 5 deals")
        try s.keys("Enter", "F")
        try s.waitFor("5 of 5 deals")

        // Filter by vendor from the Vendors view.
        try s.keys("3")
        try s.waitFor("NVIDIA")
        try s.keys("f")
        try s.waitFor("filter: vendor NVIDIA")

        // Export the Deals view as JSON: the file exists and is a valid feed.
        try s.keys("2", "x")
        try s.waitFor("Export the Deals view as")
        try s.keys("j")
        let screen = try s.waitFor("exported 5 deals to")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
            $0.hasPrefix("sovtrack-deals-") && $0.hasSuffix(".json")
        }
        XCTAssertEqual(files.count, 1, screen)
        if let f = files.first {
            let r = FeedDecoder.decode(try FileSystem.read(dir.appendingPathComponent(f).path))
            XCTAssertFalse(r.hasErrors)
            XCTAssertEqual(r.feed.deals.count, 5)
        }

        // Resize: the dashboard redraws at the new size, and a tiny window gets a note.
        try s.resize(cols: 60, rows: 15)
        try s.waitUntil("a 60-column frame") { screen in
            screen.contains("5 of 5 deals") && screen.split(separator: "\n").allSatisfy { $0.count <= 60 }
        }
        try s.resize(cols: 30, rows: 8)
        try s.waitFor("enlarge the terminal")
        try s.resize(cols: 120, rows: 35)
        try s.waitFor("4 Timeline")

        try s.keys("q")
        try assertBackToShell(s)
        XCTAssertEqual(try s.title(), title, "the window title changed")
    }

    func testEscAfterDrillingFromVendorsIntoDealsGoesBackToVendors() throws {
        let (s, _) = try launch(cols: 80, rows: 24)
        defer { s.kill() }
        try s.waitFor("South Korea")
        try s.keys("3")
        try s.waitFor("sort vendors:")
        try s.keys("Enter")
        try s.waitUntil("the vendor's deals") { $0.contains("sort deals:") && $0.contains("filter: vendor NVIDIA") }
        try s.keys("Escape")
        try s.waitUntil("the Vendors view again") { $0.contains("sort vendors:") && $0.contains("no filter") }
        try s.keys("q")
        try assertBackToShell(s)
    }

    func testCtrlCRestoresTheTerminal() throws {
        let (s, _) = try launch(cols: 80, rows: 24)
        defer { s.kill() }
        try s.waitFor("South Korea")
        try s.keys("C-c")
        try assertBackToShell(s)
    }

    func testSIGTERMRestoresTheTerminal() throws {
        let (s, _) = try launch(cols: 80, rows: 24)
        defer { s.kill() }
        try s.waitFor("South Korea")
        let shell = try s.shellPID()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        p.arguments = ["-TERM", "-P", "\(shell)", "sovtrack"]
        try p.run()
        p.waitUntilExit()
        try assertBackToShell(s)
    }

    func testHostileFeedCannotRetitleOrClearTheScreen() throws {
        let (s, _) = try launch("tui-hostile.json", cols: 100, rows: 30)
        defer { s.kill() }
        let title = try s.title()
        try s.waitFor("Retitle ␛]0;pwned␇ attempt")
        try s.keys("2", "Enter")
        try s.waitFor("Clear Screen Ltd")
        // The rows around the hostile ones are still where they belong.
        let screen = try s.capture()
        XCTAssertTrue(screen.contains("sovtrack"), screen)
        XCTAssertFalse(try s.title().contains("pwned"))
        try s.keys("Escape", "q")
        try assertBackToShell(s)
        XCTAssertEqual(try s.title(), title)
    }

    func testWideNamesLineUp() throws {
        let (s, _) = try launch("tui-wide-names.json", cols: 120, rows: 30)
        defer { s.kill() }
        try s.keys("2")
        // The status column starts at the same place on every row, whatever script the title is in.
        // Data rows only: the header and tab rows come first, and the column header names "announced" too.
        func dataRows(_ screen: String) -> [Substring] {
            screen.split(separator: "\n").dropFirst(3).filter { row in
                ["planned", "announced", "cancelled", "operational", "under-construction"].contains {
                    row.hasSuffix($0)
                }
            }
        }
        // All five rows, not the first look at "ソフトバンク": a frame caught half drawn has fewer.
        let screen = try s.waitUntil("the five deals") { $0.contains("ソフトバンク") && dataRows($0).count == 5 }
        let rows = dataRows(screen)
        let starts = Set(
            rows.compactMap { row -> Int? in
                for status in ["planned", "announced", "cancelled", "operational", "under-construction"] {
                    if let r = row.range(of: status) { return displayColumns(String(row[..<r.lowerBound])) }
                }
                return nil
            })
        XCTAssertEqual(rows.count, 5, screen)
        XCTAssertEqual(starts.count, 1, screen)
        try s.keys("q")
        try assertBackToShell(s)
    }

    func testUnknownTermGivesOneLineAndExit69() throws {
        let (s, _) = try launch(cols: 100, rows: 20, env: "TERM=no-such-terminal ")
        defer { s.kill() }
        let screen = try s.waitFor("EXIT=69")
        XCTAssertTrue(screen.contains("sovtrack: unknown terminal type \"no-such-terminal\""), screen)
    }

    /// Columns a captured line occupies (wide glyphs 2), with DealKit's table.
    private func displayColumns(_ s: String) -> Int { DisplayWidth.of(s) }
}
