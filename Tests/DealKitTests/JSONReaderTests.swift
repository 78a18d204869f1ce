import XCTest

@testable import DealKit

final class JSONReaderTests: XCTestCase {
    private func value(_ text: String) throws -> JSONValue {
        try JSONReader.parse(Array(text.utf8)) { r in
            let v = try r.readValue()
            try r.expectEnd()
            return v
        }
    }

    private func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONReader.parse(bytes) { r in
                _ = try r.readValue()
                try r.expectEnd()
            }
            return nil
        } catch let e as JSONSyntaxError {
            return e
        } catch {
            XCTFail("unexpected error \(error)")
            return nil
        }
    }

    private func syntaxError(_ text: String) -> JSONSyntaxError? { syntaxError(Array(text.utf8)) }

    /// `beginObject` and `beginArray` (one shared reader of a bracket): each refuses the other's
    /// bracket by name, and an empty object or array ends at its first step.
    func testBeginObjectAndArrayNameTheBracketTheyExpectAndEndWhenEmpty() throws {
        func message(_ text: String, _ begin: (inout JSONReader) throws -> Void) -> String? {
            do {
                try JSONReader.parse(Array(text.utf8)) { r in try begin(&r) }
                return nil
            } catch {
                return (error as? JSONSyntaxError)?.message
            }
        }
        XCTAssertEqual(message(" [1]", { try $0.beginObject() }), "expected '{'")
        XCTAssertEqual(message(" {}", { try $0.beginArray() }), "expected '['")
        XCTAssertEqual(message("", { try $0.beginArray() }), "expected '['")
        try JSONReader.parse(Array(" { } [ ] ".utf8)) { r in
            try r.beginObject()
            XCTAssertNil(try r.nextKeyToken())
            try r.beginArray()
            XCTAssertFalse(try r.nextElement())
            try r.expectEnd()
        }
        XCTAssertEqual(
            try value(#"{"a": [], "b": {}, "c": [{}]}"#),
            .object([
                JSONField("a", .array([])), JSONField("b", .object([])), JSONField("c", .array([.object([])])),
            ]))
    }

    func testScalars() throws {
        XCTAssertEqual(try value("null"), .null)
        XCTAssertEqual(try value("true"), .bool(true))
        XCTAssertEqual(try value(" false "), .bool(false))
        XCTAssertEqual(try value("\"x\""), .string("x"))
        XCTAssertEqual(try value("-12.50e+3"), .number("-12.50e+3"))
    }

    func testNumbersKeepTheirLiteralText() throws {
        for lit in [
            "0", "-0", "1.50", "12345678901234567890", "1e999", "-1E-7", "0.000", "3.141592653589793238462643383279",
        ] {
            XCTAssertEqual(try value(lit), .number(lit), lit)
            XCTAssertEqual(try value("[\(lit)]"), .array([.number(lit)]), lit)
        }
    }

    func testNumberValues() throws {
        func num(_ s: String) throws -> Double {
            try JSONReader.parse(Array(s.utf8)) { r in try r.readNumber() }
        }
        XCTAssertEqual(try num("55"), 55)
        XCTAssertEqual(try num("-7"), -7)
        XCTAssertEqual(try num("1.5"), 1.5)
        XCTAssertEqual(try num("2.5e3"), 2500)
        XCTAssertEqual(try num("999999999999999"), 999_999_999_999_999)
        XCTAssertEqual(try num("12345678901234567890"), 12345678901234567890.0)
        XCTAssertEqual(try num("1e999"), .infinity)
        XCTAssertEqual(try num("-1e999"), -.infinity)
    }

    func testMalformedNumbers() {
        for s in ["01", "-", "1.", ".5", "1e", "1e+", "+1", "-a", "--1", "0x10", "NaN", "Infinity", "-Infinity"] {
            XCTAssertNotNil(syntaxError(s), s)
        }
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try value(#""a\"b\\c\/d\b\f\n\r\t""#), .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        XCTAssertEqual(try value(#""\u00e9\u00C9""#), .string("éÉ"))
        XCTAssertEqual(try value(#""\uD83D\uDE00""#), .string("😀"))
        XCTAssertEqual(try value(#""\u0000""#), .string("\u{0}"))
        XCTAssertEqual(try value("\"네이버 鴻海\""), .string("네이버 鴻海"))
        XCTAssertEqual(try value("\"é\\n네\""), .string("é\n네"))
    }

    func testBadStrings() {
        XCTAssertEqual(syntaxError(#""abc"#)?.message, "unterminated string")
        XCTAssertEqual(syntaxError(#""abc"#)?.offset, 0)
        XCTAssertNotNil(syntaxError(#""\x""#))
        XCTAssertNotNil(syntaxError(#""\u12""#))
        XCTAssertNotNil(syntaxError(#""\u12G4""#))
        XCTAssertNotNil(syntaxError(#""\uD83D""#), "lone high surrogate")
        XCTAssertNotNil(syntaxError(#""\uDE00""#), "lone low surrogate")
        XCTAssertNotNil(syntaxError(#""\uD83D\u0041""#), "high surrogate then not a low one")
        XCTAssertNotNil(syntaxError("\"a\nb\""), "raw newline in a string")
        XCTAssertNotNil(syntaxError("\"a\tb\""), "raw tab in a string")
        XCTAssertNotNil(syntaxError("\"a\\"), "escape at end of input")
    }

    func testInvalidUTF8IsReportedAtTheBadByte() {
        // "ab<FF>c": the bad byte is at offset 3.
        let e = syntaxError([0x22, 0x61, 0x62, 0xFF, 0x63, 0x22])
        XCTAssertEqual(e?.message, "text is not valid UTF-8")
        XCTAssertEqual(e?.offset, 3)
        // A truncated multi-byte sequence, and an overlong encoding of '/'.
        XCTAssertEqual(syntaxError([0x22, 0xE2, 0x82, 0x22])?.message, "text is not valid UTF-8")
        XCTAssertEqual(syntaxError([0x22, 0xC0, 0xAF, 0x22])?.message, "text is not valid UTF-8")
        // Also after an escape (the slow path).
        XCTAssertEqual(syntaxError([0x22, 0x5C, 0x6E, 0xFE, 0x22])?.message, "text is not valid UTF-8")
        // Outside a string it is just an unexpected byte.
        XCTAssertEqual(syntaxError([0xFF])?.message, "unexpected byte 0xFF, expected a value")
    }

    func testEveryPositionInAWordIsScannedExactly() throws {
        // The scan reads eight bytes at a time: put the end of a string, a bad byte and a
        // non-ASCII letter at every position of a word, and text after the end in the same word.
        for k in 0..<20 {
            let a = String(repeating: "a", count: k)
            XCTAssertEqual(try value("[\"\(a)\",\"é\"]"), .array([.string(a), .string("é")]), "k=\(k)")
            XCTAssertEqual(try value("[\"\(a)é\",\"x\"]"), .array([.string(a + "é"), .string("x")]), "k=\(k)")
            XCTAssertEqual(try value("{\"\(a)\":\"\(a)\\n\"}"), .object([JSONField(a, .string(a + "\n"))]), "k=\(k)")
            let bad = syntaxError([0x22] + Array(repeating: 0x61, count: k) + [0xFF, 0x22, 0x20])
            XCTAssertEqual(bad?.message, "text is not valid UTF-8", "k=\(k)")
            XCTAssertEqual(bad?.offset, k + 1, "k=\(k)")
            let control = syntaxError([0x22] + Array(repeating: 0x61, count: k) + [0x0A, 0x22])
            XCTAssertEqual(control?.offset, k + 1, "k=\(k)")
        }
    }

    func testLiteralsMustEndThere() {
        XCTAssertNotNil(syntaxError("nullx"))
        XCTAssertNotNil(syntaxError("truex"))
        XCTAssertNotNil(syntaxError("nul"))
        XCTAssertNotNil(syntaxError("True"))
        XCTAssertNotNil(syntaxError("[true1]"))
    }

    func testObjectsAndArraysKeepOrder() throws {
        XCTAssertEqual(
            try value(#"{"b": 1, "a": [true, null, {}], "c": {"x": []}}"#),
            .object([
                JSONField("b", .number("1")),
                JSONField("a", .array([.bool(true), .null, .object([])])),
                JSONField("c", .object([JSONField("x", .array([]))])),
            ]))
        XCTAssertEqual(try value("[ ]"), .array([]))
        XCTAssertEqual(try value("{ }"), .object([]))
        XCTAssertEqual(
            try value(#"{"a":1,"b":2}"#), .object([JSONField("a", .number("1")), JSONField("b", .number("2"))]))
    }

    func testADuplicateKeyIsASyntaxErrorAtTheSecondKey() {
        XCTAssertEqual(syntaxError(#"{"a":1,"a":2}"#)?.offset, 7)
        XCTAssertEqual(
            syntaxError(#"{"a":1,"a":2}"#)?.message, #"duplicate key "a": a key may appear once in an object"#)
        XCTAssertEqual(syntaxError(#"{"a":1,"a":2}"#)?.offset, 7, "an escaped key is the same key")
        XCTAssertEqual(syntaxError(#"[{"x":{"y":[{"z":1,"z":1}]}}]"#)?.offset, 19)
        // Many keys: compared through a set, still exactly.
        let many = "{" + (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + ", \"k42\": 0}"
        XCTAssertEqual(syntaxError(many)?.message, #"duplicate key "k42": a key may appear once in an object"#)
        XCTAssertNil(syntaxError("{" + (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}"))
    }

    func testStructuralErrors() {
        XCTAssertNotNil(syntaxError("[1,]"))
        XCTAssertNotNil(syntaxError("[1 2]"))
        XCTAssertNotNil(syntaxError("{\"a\" 1}"))
        XCTAssertNotNil(syntaxError("{\"a\": 1,}"))
        XCTAssertNotNil(syntaxError("{a: 1}"))
        XCTAssertNotNil(syntaxError("{'a': 1}"))
        XCTAssertNotNil(syntaxError("[1"))
        XCTAssertNotNil(syntaxError("{\"a\": 1"))
        XCTAssertNotNil(syntaxError("{} {}"))
        XCTAssertNotNil(syntaxError(""))
        XCTAssertNotNil(syntaxError("   "))
        XCTAssertEqual(syntaxError("[1] x")?.message, "unexpected 'x' after the end of the document")
        XCTAssertEqual(syntaxError("[1] x")?.offset, 4)
        XCTAssertEqual(syntaxError("[1,]")?.offset, 3)
    }

    func testNestingIsLimitedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertNotNil(syntaxError(deep)?.message.contains("nesting"))
        XCTAssertEqual(syntaxError(deep)?.message.contains("nesting"), true)
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        XCTAssertNil(syntaxError(ok))
    }

    func testByteOrderMarkIsSkipped() throws {
        let v = try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) { r in try r.readValue() }
        XCTAssertEqual(v, .array([.number("1")]))
    }

    func testPeekKind() throws {
        let kinds: [(String, JSONReader.Kind)] = [
            ("{}", .object), ("[]", .array), ("\"\"", .string), ("-1", .number),
            ("7", .number), ("true", .bool), ("false", .bool), ("null", .null),
        ]
        for (text, kind) in kinds {
            XCTAssertEqual(try JSONReader.parse(Array(text.utf8)) { r in try r.peekKind() }, kind, text)
        }
        XCTAssertEqual(JSONReader.Kind.object.typeName, "an object")
        XCTAssertEqual(JSONReader.Kind.null.typeName, "null")
    }

    func testLineAndColumnCountCharactersNotBytes() {
        let text = Array("{\n  \"네이버\": x\n}".utf8)
        // 'x' is on line 2 after two spaces, a quote, three Hangul syllables, a quote, ':' and a space.
        let x = text.firstIndex(of: UInt8(ascii: "x"))!
        XCTAssertEqual(JSONReader.lineAndColumn(of: x, in: text).line, 2)
        XCTAssertEqual(JSONReader.lineAndColumn(of: x, in: text).column, 10)
        XCTAssertEqual(JSONReader.lineAndColumn(of: 0, in: text).line, 1)
        XCTAssertEqual(JSONReader.lineAndColumn(of: 0, in: text).column, 1)
        // The offset just past the end is the position after the last character.
        let end = JSONReader.lineAndColumn(of: text.count, in: text)
        XCTAssertEqual(end.line, 3)
        XCTAssertEqual(end.column, 2)
    }

    func testTypedReadsRefuseOtherKinds() {
        XCTAssertThrowsError(try JSONReader.parse(Array("1".utf8)) { r in try r.readString() })
        XCTAssertThrowsError(try JSONReader.parse(Array("\"1\"".utf8)) { r in try r.readNumber() })
        XCTAssertThrowsError(try JSONReader.parse(Array("null".utf8)) { r in try r.readBool() })
        XCTAssertThrowsError(try JSONReader.parse(Array("[]".utf8)) { r in try r.beginObject() })
        XCTAssertThrowsError(try JSONReader.parse(Array("{}".utf8)) { r in try r.beginArray() })
    }
}
