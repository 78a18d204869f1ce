import DealKit
import Foundation
import TestSupport
import XCTest

/// The real dashboard in tmux on a real database server: the server restarted under an open
/// form, and other users' saves shown at once (LISTEN/NOTIFY) with each user's place kept.
final class DashboardPostgresTmuxTests: XCTestCase {
    private let id = "fr-softbank-sesterce-sovereign-ai-factory"

    /// `count` dashboards on the database, each in a tmux window of its own, started at once
    /// (their start-ups overlap) and each showing the deals.
    private func dashboards(_ db: PostgresTestDatabase, _ count: Int = 1) throws -> [TmuxSession] {
        var env = ["SOVTRACK_AUTHOR=test", "HOME=\(NSTemporaryDirectory())"]
        for (k, v) in db.env { env.append("\(k)=\(v)") }
        let started = try (0..<count).map { _ in
            try TmuxSession(
                cols: 100, rows: 30, command: ["env"] + env + [SovtrackProcess.binary.path, "--store", db.url])
        }
        for tmux in started { try tmux.waitFor("5 of 5 deals", timeout: 30) }
        return started
    }

    private func title(_ db: PostgresTestDatabase) throws -> String {
        try db.sql("SELECT doc::json->>'title' FROM sovtrack_deals WHERE id = '\(id)'")
    }

    func testAServerRestartUnderAnOpenFormIsSaidInTheFooterAndTheFormIsKept() throws {
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        let tmux = try dashboards(db)[0]
        try tmux.keys("2", "e")
        try tmux.waitFor("Edit \(id)")
        try tmux.keys("End")
        try tmux.type(" (mine)")
        try tmux.waitFor("(mine)")

        defer { try? PostgresCluster.up() }
        try PostgresCluster.down()
        try tmux.waitFor("lost the store:", "Edit \(id)", "(mine)")
        let footer = try tmux.capture().split(separator: "\n").filter { $0.contains("lost the store:") }
        XCTAssertEqual(footer.count, 1, "one line")
        // A save while it is down is refused with the reason; the form stays open, with the text typed.
        try tmux.keys("C-s")
        try tmux.waitFor("not saved:", "Edit \(id)", "(mine)")

        try PostgresCluster.up()
        try tmux.waitFor("reconnected to the store", "Edit \(id)", "(mine)", timeout: 20)
        try tmux.keys("C-s")
        try tmux.waitFor("saved · edited \(id)")
        XCTAssertTrue(try title(db).hasSuffix(" (mine)"))
        try tmux.keys("q")
    }

    func testTwoDashboardsAndTheCLISeeEachOthersSavesKeepingTheirPlace() throws {
        let db = try PostgresTestDatabase.make(self)
        XCTAssertEqual(try db.run("db", "load", CLI.fixture.path).status, 0)
        let both = try dashboards(db, 2)
        let (reader, editor) = (both[0], both[1])
        // The reader has the deal open in the detail, two views away from the editor's place.
        try reader.keys("2", "Enter")
        try reader.waitFor("Detail", id)

        try editor.keys("2", "e")
        try editor.waitFor("Edit \(id)")
        try editor.keys("End")
        try editor.type(" · 편집됨")
        try editor.keys("C-s")
        let saved = Date()
        try editor.waitFor("saved · edited \(id)")
        try reader.waitFor("reloaded: 1 deal changed on disk", "· 편집됨", timeout: 10)
        let seenAfter = Date().timeIntervalSince(saved)
        XCTAssertTrue(try reader.capture().contains("Detail"), "the reader's detail stays open on the same deal")
        print("DashboardPostgresTmuxTests: another dashboard's save shown after \(String(format: "%.2f", seenAfter)) s")

        let cli = try db.run("edit", id, "--title", "CLI 제목")
        XCTAssertEqual(cli.status, 0, cli.stderr)
        try reader.waitFor("CLI 제목", "Detail", timeout: 10)
        try editor.waitFor("CLI 제목", timeout: 10)
        try reader.keys("Escape", "q")
        try editor.keys("q")
    }
}
