import DealKit
import XCTest

@testable import DealTUI

/// The form's keys without a terminal: line editing by grapheme, validation as you type, values offered, saving.
final class FormReducerTests: XCTestCase {
    private func type(_ f: inout FormState, _ text: String) {
        for c in text { _ = FormReducer.reduce(&f, .char(c)) }
    }

    private func focus(_ f: inout FormState, _ kind: FieldKind) {
        f.focus = f.fields.firstIndex { $0.kind == kind }!
    }

    func testLineEditingMovesByGraphemeAndPlacesTheCursorByWidth() {
        var l = TextLine("네이버")
        XCTAssertEqual(l.cursor, 3)
        XCTAssertEqual(l.cursorColumn, 6)
        l.moveLeft()
        XCTAssertEqual(l.cursorColumn, 4)
        l.insert("X")
        XCTAssertEqual(l.text, "네이X버")
        XCTAssertEqual(l.cursorColumn, 5)
        l.deleteBackward()
        l.deleteBackward()
        XCTAssertEqual(l.text, "네버")
        l.moveHome()
        XCTAssertEqual(l.cursorColumn, 0)
        l.moveEnd()
        XCTAssertEqual(l.cursor, 2)
        // A combining mark joins the letter before it: one grapheme, one column.
        var e = TextLine("E")
        e.insert("\u{301}")
        XCTAssertEqual(e.text, "É")
        XCTAssertEqual(e.cursor, 1)
        XCTAssertEqual(e.cursorColumn, 1)
        var k = TextLine("SK 텔레콤 AI")
        k.moveLeft()
        k.moveLeft()
        k.moveLeft()
        k.killToStart()
        XCTAssertEqual(k.text, " AI")
        k.moveEnd()
        k.deleteWordBackward()
        XCTAssertEqual(k.text, " ")
        var emoji = TextLine("🇰🇷x")
        emoji.moveLeft()
        emoji.deleteBackward()
        XCTAssertEqual(emoji.text, "x")
    }

    func testAnEmptyFormCannotBeSavedAndSaysWhatIsMissing() {
        var f = FormState(deal: nil)
        XCTAssertEqual(f.problemCount, 4, "id, title, country and announced are required")
        guard case .stay(let note?, true) = FormReducer.reduce(&f, .control("s")) else {
            return XCTFail("saved an empty deal")
        }
        XCTAssertTrue(note.hasPrefix("cannot save: 4 problems"), note)
        XCTAssertEqual(f.current.kind, .id)
        XCTAssertEqual(f.current.message, "required")
    }

    func testFieldsAreCheckedAsTheUserTypesAndAValidDealSavesAsAnAdd() {
        var f = FormState(deal: nil)
        type(&f, "kr-Bad")
        XCTAssertEqual(f.current.message?.contains("is not a valid id"), true)
        _ = FormReducer.reduce(&f, .backspace)
        _ = FormReducer.reduce(&f, .backspace)
        _ = FormReducer.reduce(&f, .backspace)
        type(&f, "test")
        XCTAssertNil(f.current.message)
        _ = FormReducer.reduce(&f, .tab)
        type(&f, "네이버 소버린 AI")
        _ = FormReducer.reduce(&f, .tab)
        type(&f, "Korea")
        XCTAssertEqual(f.current.message?.contains("not a country"), true, "Korea is ambiguous")
        _ = FormReducer.reduce(&f, .control("u"))
        type(&f, "south korea")
        _ = FormReducer.reduce(&f, .enter)
        XCTAssertEqual(f.fields[2].text, "KR", "Enter takes the code")
        XCTAssertEqual(f.current.kind, .announced)
        type(&f, "2026-Q5")
        XCTAssertEqual(f.current.message?.contains("not a partial date"), true)
        _ = FormReducer.reduce(&f, .backspace)
        type(&f, "4")
        focus(&f, .targetMW)
        type(&f, "-5")
        XCTAssertEqual(f.current.message?.contains("negative"), true)
        _ = FormReducer.reduce(&f, .control("u"))
        type(&f, "1,5")
        XCTAssertEqual(f.current.message?.contains("did you mean 1.5"), true, f.current.message ?? "")
        _ = FormReducer.reduce(&f, .control("u"))
        type(&f, ",,,5")
        XCTAssertEqual(f.current.message?.contains("is not a number"), true, f.current.message ?? "")
        _ = FormReducer.reduce(&f, .control("u"))
        type(&f, "1,000")
        XCTAssertEqual(f.problemCount, 0)
        guard case .save(.add(let d)) = FormReducer.reduce(&f, .control("s")) else { return XCTFail("not saved") }
        XCTAssertEqual(d.id, "kr-test")
        XCTAssertEqual(d.title, "네이버 소버린 AI")
        XCTAssertEqual(d.country, "KR")
        XCTAssertEqual(d.announced.description, "2026-Q4")
        XCTAssertEqual(d.capacity?.targetMW, 1000)
    }

