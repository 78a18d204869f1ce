import DealKit
import XCTest

@testable import DealTUI

/// The editing keys in the dashboard's reducer, and the store's answers, without a terminal or a disk.
final class EditReducerTests: XCTestCase {
    private func keys(_ s: inout AppState, _ events: InputEvent...) -> [Effect] {
        var all: [Effect] = []
        for e in events { all += AppReducer.reduce(&s, e) }
        return all
    }

    func testEditingKeysNeedADealAndLeavePromptsAlone() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        _ = keys(&s, .char("3"), .char("e"))
        XCTAssertNil(s.editing.form)
        XCTAssertEqual(s.message?.hasPrefix("no deal selected"), true)
        _ = keys(&s, .char("2"), .char("/"), .char("a"))
        XCTAssertNil(s.editing.form, "in the search prompt, a is text")
        XCTAssertEqual(s.filter.search, "a")
        _ = keys(&s, .escape, .char("?"), .char("e"))
        XCTAssertNil(s.editing.form, "the help overlay keeps its keys")
        _ = keys(&s, .escape, .char("u"))
        XCTAssertEqual(s.message, "nothing to undo")
    }

    func testDeleteAsksThenEmitsTheChangeAndUndoEmitsTheInverse() throws {
        let feed = try TestFeeds.bundled()
        var s = TestFeeds.state(feed)
        _ = keys(&s, .char("2"))
        let deal = feed.deals[feed.index(of: s.selectedDealID!)!]
        XCTAssertEqual(keys(&s, .char("d")), [])
        XCTAssertEqual(s.editing.confirmDelete, deal)
        XCTAssertEqual(keys(&s, .char("n")), [])
        XCTAssertEqual(s.message, "kept \(deal.id)")
        XCTAssertEqual(keys(&s, .char("d"), .char("y")), [.apply(.remove(deal), undo: false)])
        var after = feed
        after.deals.removeAll { $0.id == deal.id }
        EditReducer.store(&s, .applied(.remove(deal), undo: false, feed: after))
        XCTAssertEqual(s.message, "saved · deleted \(deal.id)")
        XCTAssertEqual(s.totalCount, feed.deals.count - 1)
        XCTAssertEqual(keys(&s, .char("u")), [.apply(.add(deal), undo: true)])
        EditReducer.store(&s, .applied(.add(deal), undo: true, feed: feed))
        XCTAssertEqual(s.message, "undone: deleted \(deal.id) · Ctrl-R redoes it")
        XCTAssertEqual(s.selectedDealID, deal.id, "the deal back is selected")
        XCTAssertEqual(s.editing.undo, [], "the undone change leaves the stack; an undo is not pushed")
    }

    func testCtrlRRedoesWhatUUndidUntilANewChange() throws {
        let feed = try TestFeeds.bundled()
        var s = TestFeeds.state(feed)
        _ = keys(&s, .char("2"))
        let deal = feed.deals[feed.index(of: s.selectedDealID!)!]
        var after = feed
        after.deals.removeAll { $0.id == deal.id }
        XCTAssertEqual(keys(&s, .control("r")), [])
        XCTAssertEqual(s.message, "nothing to redo")
        _ = keys(&s, .char("d"), .char("y"))
        EditReducer.store(&s, .applied(.remove(deal), undo: false, feed: after))
        _ = keys(&s, .char("u"))
        EditReducer.store(&s, .applied(.add(deal), undo: true, feed: feed))
        XCTAssertEqual(s.editing.redo, [.remove(deal)])
        XCTAssertEqual(keys(&s, .control("r")), [.apply(.remove(deal), undo: false)])
        EditReducer.store(&s, .applied(.remove(deal), undo: false, feed: after))
        XCTAssertEqual(s.message, "redone: deleted \(deal.id)")
        XCTAssertEqual(s.editing.undo, [.remove(deal)], "a redo can be undone again")
        XCTAssertEqual(s.editing.redo, [])
        // Undo again, then a change of one's own: nothing left to redo.
        _ = keys(&s, .char("u"))
        EditReducer.store(&s, .applied(.add(deal), undo: true, feed: feed))
        XCTAssertEqual(s.editing.redo, [.remove(deal)])
        let other = feed.deals.first { $0.id != deal.id }!
        var without = feed
        without.deals.removeAll { $0.id == other.id }
        EditReducer.store(&s, .applied(.remove(other), undo: false, feed: without))
        XCTAssertEqual(s.editing.redo, [])
    }

    func testAFailedUndoStaysUndoableAndARefusedOneIsReported() throws {
        let feed = try TestFeeds.bundled()
        var s = TestFeeds.state(feed)
        let d = feed.deals[0]
        var changed = d
        changed.title = "x"
        s.editing.undo = [.replace(old: d, new: changed)]
        let undo = keys(&s, .char("u"))
        XCTAssertEqual(undo, [.apply(.replace(old: changed, new: d), undo: true)])
        EditReducer.store(&s, .failed(.replace(old: changed, new: d), undo: true, message: "lock timeout"))
        XCTAssertEqual(s.editing.undo, [.replace(old: d, new: changed)])
        XCTAssertTrue(s.isError)
        _ = keys(&s, .char("u"))
        EditReducer.store(
            &s, .refused(.replace(old: changed, new: d), undo: true, .changedOnDisk(id: d.id, current: d)))
        XCTAssertEqual(s.message?.hasPrefix("cannot undo edited \(d.id)"), true, s.message ?? "")
    }

    func testAReloadKeepsTheSelectionAndAsksAboutTheDealBeingEdited() throws {
        let feed = try TestFeeds.bundled()
        var s = TestFeeds.state(feed)
        _ = keys(&s, .char("2"), .down, .down)
        let id = s.selectedDealID!
        var theirs = feed
        theirs.deals.insert(Deal(id: "aa-new", title: "새 거래", country: "FR", announced: PartialDate("2025")!), at: 0)
        EditReducer.store(&s, .reloaded(theirs, changed: 1))
        XCTAssertEqual(s.selectedDealID, id)
        XCTAssertEqual(s.message, "reloaded: 1 deal changed on disk")
        _ = keys(&s, .char("e"), .char("!"))
        theirs.deals[theirs.index(of: id)!].notes = "their note"
        EditReducer.store(&s, .reloaded(theirs, changed: 1))
        XCTAssertEqual(s.editing.form?.question, .changedOnDisk(current: theirs.deals[theirs.index(of: id)!]))
        XCTAssertTrue(s.isError)
        // A reload that does not touch the deal being edited asks nothing.
        _ = keys(&s, .char("t"))
        XCTAssertNil(s.editing.form?.question)
        theirs.deals.removeFirst()
        EditReducer.store(&s, .reloaded(theirs, changed: 1))
        XCTAssertNil(s.editing.form?.question)
    }

    func testChangedCountMatchesDealsByID() throws {
        let feed = try TestFeeds.bundled()
        var other = feed
        other.deals.removeFirst()
        other.deals[0].title = "changed"
        other.deals.append(Deal(id: "zz", title: "z", country: "FR", announced: PartialDate("2025")!))
        XCTAssertEqual(StoreLink.changedCount(feed, other), 3)
        XCTAssertEqual(StoreLink.changedCount(feed, feed), 0)
    }
}
