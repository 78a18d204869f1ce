import DealKit
import Foundation
import TestSupport
import XCTest

/// The column chooser (`|`) in a real terminal: hide, reorder and reset the Deals view's columns.
final class DashboardColumnsTmuxTests: XCTestCase {
    func testChooseColumnsAt80x24() throws { try chooseColumns(cols: 80, rows: 24) }
    func testChooseColumnsAt200x50() throws { try chooseColumns(cols: 200, rows: 50) }

    /// The Deals view's column header row.
    private func header(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false)[2])
    }

    private func chooseColumns(cols: Int, rows: Int) throws {
        let dir = try TemporaryDirectory.make()
        try FileManager.default.copyItem(
            at: PackageRoot.fixture("deals.json"), to: dir.appendingPathComponent("deals.json"))
        let s = try TmuxSession(cols: cols, rows: rows, directory: dir)
        defer { s.kill() }
        try s.type("\(SovtrackProcess.binary.path) browse --store deals.json; echo EXIT=$?", enter: true)
        try s.waitFor("5 of 5 deals")
        try s.keys("2")
        try s.waitUntil("the Deals view") { self.header($0).hasPrefix("title") && $0.contains("vendors") }
        try s.keys("|")
        try s.waitFor("columns of the Deals view")
        // title, cc, announced, sponsor, vendors: hide the vendors.
        try s.keys("Down", "Down", "Down", "Down", "Space")
        try s.waitFor("[ ] vendors")
        try s.keys("Escape")
        var screen = try s.waitUntil("the chooser to close") { !$0.contains("columns of the Deals view") }
        XCTAssertFalse(header(screen).contains("vendors"), screen)
        XCTAssertTrue(header(screen).hasPrefix("title"), screen)
        // The id column, last, moved to the front.
        try s.keys("|", "End")
        for _ in 0..<12 { try s.keys("[") }
        try s.keys("Escape")
        screen = try s.waitUntil("id first") { self.header($0).hasPrefix("id") }
        XCTAssertFalse(header(screen).contains("vendors"), screen)
        // `r` puts the table's own columns back.
        try s.keys("|", "r", "Escape")
        screen = try s.waitUntil("title first again") { self.header($0).hasPrefix("title") && $0.contains("vendors") }
        try s.keys("q")
        try s.waitFor("EXIT=0")
    }
}
