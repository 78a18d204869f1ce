import XCTest

@testable import DealKit

final class SafeTextTests: XCTestCase {
    func testTitleInjectionIsDefused() {
        let hostile = "\u{1b}]0;pwned\u{7}"
        let safe = SafeText.sanitize(hostile)
        XCTAssertFalse(safe.unicodeScalars.contains("\u{1b}"))
        XCTAssertFalse(safe.unicodeScalars.contains("\u{7}"))
        XCTAssertTrue(safe.contains("␛"))
        XCTAssertEqual(safe, "␛]0;pwned␇")
        XCTAssertTrue(SafeText.needsSanitizing(hostile))
        XCTAssertFalse(SafeText.needsSanitizing(safe))
    }

    func testCleanTextIsReturnedUnchanged() {
        for clean in [
            "", "Samsung Electronics", "네이버", "SK하이닉스", "鴻海", "ソフトバンク", "هيوماين", "Élysée", "👍🇰🇷",
            "NAVER 네이버 — €1.2bn …",
        ] {
            XCTAssertFalse(SafeText.needsSanitizing(clean), clean)
            XCTAssertEqual(SafeText.sanitize(clean), clean)
        }
    }

    func testC0ControlsBecomeControlPictures() {
        XCTAssertEqual(SafeText.sanitize("a\tb"), "a␉b")
        XCTAssertEqual(SafeText.sanitize("line 1\nline 2"), "line 1\u{2424}line 2")
        XCTAssertEqual(SafeText.sanitize("a\r\nb"), "a␍\u{2424}b")
        XCTAssertEqual(SafeText.sanitize("\u{0}"), "␀")
        XCTAssertEqual(SafeText.sanitize("\u{1f}"), "␟")
        XCTAssertEqual(SafeText.sanitize("x\u{7f}"), "x␡")
        var allC0 = ""
        for value in UInt32(0)...0x1F { allC0.unicodeScalars.append(Unicode.Scalar(value)!) }
        let safe = SafeText.sanitize(allC0)
        XCTAssertEqual(safe.unicodeScalars.count, 32)
        XCTAssertTrue(safe.unicodeScalars.allSatisfy { $0.value >= 0x2400 && $0.value <= 0x2424 })
    }

    func testC1BidiAndSeparatorsBecomeReplacementCharacter() {
        let hostile = [
            "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}",
            "\u{2029}",
        ]
        for text in hostile {
            XCTAssertTrue(SafeText.needsSanitizing("ok " + text + " ok"), text.debugDescription)
            XCTAssertEqual(SafeText.sanitize("ok " + text + " ok"), "ok \u{FFFD} ok")
        }
        XCTAssertEqual(SafeText.sanitize("\u{9B}31m red"), "\u{FFFD}31m red")
        XCTAssertEqual(SafeText.sanitize("abc\u{202E}fdp.exe"), "abc\u{FFFD}fdp.exe")
    }

    func testNeighboursOfUnsafeRangesAreKept() {
        // Same lead bytes as unsafe characters, but harmless.
        for text in [
            "\u{A0}", "é", "\u{2027}", "\u{202F}", "\u{2065}", "\u{206A}", "\u{2026}", "\u{200A}", "\u{2010}",
            "\u{205F}", "\u{FEFE}", "\u{FF01}", "\u{E0080}", "\u{061B}", "\u{061D}", "ؠ",
        ] {
            XCTAssertFalse(SafeText.needsSanitizing(text), text.debugDescription)
            XCTAssertEqual(SafeText.sanitize(text), text)
        }
    }

    func testSanitizedTextIsOneColumnPerReplacedCharacter() {
        let text = "a\u{1b}[2J\r\n\u{9B}b"
        let safe = SafeText.sanitize(text)
        XCTAssertEqual(DisplayWidth.of(safe), 9)
        XCTAssertEqual(DisplayWidth.of(text), DisplayWidth.of(safe))
    }

    func testInvisibleCharactersThatCouldDisguiseANameAreMadeVisible() {
        // NVIDIA with a zero-width space is another name that looks the same (issue 11).
        let invisible: [UInt32] = [
            0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0x2060, 0x2061, 0x2064, 0xFEFF,
            0xE0000, 0xE0001, 0xE0041, 0xE007F,
        ]
        for value in invisible {
            let text = "NVI" + String(Unicode.Scalar(value)!) + "DIA"
            XCTAssertTrue(SafeText.needsSanitizing(text), String(value, radix: 16))
            XCTAssertEqual(SafeText.sanitize(text), "NVI\u{FFFD}DIA", String(value, radix: 16))
        }
    }

    func testKeepingNewlinesSanitizesEveryLine() {
        XCTAssertEqual(
            SafeText.sanitize("a\u{1b}]52;c;x\u{7}\nb\u{9B}\n", keepingNewlines: true), "a␛]52;c;x␇\nb\u{FFFD}\n")
        XCTAssertEqual(SafeText.sanitize("a\r\nb", keepingNewlines: true), "a␍\nb")
        XCTAssertEqual(SafeText.sanitize("plain\ntext", keepingNewlines: true), "plain\ntext")
    }

    func testTheByteScanAndTheScalarRuleAgreeOnEveryScalar() {
        // The byte scan and the scalar rule must agree on every scalar of the planes that matter.
        for value in UInt32(0)...0x3FFFF where !(0xD800...0xDFFF).contains(value) {
            let s = String(Unicode.Scalar(value)!)
            XCTAssertEqual(
                SafeText.needsSanitizing(s), SafeText.replacement(for: value) != nil, String(value, radix: 16))
        }
        for value in UInt32(0xE0000)...0xE00FF {
            let s = String(Unicode.Scalar(value)!)
            XCTAssertEqual(
                SafeText.needsSanitizing(s), SafeText.replacement(for: value) != nil, String(value, radix: 16))
        }
    }

    func testJSONEscapesAreASubsetOfTheTerminalRule() {
        for value in UInt32(0)...0x2FFFF where !(0xD800...0xDFFF).contains(value) && SafeText.escapesInJSON(value) {
            XCTAssertTrue(SafeText.needsSanitizing(String(Unicode.Scalar(value)!)), String(value, radix: 16))
        }
    }
}