    func testIDsInUseAreRefused() {
        var f = FormState(deal: nil)
        for c in "kr-naver" { _ = FormReducer.reduce(&f, .char(c)) { $0 == "kr-naver" } }
        XCTAssertEqual(f.current.message, "another deal already has this id")
    }

    func testAllowedValuesAreOfferedAndSteppedThrough() {
        var f = FormState(deal: nil)
        focus(&f, .status)
        XCTAssertEqual(f.current.text, "announced")
        _ = FormReducer.reduce(&f, .control("n"))
        XCTAssertEqual(f.current.text, "planned")
        _ = FormReducer.reduce(&f, .control("p"))
        _ = FormReducer.reduce(&f, .control("p"))
        XCTAssertEqual(f.current.text, "cancelled")
        // Typing over a value starts over; a prefix narrows the values offered.
        type(&f, "u")
        XCTAssertEqual(f.current.text, "u")
        XCTAssertEqual(FormReducer.suggestions(.status, "u"), ["under-construction"])
        _ = FormReducer.reduce(&f, .control("n"))
        XCTAssertEqual(f.current.text, "under-construction")
        focus(&f, .confidence)
        type(&f, "sure")
        XCTAssertEqual(f.current.message?.contains("is not one of: confirmed, reported, aspirational"), true)
        XCTAssertEqual(FormReducer.suggestions(.country, "Fra").first, "FR")
        XCTAssertEqual(FormReducer.suggestions(.country, "kr").first, "KR")
    }

    func testEditingKeepsWhatTheFormDoesNotShowAndMarksMilestones() throws {
        let deal = try TestFeeds.bundled().deals.first { $0.id.hasPrefix("kr-naver") }!
        var f = FormState(deal: deal)
        XCTAssertEqual(f.problemCount, 0)
        XCTAssertEqual(f.deal, deal, "an untouched form gives back the same deal")
        XCTAssertEqual(FormReducer.reduce(&f, .control("s")), .close(note: "no changes to \(deal.id)"))
        f.addItem(.milestone)
        type(&f, "!2027-H1:Phase 1 online")
        _ = FormReducer.reduce(&f, .control("n"))
        XCTAssertEqual(f.current.kind, .milestone)
        type(&f, "2028:Phase 2")
        guard case .save(.replace(let old, let new)) = FormReducer.reduce(&f, .control("s")) else {
            return XCTFail("not saved")
        }
        XCTAssertEqual(old, deal)
        XCTAssertEqual(new.milestones.count, deal.milestones.count + 2)
        XCTAssertEqual(new.milestones.first { $0.event == "Phase 1 online" }?.done, true)
        XCTAssertEqual(new.milestones.first { $0.event == "Phase 2" }?.done, false)
        XCTAssertEqual(new.sources, deal.sources)
        XCTAssertEqual(new.extra, deal.extra)
    }

    func testEscAsksBeforeLosingChanges() {
        var f = FormState(deal: nil)
        XCTAssertEqual(FormReducer.reduce(&f, .escape), .close(note: "add cancelled"))
        type(&f, "x")
        XCTAssertEqual(FormReducer.reduce(&f, .escape), .stay(note: nil, isError: false))
        XCTAssertEqual(f.question, .discard(thenQuit: false))
        XCTAssertEqual(FormReducer.reduce(&f, .char("n")), .stay(note: "still editing", isError: false))
        XCTAssertEqual(f.fields[0].text, "x", "the answer is not typed into the form")
        _ = FormReducer.reduce(&f, .control("c"))
        XCTAssertEqual(FormReducer.reduce(&f, .char("y")), .quit)
    }

    func testAChangeOnDiskIsAQuestion() throws {
        let deal = try TestFeeds.bundled().deals[0]
        var theirs = deal
        theirs.title = "their title"
        var f = FormState(deal: deal)
        focus(&f, .title)
        type(&f, " (mine)")
        f.question = .changedOnDisk(current: theirs)
        var g = f
        _ = FormReducer.reduce(&g, .char("t"))
        XCTAssertEqual(g.fields[1].text, "their title")
        XCTAssertEqual(g.original, theirs)
        _ = FormReducer.reduce(&f, .char("o"))
        XCTAssertNil(f.question)
        guard case .save(.replace(let old, let new)) = FormReducer.reduce(&f, .control("s")) else {
            return XCTFail("not saved")
        }
        XCTAssertEqual(old, theirs, "the save now names the version on disk, so the store accepts it")
        XCTAssertEqual(new.title, deal.title + " (mine)")
        f.question = .changedOnDisk(current: nil)
        XCTAssertEqual(FormReducer.reduce(&f, .escape), .close(note: "edit cancelled; showing the version on disk"))
    }
}
