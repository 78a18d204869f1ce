import XCTest

@testable import DealKit

final class NumberGrammarTests: XCTestCase {
    private func refusal(_ t: String) -> String? {
        if case .failure(let r) = NumberGrammar.parse(t) { return r.description }
        return nil
    }

    func testPlainGroupedAndDecimalNumbers() {
        for (text, value) in [
            ("0", 0.0), ("55", 55), ("1500", 1500), ("1,500", 1500), ("12,345,678", 12_345_678), ("1_500", 1500),
            ("1.5", 1.5), ("0.03", 0.03), (".5", 0.5), ("1,500.25", 1500.25), (" 7 ", 7), ("-5", -5),
        ] {
            XCTAssertEqual(NumberGrammar.value(text), value, text)
        }
    }

    func testADecimalCommaIsRefusedWithHowToWriteIt() throws {
        let r = try XCTUnwrap(refusal("1,5"))
        XCTAssertTrue(r.contains("\"1,5\" has a comma that does not separate thousands (did you mean 1.5?)"), r)
        XCTAssertTrue(r.contains("1,500"), r)
        for t in ["12,50", "1,5000", "1,500,00", "1.500,5", "1,5.0"] { XCTAssertNotNil(refusal(t), t) }
    }

    func testAnythingElseIsNotANumber() {
        for t in [",,,5", ",5", "1,", "", "1e3", "0x10", "nan", "inf", "1.2.3", "5 MW", "1,500_000", "١٢", "--5", "1."]
        {
            XCTAssertNotNil(refusal(t), t)
            XCTAssertNil(NumberGrammar.value(t), t)
        }
        XCTAssertTrue(refusal(String(repeating: "9", count: 400))?.contains("too large") == true)
        // Issue 11: a figure that underflows to 0 is refused, not turned into 0.
        XCTAssertTrue(refusal("0." + String(repeating: "0", count: 400) + "1")?.contains("too small") == true)
        XCTAssertEqual(NumberGrammar.value("0.000"), 0)
        for t in ["0x1p-2", "1e-400", "-inf", "Infinity", "+5"] { XCTAssertNil(NumberGrammar.value(t), t) }
    }

    func testWholeNumbers() {
        XCTAssertEqual(try NumberGrammar.parseWhole("1,024").get(), 1024)
        XCTAssertThrowsError(try NumberGrammar.parseWhole("2.5").get())
    }
}
