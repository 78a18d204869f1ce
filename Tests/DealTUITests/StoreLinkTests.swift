import DealKit
import XCTest

@testable import DealTUI

/// The run loop's watch on the store: another writer's save, and a store that goes away (a
/// database server restarting) and comes back, with the dashboard and the user's open form kept.
final class StoreLinkTests: XCTestCase {
    private func link(_ store: FlakyStore) throws -> StoreLink {
        StoreLink(session: try StoreSession(store: store), interval: 0)
    }

    func testALostStoreIsReportedOnceAndItsReturnOnce() throws {
        let store = FlakyStore(try TestFeeds.bundled())
        var link = try link(store)
        XCTAssertNil(link.poll())
        store.state.down("cannot reach the server: connection refused at db.example port 5432")
        XCTAssertEqual(link.poll(), .lost("cannot reach the server: connection refused at db.example port 5432"))
        XCTAssertNil(link.poll(), "said once, not at every look")
        store.state.down(nil)
        XCTAssertEqual(link.poll(), .reconnected(nil, changed: 0), "back, and nothing changed meanwhile")
        XCTAssertNil(link.poll())
    }

    func testASaveMadeWhileTheStoreWasLostIsShownOnReturn() throws {
        let store = FlakyStore(try TestFeeds.bundled())
        var link = try link(store)
        store.state.down("the server closed the connection")
        XCTAssertEqual(link.poll(), .lost("the server closed the connection"))
        store.state.save { $0.deals[0].title = "their title" }
        XCTAssertNil(link.poll(), "still lost: the old deals stay on screen")
        store.state.down(nil)
        XCTAssertEqual(link.poll(), .reconnected(store.state.feed, changed: 1))
        XCTAssertEqual(link.session.snapshot.feed, store.state.feed)
    }

    func testAnotherWritersSaveIsReloadedAtTheNextLook() throws {
        let store = FlakyStore(try TestFeeds.bundled())
        var link = try link(store)
        store.state.save { $0.deals.removeLast() }
        XCTAssertEqual(link.poll(), .reloaded(store.state.feed, changed: 1))
        XCTAssertNil(link.poll())
    }

    func testTheReducerSaysSoInOneLineAndKeepsTheForm() throws {
        let feed = try TestFeeds.bundled()
        var s = TestFeeds.state(feed)
        _ = AppReducer.reduce(&s, .char("2"))
        EditReducer.store(&s, .lost("the server closed the connection"))
        XCTAssertEqual(
            s.message, "lost the store: the server closed the connection · reconnecting; showing the deals as last read"
        )
        _ = AppReducer.reduce(&s, .char("e"))
        _ = AppReducer.reduce(&s, .char("!"))
        let form = try XCTUnwrap(s.editing.form)
        EditReducer.store(&s, .lost("cannot reach the server: connection refused at db.example port 5432"))
        XCTAssertEqual(
            s.message,
            "lost the store: cannot reach the server: connection refused at db.example port 5432 · reconnecting; your unsaved form is kept"
        )
        XCTAssertTrue(s.isError)
        XCTAssertEqual(s.editing.form, form)
        EditReducer.store(&s, .reconnected(nil, changed: 0))
        XCTAssertEqual(s.message, "reconnected to the store")
        XCTAssertFalse(s.isError)
        XCTAssertEqual(s.editing.form, form)
        // Back with the deal being edited changed meanwhile: the form asks, as after any reload.
        var theirs = feed
        let id = try XCTUnwrap(form.original?.id)
        theirs.deals[theirs.index(of: id)!].notes = "their note"
        EditReducer.store(&s, .reconnected(theirs, changed: 1))
        XCTAssertEqual(s.editing.form?.question, .changedOnDisk(current: theirs.deals[theirs.index(of: id)!]))
    }

    /// The whole story through the run loop: the store goes away with a form open, the footer
    /// says so, a save is refused with the form kept, and once back the same form saves.
    func testTheLoopKeepsAnUnsavedFormWhileTheStoreIsLostAndSavesItOnceBack() throws {
        let store = FlakyStore(try TestFeeds.bundled())
        try MainActor.assumeIsolated {
            let t = FakeTerminal([])
            func see(_ text: String, line: UInt = #line) -> FakeTerminal.Step {
                .run { [unowned t] in
                    XCTAssertTrue(t.screen.contains(text), "screen lacks \(text):\n\(t.screen)", line: line)
                }
            }
            var steps: [FakeTerminal.Step] = [.key(.char("2")), .key(.char("e")), .key(.end)]
            steps += " (mine)".map { .key(.char($0)) }
            steps += [.run { store.state.down("cannot reach the server: connection refused at db.example port 5432") }]
            steps += [.run {}, see("lost the store: cannot reach the server"), see(" (mine)")]
            steps += [.key(.control("s")), see("not saved: postgresql://ana@db.example:5432/deals: cannot reach")]
            steps += [see(" (mine)"), .run { store.state.down(nil) }, .run {}, see("reconnected to the store")]
            steps += [.key(.control("s")), see("saved · edited")]
            t.steps = steps
            let snapshot = try store.load()
            var s = AppState(feed: snapshot.feed, storeName: store.path, today: TestFeeds.today)
            AppReducer.settle(&s)
            var loop = DealTUI.DashboardLoop(state: s, terminal: t, exportDirectory: NSTemporaryDirectory())
            loop.store = StoreLink(session: StoreSession(store: store, snapshot: snapshot), interval: 0)
            loop.shouldStop = { t.done }
            loop.run()
            XCTAssertNil(loop.state.editing.form)
            XCTAssertEqual(store.state.feed.deals.filter { $0.title.hasSuffix(" (mine)") }.count, 1)
        }
    }
}
