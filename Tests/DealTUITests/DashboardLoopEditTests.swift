import DealKit
import TestSupport
import XCTest

@testable import DealTUI

/// The whole editing story through the run loop and a real store file: every change is in the file and on screen.
final class DashboardLoopEditTests: XCTestCase {
    private var dir = ""
    private var path: String { dir + "/deals.json" }

    override func setUp() {
        dir = NSTemporaryDirectory() + "sovtrack-edit-\(UUID().uuidString)"
        try? FileSystem.makeDirectories(dir)
        try? FileManager.default.copyItem(atPath: PackageRoot.fixture("deals.json").path, toPath: path)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private static func keys(_ text: String) -> [FakeTerminal.Step] { text.map { .key(.char($0)) } }

    private static func onDisk(_ path: String) throws -> Feed { try Store.load(path: path).feed }

    /// Runs the dashboard on the store until the terminal's steps are done; `interval` is how often it looks at the file.
    @MainActor
    private static func dashboard(_ t: FakeTerminal, _ path: String, interval: Double = 0) throws
        -> DealTUI.DashboardLoop
    {
        var store = Store(path: path, today: { TestFeeds.today })
        // The other writer here is this test, done before the loop looks: no need to let the file settle.
        store.settle = 0
        let snapshot = try store.load()
        var s = AppState(feed: snapshot.feed, storeName: "deals.json", today: TestFeeds.today)
        AppReducer.settle(&s)
        var loop = DealTUI.DashboardLoop(state: s, terminal: t, exportDirectory: NSTemporaryDirectory())
        loop.store = StoreLink(session: StoreSession(store: store, snapshot: snapshot), interval: interval)
        loop.shouldStop = { t.done }
        loop.run()
        return loop
    }

    /// A step that checks the last frame.
    private static func see(_ t: FakeTerminal, _ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> FakeTerminal.Step
    {
        .run { [unowned t] in
            let screen = t.screen
            XCTAssertTrue(screen.contains(text), "screen lacks \(text):\n\(screen)", file: file, line: line)
        }
    }

    private static func deal(_ id: String, _ path: String) throws -> Deal? {
        let feed = try onDisk(path)
        return feed.index(of: id).map { feed.deals[$0] }
    }

    func testEditingAddEditMilestoneUndoDelete() throws {
        let path = self.path
        try MainActor.assumeIsolated {
            let t = FakeTerminal([])
            var steps: [FakeTerminal.Step] = [.key(.char("2")), .key(.char("a"))]
            steps += Self.keys("kr-naver-sovereign") + [.key(.tab)] + Self.keys("네이버 소버린 AI") + [.key(.tab)]
            steps +=
                Self.keys("KR") + [.key(.tab)] + Self.keys("2026-11") + [
                    .key(.control("s")), Self.see(t, "saved · added kr-naver-sovereign"),
                ]
            steps += [.key(.char("/"))] + Self.keys("소버린") + [.key(.enter), Self.see(t, "네이버 소버린 AI")]
            steps += [.run { XCTAssertEqual(try Self.deal("kr-naver-sovereign", path)?.title, "네이버 소버린 AI") }]
            // Edit its MW.
            steps +=
                [.key(.char("e"))] + Array(repeating: .key(.tab), count: 8) + Self.keys("55") + [.key(.control("s"))]
            steps += [Self.see(t, "saved · edited kr-naver-sovereign"), Self.see(t, "55  announced")]
            steps += [.run { XCTAssertEqual(try Self.deal("kr-naver-sovereign", path)?.capacity?.initialMW, 55) }]
            // Add a milestone; it shows in the detail's timeline.
            steps +=
                [.key(.char("m"))] + Self.keys("2027-H1:1단계 가동") + [.key(.control("s")), Self.see(t, "saved · edited")]
            steps += [.key(.enter), Self.see(t, "1단계 가동"), .key(.escape)]
            steps += [
                .run { XCTAssertEqual(try Self.deal("kr-naver-sovereign", path)?.milestones.first?.event, "1단계 가동") }
            ]
            // Undo takes the milestone out again.
            steps += [.key(.char("u")), Self.see(t, "undone: edited kr-naver-sovereign")]
            steps += [.run { XCTAssertEqual(try Self.deal("kr-naver-sovereign", path)?.milestones, []) }]
            steps += [.key(.char("d")), Self.see(t, "Delete this deal?"), Self.see(t, "kr-naver-sovereign")]
            steps += [
                .key(.char("y")), Self.see(t, "saved · deleted kr-naver-sovereign"), Self.see(t, "no deals match"),
            ]
            t.steps = steps
            let loop = try Self.dashboard(t, path)
            XCTAssertNil(try Self.deal("kr-naver-sovereign", path))
            XCTAssertEqual(try Self.onDisk(path).deals.count, 5)
            XCTAssertEqual(
                loop.state.editing.undo.map(\.summary),
                ["added kr-naver-sovereign", "edited kr-naver-sovereign", "deleted kr-naver-sovereign"])
        }
    }

    func testEditingNoticesAnotherWriterAndKeepsTheSelection() throws {
        let path = self.path
        try MainActor.assumeIsolated {
            let t = FakeTerminal([])
            let other = Store(path: path)
            var steps: [FakeTerminal.Step] = [.key(.char("2")), .key(.down), .key(.down)]
            steps += [
                .run {
                    try other.update { feed in
                        feed.deals.append(
                            Deal(
                                id: "aa-first", title: "外部 writer's deal", country: "JP",
                                announced: PartialDate("2026")!))
                    }
                }
            ]
            steps += [.run {}, Self.see(t, "reloaded: 1 deal changed on disk"), Self.see(t, "外部 writer's deal")]
            t.steps = steps
            let loop = try Self.dashboard(t, path)
            XCTAssertEqual(
                loop.state.selectedDealID, try TestFeeds.bundled().deals.sorted { $0.country < $1.country }[2].id,
                "the cursor stays on the same deal")
            XCTAssertEqual(loop.state.totalCount, 6)
        }
    }

    func testEditingASaveNeverOverwritesAChangeItHasNotSeen() throws {
        let path = self.path
        try MainActor.assumeIsolated {
            let t = FakeTerminal([])
            let other = Store(path: path)
            var id = ""
            var steps: [FakeTerminal.Step] = [.key(.char("2")), .key(.char("e")), .key(.end)] + Self.keys(" (mine)")
            steps += [
                .run {
                    id = try XCTUnwrap(
                        t.screen.split(separator: "\n").first { $0.contains("Edit ") }.flatMap { line in
                            line.split(separator: " ").first { $0.contains("-") }.map(String.init)
                        })
                    try other.update { feed in feed.deals[feed.index(of: id)!].title = "their title" }
                }
            ]
            // The dashboard looks at the file only when it saves (a long interval), and the store refuses.
            steps += [.key(.control("s")), Self.see(t, "Changed on disk"), Self.see(t, "on disk now: their title")]
            steps += [.run { XCTAssertEqual(try Self.deal(id, path)?.title, "their title") }]
            steps += [.key(.char("o")), .key(.control("s")), Self.see(t, "saved · edited")]
            steps += [.run { XCTAssertTrue(try Self.deal(id, path)?.title.hasSuffix(" (mine)") == true) }]
            // Their next change makes undo a conflict that is reported, never forced.
            steps += [.run { try other.update { feed in feed.deals[feed.index(of: id)!].site = "their site" } }]
            steps += [.key(.char("u")), Self.see(t, "cannot undo")]
            steps += [.run { XCTAssertEqual(try Self.deal(id, path)?.site, "their site") }]
            t.steps = steps
            _ = try Self.dashboard(t, path, interval: 1000)
        }
    }
}
