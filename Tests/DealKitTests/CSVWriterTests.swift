import XCTest
@testable import DealKit

final class CSVWriterTests: XCTestCase {
    /// Writes one record and reads it back as the importer does (parse, then restore each cell).
    private func roundTrip(_ cells: [String]) throws -> [String] {
        let records = try CSVReader.parse(Array(CSVWriter.line(cells).utf8))
        XCTAssertEqual(records.count, 1)
        return records.first?.fields.map(CSVWriter.restore) ?? []
    }

    func testPlainCellsAreWrittenAsTheyAre() {
        XCTAssertEqual(CSVWriter.field("NVIDIA"), "NVIDIA")
        XCTAssertEqual(CSVWriter.field(""), "")
        XCTAssertEqual(CSVWriter.field("네이버 鴻海"), "네이버 鴻海")
        XCTAssertEqual(CSVWriter.field("a;b"), "a;b")
        XCTAssertEqual(CSVWriter.field("it's"), "it's")
        XCTAssertEqual(CSVWriter.field("'quoted'"), "'quoted'", "a leading ' before a harmless character is left alone")
    }

    func testQuoting() {
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.field("line1\nline2"), "\"line1\nline2\"")
        XCTAssertEqual(CSVWriter.field("cr\rhere"), "\"cr\rhere\"")
        XCTAssertEqual(CSVWriter.field("\""), "\"\"\"\"")
    }

    func testLineEndsInCRLF() {
        XCTAssertEqual(CSVWriter.line(["a", "b,c", ""]), "a,\"b,c\",\r\n")
        XCTAssertEqual(CSVWriter.line([]), "\r\n")
    }

    func testFormulaNeutralisation() {
        XCTAssertEqual(CSVWriter.field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"")
        XCTAssertEqual(CSVWriter.field("=1+1"), "'=1+1")
        XCTAssertEqual(CSVWriter.field("+1"), "'+1")
        XCTAssertEqual(CSVWriter.field("-1"), "'-1")
        XCTAssertEqual(CSVWriter.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVWriter.field("\tx"), "'\tx")
        XCTAssertEqual(CSVWriter.field("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSVWriter.field("=Pilot, phase 1"), "\"'=Pilot, phase 1\"", "the docs' example")
        XCTAssertEqual(CSVWriter.field("a=b"), "a=b", "only the first character matters")
    }

    func testAValueAlreadyStartingWithTheMarkerGetsOneMore() {
        XCTAssertEqual(CSVWriter.field("'=x"), "''=x")
        XCTAssertEqual(CSVWriter.field("'+1"), "''+1")
    }

    func testRestore() {
        XCTAssertEqual(CSVWriter.restore("'=x"), "=x")
        XCTAssertEqual(CSVWriter.restore("'-1"), "-1")
        XCTAssertEqual(CSVWriter.restore("'\tx"), "\tx")
        XCTAssertEqual(CSVWriter.restore("'abc"), "'abc", "other cells beginning with ' are left alone")
        XCTAssertEqual(CSVWriter.restore("'"), "'")
        XCTAssertEqual(CSVWriter.restore("x'=y"), "x'=y")
    }

    func testExactRoundTrip() throws {
        let values = ["plain", "", "a,b", "say \"hi\"", "line1\nline2", "cr\rx", "crlf\r\nx", "\"", ",", "=1+1", "+1", "-5", "@x",
                      "\tx", "\rx", "=a,\"b\"\nc", "'", "'abc", "''", "it's", "네이버", "هيوماين", "  padded  ", "=", "-", "'x'",
                      "; ;"]
        XCTAssertEqual(try roundTrip(values), values)
        for v in values where !v.isEmpty { XCTAssertEqual(try roundTrip([v]), [v], v.debugDescription) }
    }

    func testCellsThatLookMarkedAlreadyRoundTripExactly() throws {
        let values = ["'=x", "'+1", "'-", "'@a", "''=x", "'\tx", "'plain", "'", "''"]
        let read = try CSVReader.parse(Array(CSVWriter.line(values).utf8)).first?.fields.map(CSVWriter.restore)
        XCTAssertEqual(read, values)
    }

    func testACellStartingWithCRLFIsNeutralised() {
        XCTAssertTrue(CSVWriter.field("\r\n=1").hasPrefix("\"'"), CSVWriter.field("\r\n=1").debugDescription)
    }
}
