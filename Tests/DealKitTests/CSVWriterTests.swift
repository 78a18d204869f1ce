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
        let values = [
            "plain", "", "a,b", "say \"hi\"", "line1\nline2", "cr\rx", "crlf\r\nx", "\"", ",", "=1+1", "+1", "-5", "@x",
            "\tx", "\rx", "=a,\"b\"\nc", "'", "'abc", "''", "it's", "네이버", "هيوماين", "  padded  ", "=", "-", "'x'",
            "; ;",
        ]
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

    func testEveryListItemIsNeutralised() throws {
        // Issue 11: a spreadsheet splitting on `;` must not find a formula in any item.
        XCTAssertEqual(
            CSVWriter.list(["NVIDIA", "=1+1", "+x", "-y", "@z", "'=q", "ok"]), "NVIDIA;'=1+1;'+x;'-y;'@z;''=q;ok")
        XCTAssertEqual(
            CSVWriter.field(CSVWriter.list(["=1+1", "=2"])), "'=1+1;'=2", "the first item is the cell's start")
        for items in [
            ["=1+1", "NVIDIA"], ["'=x", "'=y"], ["NVIDIA", "=HYPERLINK(\"http://x\")"], ["-1", "@a", "+b"],
        ] {
            let line = CSVWriter.line(["x", CSVWriter.list(items)])
            for part in line.split(whereSeparator: { $0 == ";" || $0 == "," }).map({
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r\n"))
            }) {
                XCTAssertFalse(part.first.map { "=+-@".contains($0) } ?? false, "\(line): \(part)")
            }
            let cell = try XCTUnwrap(CSVReader.parse(Array(line.utf8)).first?.fields[1])
            XCTAssertEqual(DealCSV.list(CSVWriter.restore(cell)), items, "read back exactly")
        }
    }

    func testForDisplayShowsControlsAsPlaceholdersAndKeepsFormulaDefence() {
        XCTAssertEqual(
            CSVWriter.line(["a\u{1B}]52;c;x\u{7}", "\u{9B}2J", "x\ny", "=1"], forDisplay: true),
            "a␛]52;c;x␇,\u{FFFD}2J,x\u{2424}y,'=1\r\n")
        XCTAssertEqual(CSVWriter.line(["a\u{1B}", "x\ny"]), "a\u{1B},\"x\ny\"\r\n", "a file keeps the data")
        XCTAssertEqual(CSVWriter.line(["\t=1"], forDisplay: true), "␉=1\r\n")
    }
}
