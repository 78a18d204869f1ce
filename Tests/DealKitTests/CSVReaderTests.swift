import XCTest

@testable import DealKit

final class CSVReaderTests: XCTestCase {
    private func fields(_ text: String) throws -> [[String]] { try CSVReader.parse(Array(text.utf8)).map(\.fields) }

    private func error(_ bytes: [UInt8]) -> CSVError? {
        do {
            _ = try CSVReader.parse(bytes)
            return nil
        } catch let e as CSVError { return e } catch { return nil }
    }

    func testPlainRecordsWithLFOrCRLF() throws {
        XCTAssertEqual(try fields("a,b,c\n1,2,3\n"), [["a", "b", "c"], ["1", "2", "3"]])
        XCTAssertEqual(try fields("a,b,c\r\n1,2,3\r\n"), [["a", "b", "c"], ["1", "2", "3"]])
        XCTAssertEqual(try fields("a,b\r\n1,2"), [["a", "b"], ["1", "2"]], "no final line break")
        XCTAssertEqual(try fields("a\r1\r"), [["a"], ["1"]], "a lone CR ends a record too")
    }

    func testEmptyFieldsAndBlankLines() throws {
        XCTAssertEqual(try fields("a,,c\n,,\n"), [["a", "", "c"], ["", "", ""]])
        XCTAssertEqual(try fields("a,b\n\n\r\n1,2\n\n"), [["a", "b"], ["1", "2"]], "blank lines are skipped")
        XCTAssertEqual(try fields(""), [])
        XCTAssertEqual(try fields("x,"), [["x", ""]])
    }

    func testQuotedFields() throws {
        XCTAssertEqual(try fields(#""a,b","say ""hi""",plain"#), [["a,b", #"say "hi""#, "plain"]])
        XCTAssertEqual(try fields("\"line1\nline2\",\"cr\rlf\r\n\",x\r\n"), [["line1\nline2", "cr\rlf\r\n", "x"]])
        XCTAssertEqual(try fields(#""",x"#), [["", "x"]])
        XCTAssertEqual(try fields(#"x,"""#), [["x", ""]])
        XCTAssertEqual(try fields("\"\"\"\""), [["\""]])
    }

    func testLineNumbersCountLineBreaksInsideQuotes() throws {
        let records = try CSVReader.parse(Array("h1,h2\n\"a\nb\",c\n\nd,e\n".utf8))
        XCTAssertEqual(records.map(\.line), [1, 2, 5])
        let crlf = try CSVReader.parse(Array("h\r\nx\r\ny\r\n".utf8))
        XCTAssertEqual(crlf.map(\.line), [1, 2, 3])
    }

    func testNextGivesOneRecordBeforeReadingTheRest() throws {
        var reader = try CSVReader(Array("a,b\n\n1,\"2\n3\"\nx\"y\n".utf8))
        XCTAssertEqual(try reader.next(), CSVRecord(line: 1, fields: ["a", "b"]))
        XCTAssertEqual(try reader.next(), CSVRecord(line: 3, fields: ["1", "2\n3"]))
        XCTAssertThrowsError(try reader.next()) { XCTAssertEqual(($0 as? CSVError)?.line, 5) }
    }

    func testByteOrderMarkAndUnicode() throws {
        XCTAssertEqual(
            try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("id,title\n네이버,鴻海\n".utf8)).map(\.fields),
            [["id", "title"], ["네이버", "鴻海"]])
    }

    func testSyntaxErrors() {
        XCTAssertEqual(
            error(Array("a,b\n\"open,c\nd\n".utf8)), CSVError(line: 2, message: "a quoted field is never closed"))
        XCTAssertEqual(error(Array("a,b\nx\"y,z\n".utf8))?.line, 2)
        XCTAssertEqual(
            error(Array("a,b\nx\"y,z\n".utf8))?.message,
            "a quote inside an unquoted field; quote the whole field and double the quote")
        XCTAssertEqual(error(Array("a\n\"q\"x,y\n".utf8)), CSVError(line: 2, message: "text after a closing quote"))
    }

    func testNonUTF8NamesTheLine() {
        let bytes = Array("id,title\na,ok\nb,".utf8) + [0xE9] + Array("\n".utf8)
        XCTAssertEqual(error(bytes), CSVError(line: 3, message: "text is not valid UTF-8"))
        XCTAssertEqual(error([0xFF]), CSVError(line: 1, message: "text is not valid UTF-8"))
        XCTAssertEqual(CSVError(line: 3, message: "m").description, "3: m")
    }
}
