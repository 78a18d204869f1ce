import XCTest

@testable import DealKit

final class JSONWriterTests: XCTestCase {
    private func text(_ build: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        build(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private func reread(_ s: String) throws -> String {
        let written = text { $0.string(s) }
        return try JSONReader.parse(Array(written.utf8)) { r in try r.readString() }
    }

    func testStringEscapesOnlyWhatJSONRequires() {
        XCTAssertEqual(text { $0.string("plain") }, #""plain""#)
        XCTAssertEqual(text { $0.string("a\"b\\c") }, #""a\"b\\c""#)
        XCTAssertEqual(text { $0.string("\n\r\t\u{8}\u{C}") }, #""\n\r\t\b\f""#)
        XCTAssertEqual(text { $0.string("\u{0}\u{1B}\u{1F}") }, #""\u0000\u001b\u001f""#)
        XCTAssertEqual(text { $0.string("네이버 鴻海 ソフトバンク هيوماين Élysée") }, "\"네이버 鴻海 ソフトバンク هيوماين Élysée\"")
        XCTAssertEqual(text { $0.string("/") }, #""/""#)
        XCTAssertEqual(text { $0.string("\u{7F}") }, "\"\u{7F}\"")
    }

    func testStringsRoundTripThroughTheReader() throws {
        for s in [
            "", "x", "\"", "\\", "a\nb", "\u{0}", "\u{1}\u{2}\u{1F}", "😀👩‍👩‍👧", "네이버", "\u{2028}", "tab\there", "é\u{301}",
        ] {
            XCTAssertEqual(try reread(s), s)
        }
    }

    func testNumberFormat() {
        XCTAssertEqual(JSONWriter.format(55), "55")
        XCTAssertEqual(JSONWriter.format(1000), "1000")
        XCTAssertEqual(JSONWriter.format(0), "0")
        XCTAssertEqual(JSONWriter.format(-0.0), "0")
        XCTAssertEqual(JSONWriter.format(-3), "-3")
        XCTAssertEqual(JSONWriter.format(1.5), "1.5")
        XCTAssertEqual(JSONWriter.format(0.1), "0.1")
        XCTAssertEqual(JSONWriter.format(12.25), "12.25")
        XCTAssertEqual(JSONWriter.format(999_999_999_999_999), "999999999999999")
    }

    func testNumbersRoundTripThroughTheReader() throws {
        for d in [
            0, 1, 55, 1000, 0.1, 1.5, 1e-7, 123.456, 1e15, 1e20, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
            2.5e-5, 999_999_999_999_999,
        ] {
            let written = JSONWriter.format(d)
            let back = try JSONReader.parse(Array(written.utf8)) { r -> Double in
                let v = try r.readNumber()
                try r.expectEnd()
                return v
            }
            XCTAssertEqual(back, d, written)
        }
    }

    func testAByteThatNeedsEscapingIsFoundAtAnyPosition() {
        // Strings are checked eight bytes at a time: try each special byte at each place of
        // strings up to three words long, among neighbours that look alike but are clean.
        let special: [(UInt8, String)] = [
            (0x00, "\\u0000"), (0x0A, "\\n"), (0x1F, "\\u001f"), (0x22, "\\\""), (0x5C, "\\\\"),
        ]
        let fillers: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x41]
        for length in 1...24 {
            for position in 0..<length {
                for (byte, escape) in special {
                    var chars = (0..<length).map { String(UnicodeScalar(fillers[$0 % fillers.count])) }
                    chars[position] = String(UnicodeScalar(byte))
                    var expected = chars
                    expected[position] = escape
                    XCTAssertEqual(
                        text { $0.string(chars.joined()) }, "\"" + expected.joined() + "\"",
                        "\(length) \(position) \(byte)")
                }
            }
            let clean = String(repeating: "aé\u{7F} ~", count: length)
            XCTAssertEqual(text { $0.string(clean) }, "\"" + clean + "\"")
            XCTAssertTrue(Array(clean.utf8).withUnsafeBufferPointer { JSONWriter.needsNoEscape($0) }, "no false alarm")
        }
    }

    func testIntegersAndWholeNumbersAreWrittenAsStringWould() {
        for n in [0, 7, 10, -1, -10, 1_234_567_890, Int.max, Int.min] {
            XCTAssertEqual(text { $0.integer(n) }, String(n))
        }
        for d in [0, -0.0, 55, -3, 1e15 - 1, 1e15, 1.5, 0.1, -2.25, 1e20] {
            XCTAssertEqual(text { $0.number(d) }, JSONWriter.format(d), "\(d)")
        }
    }

    func testOptionalNumber() {
        XCTAssertEqual(text { $0.optionalNumber(nil) }, "null")
        XCTAssertEqual(text { $0.optionalNumber(55) }, "55")
    }

    func testCompactValuesKeepLiteralsAndOrder() {
        let v = JSONValue.object([
            JSONField("z", .number("1.50")), JSONField("a", .array([.null, .bool(true), .bool(false), .string("s")])),
            JSONField("big", .number("12345678901234567890")), JSONField("o", .object([])), JSONField("e", .array([])),
        ])
        XCTAssertEqual(
            text { $0.value(v) },
            #"{"z": 1.50, "a": [null, true, false, "s"], "big": 12345678901234567890, "o": {}, "e": []}"#)
    }

    func testValuesRoundTripThroughTheReader() throws {
        let v = JSONValue.object([
            JSONField("k\"ey", .array([.number("-0.0"), .number("1E+2"), .string("\u{1}")])),
            JSONField("n", .object([JSONField("x", .null), JSONField("y", .number("2"))])),
        ])
        let written = text { $0.value(v) }
        let back = try JSONReader.parse(Array(written.utf8)) { r in try r.readValue() }
        XCTAssertEqual(back, v)
    }

    func testMemberAndStrings() {
        XCTAssertEqual(
            text {
                $0.member("id")
                $0.string("x")
            }, #""id": "x""#)
        XCTAssertEqual(text { $0.strings([]) }, "[]")
        XCTAssertEqual(text { $0.strings(["a", "b\"c"]) }, #"["a", "b\"c"]"#)
    }

    func testNewlineAndRaw() {
        XCTAssertEqual(
            text {
                $0.raw("{")
                $0.newline(indent: 2)
                $0.raw("}")
            }, "{\n  }")
        XCTAssertEqual(text { $0.raw(string: String("é")) }, "é")
        XCTAssertEqual(
            text {
                $0.raw("한국 ")
                $0.raw(string: "日本語, a long string that is not small")
            }, "한국 日本語, a long string that is not small")
    }

    func testTerminalControlsAreEscapedAndReadBackAsTheSameText() throws {
        // Issue 11: C1 controls, bidi overrides and direction marks never leave raw.
        let cases: [(String, String)] = [
            ("\u{9B}31m", "\\u009b31m"), ("\u{9D}52;c;x\u{9C}", "\\u009d52;c;x\\u009c"),
            ("\u{80}\u{85}\u{9F}", "\\u0080\\u0085\\u009f"),
            ("abc\u{202E}fdp.exe", "abc\\u202efdp.exe"),
            ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u202a\\u202b\\u202c\\u202d"),
            ("\u{2066}x\u{2067}\u{2068}\u{2069}", "\\u2066x\\u2067\\u2068\\u2069"),
            ("a\u{200E}b\u{200F}c\u{061C}", "a\\u200eb\\u200fc\\u061c"),
            ("\u{2028}\u{2029}", "\\u2028\\u2029"), ("\u{1B}]52;c;cHduZWQ=\u{7}", "\\u001b]52;c;cHduZWQ=\\u0007"),
            ("네이버 \u{9B} é", "네이버 \\u009b é"),
        ]
        for (raw, escaped) in cases {
            let written = text { $0.string(raw) }
            XCTAssertEqual(written, "\"" + escaped + "\"", raw.debugDescription)
            XCTAssertFalse(written.unicodeScalars.contains { SafeText.escapesInJSON($0.value) }, raw.debugDescription)
            let back = try JSONReader.parse(Array(written.utf8)) { r in try r.readString() }
            XCTAssertEqual(back, raw, "the same data")
        }
        // Neighbours that are text, not controls, stay raw (and need no escaping at all).
        for clean in [
            "\u{A0}", "\u{7F}", "\u{200D}", "\u{2027}", "\u{202F}", "\u{2065}", "\u{206A}", "\u{061B}", "\u{200A}",
            "👨\u{200D}👩",
        ] {
            XCTAssertEqual(text { $0.string(clean) }, "\"" + clean + "\"", clean.debugDescription)
            XCTAssertTrue(
                Array(clean.utf8).withUnsafeBufferPointer { JSONWriter.needsNoEscape($0) }, clean.debugDescription)
        }
    }

    func testTheEscapingCheckFindsAControlAfterCleanWordsAtAnyPosition() {
        for length in 1...20 {
            for position in 0..<length {
                var chars = Array(repeating: "é", count: length)
                chars[position] = "\u{9B}"
                XCTAssertEqual(
                    text { $0.string(chars.joined()) },
                    "\"" + chars.joined().replacingOccurrences(of: "\u{9B}", with: "\\u009b") + "\"")
                var ascii = Array(repeating: "a", count: length)
                ascii[position] = "\u{202E}"
                XCTAssertFalse(
                    Array(ascii.joined().utf8).withUnsafeBufferPointer { JSONWriter.needsNoEscape($0) },
                    "\(length) \(position)")
            }
        }
    }
}
