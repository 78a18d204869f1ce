import DealKit
import Foundation
import TestSupport
import XCTest

/// A store a merge left conflicted, settled in the real dashboard in tmux: the detail lists the
/// conflicts, `>` takes theirs, `<` ours, `u` reopens; each checked on screen and in the file.
final class DashboardConflictTmuxTests: XCTestCase {
    private let id = "kr-naver-nvidia-dsx-sejong"

    func testConflictsAreSettledInTheDetailWithOursOrTheirs() throws {
        let store = try SovtrackProcess.bundledStore()
        let dir = store.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two people changed the same target and the same status two ways.
        let base = dir.appendingPathComponent("base.json")
        let theirs = dir.appendingPathComponent("theirs.json")
        try FileManager.default.copyItem(at: store, to: base)
        try FileManager.default.copyItem(at: store, to: theirs)
        for (file, mw, status) in [(store, "700", "planned"), (theirs, "500", "cancelled")] {
            let r = try CLI.run(
                "edit", id, "--target-mw", mw, "--status", status, "--store", file.path, env: ["SOVTRACK_AUTHOR": "x"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let merge = try CLI.run("merge", base.path, store.path, theirs.path)
        XCTAssertEqual(merge.status, 1, "conflicted: \(merge.stderr)")
        XCTAssertEqual(try MergeConflict.all(in: Store.load(path: store.path).feed).count, 2)

        let tmux = try TmuxSession(
            cols: 100, rows: 30,
            command: ["env", "SOVTRACK_AUTHOR=carol", SovtrackProcess.binary.path, "--store", store.path])
        try tmux.waitFor("2 merge conflicts to settle")
        try tmux.keys("2", "/")
        try tmux.type("GAK Sejong")
        try tmux.keys("Enter", "Enter")
        // In the order the merge found them: the deal's keys in the feed's order.
        try tmux.waitFor(
            "Merge conflicts", "▶ status: ours planned · theirs cancelled", "capacity.targetMW: ours 700 · theirs 500")
        try tmux.keys(">")
        try tmux.waitFor("saved · took theirs for \(id) status", "▶ capacity.targetMW: ours 700 · theirs 500")
        var feed = try Store.load(path: store.path).feed
        XCTAssertEqual(feed.deals[feed.index(of: id)!].status, .cancelled)
        try tmux.keys("<")
        try tmux.waitFor("saved · took ours for \(id) capacity.targetMW")
        let settled = try tmux.capture()
        XCTAssertFalse(settled.contains("Merge conflicts"), settled)
        feed = try Store.load(path: store.path).feed
        XCTAssertEqual(try MergeConflict.all(in: feed), [])
        XCTAssertEqual(feed.deals[feed.index(of: id)!].capacity?.targetMW, 700)
        XCTAssertEqual(
            try History(of: feed).revisions.filter { $0.author == "carol" }.map(\.action), ["resolve"],
            "taking ours changed nothing in the deal: only theirs is a revision")
        let validate = try CLI.run("validate", "--store", store.path)
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        // u reopens the last one settled.
        try tmux.keys("u")
        try tmux.waitFor("undone: took ours for \(id) capacity.targetMW", "▶ capacity.targetMW: ours 700 · theirs 500")
        XCTAssertEqual(try MergeConflict.all(in: Store.load(path: store.path).feed).map(\.field), ["capacity.targetMW"])
    }
}
