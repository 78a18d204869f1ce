import XCTest

@testable import DealTUI

final class KeySequenceTests: XCTestCase {
    private func parse(_ s: String) -> KeySequence.Outcome { KeySequence.parse(Array(s)) }

    func testTheCommonFormsOfHomeEndDeletePagesAndArrows() {
        for (seq, key) in [
            ("[1~", InputEvent.home), ("[7~", .home), ("[H", .home), ("OH", .home),
            ("[4~", .end), ("[8~", .end), ("[F", .end), ("OF", .end),
            ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
            ("[A", .up), ("OB", .down), ("[C", .right), ("[D", .left), ("[Z", .backTab),
            ("[1;5H", .home), ("[3;2~", .delete),
        ] {
            XCTAssertEqual(parse(seq), .key(key, consumed: seq.count), seq)
        }
    }

    func testFunctionKeys() {
        for (seq, n) in [
            ("OP", 1), ("OQ", 2), ("OR", 3), ("OS", 4), ("[11~", 1), ("[15~", 5), ("[17~", 6), ("[21~", 10),
            ("[23~", 11), ("[24~", 12), ("[1;2P", 1),
        ] {
            XCTAssertEqual(parse(seq), .key(.function(n), consumed: seq.count), seq)
        }
    }

    func testAnUnknownSequenceIsSwallowedWholeAndWhatFollowsIsLeft() {
        XCTAssertEqual(parse("[2~"), .unknown(consumed: 3), "Insert: nothing to do, nothing typed")
        XCTAssertEqual(parse("[99;1x"), .unknown(consumed: 6))
        XCTAssertEqual(parse("[200~q"), .unknown(consumed: 5), "the q after it is a key of its own")
        XCTAssertEqual(parse("[<0;10;5M"), .unknown(consumed: 9), "an SGR mouse report curses did not take")
        XCTAssertEqual(parse("[M !!"), .unknown(consumed: 5))
        XCTAssertEqual(parse("OX"), .unknown(consumed: 2))
    }

    func testIncompleteAndPlainEscape() {
        XCTAssertEqual(parse("[1"), .incomplete)
        XCTAssertEqual(parse("O"), .incomplete)
        XCTAssertEqual(parse(""), .escape)
        XCTAssertEqual(parse("q"), .escape, "Esc then q: two keys")
    }

    func testDeleteRemovesTheCharacterUnderTheCursorInAField() {
        var line = TextLine("abc")
        line.moveHome()
        line.deleteForward()
        XCTAssertEqual(line.text, "bc")
        line.moveEnd()
        line.deleteForward()
        XCTAssertEqual(line.text, "bc")
    }
}
