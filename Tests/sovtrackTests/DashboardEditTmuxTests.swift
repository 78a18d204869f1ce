import DealKit
import Foundation
import TestSupport
import XCTest

/// Editing in the real dashboard in tmux: a Hangul deal added, its MW edited, a milestone added, undone,
/// the deal deleted, each checked on screen and in the file; then another writer changes the store.
final class DashboardEditTmuxTests: XCTestCase {
    private func deal(_ id: String, in store: URL) throws -> Deal? {
        let feed = try Store.load(path: store.path).feed
        return feed.index(of: id).map { feed.deals[$0] }
    }

    func testEditingInTmuxAddEditMilestoneUndoDeleteThenAnotherWriter() throws {
        let store = try SovtrackProcess.bundledStore()
        defer { try? FileManager.default.removeItem(at: store.deletingLastPathComponent()) }
        let tmux = try TmuxSession(cols: 80, rows: 24, command: [SovtrackProcess.binary.path, "--store", store.path])
        try tmux.waitFor("Countries", "5 of 5 deals")
        try tmux.keys("2", "a")
        try tmux.waitFor("Add a deal")
        try tmux.type("kr-naver-sovereign")
        try tmux.keys("Tab")
        try tmux.type("네이버 소버린 AI")
        try tmux.keys("Tab")
        try tmux.type("kr")
        try tmux.keys("Tab")
        try tmux.type("2026-11")
        try tmux.waitFor("ready to save", "✓ KR South Korea")
        try tmux.keys("C-s")
        try tmux.waitFor("saved · added kr-naver-sovereign", "6 of 6 deals", "네이버 소버린 AI")
        XCTAssertEqual(try deal("kr-naver-sovereign", in: store)?.title, "네이버 소버린 AI")

        try tmux.keys("/")
        try tmux.type("소버린")
        try tmux.keys("Enter", "e")
        try tmux.waitFor("Edit kr-naver-sovereign")
        for _ in 0..<8 { try tmux.keys("Tab") }
        try tmux.type("55")
        try tmux.keys("C-s")
        try tmux.waitFor("saved · edited kr-naver-sovereign", "55  announced")
        XCTAssertEqual(try deal("kr-naver-sovereign", in: store)?.capacity?.initialMW, 55)

        try tmux.keys("m")
        try tmux.waitFor("Edit kr-naver-sovereign")
        try tmux.type("2027-H1:1단계 가동")
        try tmux.keys("C-s")
        try tmux.waitFor("saved · edited kr-naver-sovereign")
        try tmux.keys("Enter")
        try tmux.waitFor("Detail", "1단계 가동")
        XCTAssertEqual(try deal("kr-naver-sovereign", in: store)?.milestones.map(\.event), ["1단계 가동"])

        try tmux.keys("u")
        try tmux.waitFor("undone: edited kr-naver-sovereign")
        let undone = try tmux.capture()
        XCTAssertFalse(undone.contains("1단계 가동"), undone)
        XCTAssertEqual(try deal("kr-naver-sovereign", in: store)?.milestones, [])
        // Ctrl-R redoes it, and u undoes it again.
        try tmux.keys("C-r")
        try tmux.waitFor("redone: edited kr-naver-sovereign")
        XCTAssertEqual(try deal("kr-naver-sovereign", in: store)?.milestones.map(\.event), ["1단계 가동"])
        try tmux.keys("u")
        try tmux.waitFor("undone: edited kr-naver-sovereign")
        XCTAssertEqual(try deal("kr-naver-sovereign", in: store)?.milestones, [])

        try tmux.keys("d")
        try tmux.waitFor("Delete this deal?", "kr-naver-sovereign")
        try tmux.keys("y")
        try tmux.waitFor("saved · deleted kr-naver-sovereign", "0 of 5 deals")
        XCTAssertNil(try deal("kr-naver-sovereign", in: store))
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.path + ".bak.1"), "the store keeps backups")

        // Another writer: the CLI adds a deal to the same store behind the open dashboard.
        try tmux.keys("F")
        try tmux.waitFor("5 of 5 deals")
        let r = try SovtrackProcess.run([
            "add", "--store", store.path, "--id", "jp-other-writer", "--title", "外部 writer",
            "--country", "JP", "--announced", "2026-06",
        ])
        XCTAssertEqual(r.status, 0, r.stderr)
        try tmux.waitFor("reloaded: 1 deal changed on disk", "6 of 6 deals", "外部 writer", timeout: 5)
        try tmux.keys("q")
    }

    func testEditingInTmuxWhenTheDealChangesUnderAnOpenForm() throws {
        let store = try SovtrackProcess.bundledStore()
        defer { try? FileManager.default.removeItem(at: store.deletingLastPathComponent()) }
        let id = "fr-softbank-sesterce-sovereign-ai-factory"
        let tmux = try TmuxSession(cols: 80, rows: 24, command: [SovtrackProcess.binary.path, "--store", store.path])
        try tmux.waitFor("5 of 5 deals")
        try tmux.keys("2", "e")
        try tmux.waitFor("Edit \(id)")
        try tmux.keys("End")
        try tmux.type(" (mine)")
        let r = try SovtrackProcess.run(["edit", id, "--store", store.path, "--title", "Their title 그들의 제목"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try tmux.waitFor("Changed on disk", "on disk now: Their title 그들의 제목", timeout: 5)
        try tmux.keys("t")
        try tmux.waitFor("took the version on disk", "title * Their title 그들의 제목")
        // Saving now replaces their version, which the form has seen.
        try tmux.keys("End")
        try tmux.type("!")
        try tmux.keys("C-s")
        try tmux.waitFor("saved · edited \(id)")
        XCTAssertEqual(try deal(id, in: store)?.title, "Their title 그들의 제목!")
        try tmux.keys("q")
    }
}
