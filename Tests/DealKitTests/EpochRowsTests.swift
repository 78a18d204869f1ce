import XCTest

@testable import DealKit

/// The rows of an Epoch file, kept as positions and read again from the file's bytes.
final class EpochRowsTests: XCTestCase {
    /// A file with every shape of row CSV allows: a BOM, CRLF and a lone CR, blank lines, quoted
    /// commas, doubled quotes and line breaks inside a cell, a short row, and no final line break.
    static let tricky: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            ("Name,Country,Status,Note\r\n" + "A,France,Existing,plain\r\n" + "\n\r\n"
                + "\"B, with comma\",France,Planned,\"say \"\"hi\"\"\nsecond line\r\nthird\"\n"
                + "C,Germany\rD,Japan,Existing,\"\"\n" + "\n\nE,\"Korea (Republic of)\",Existing,last").utf8)

    func testEveryRowReadsAgainAsTheParserReadItAtFirst() throws {
        let records = try CSVReader.parse(Self.tricky)
        let rows = try EpochRows.read(Self.tricky)
        XCTAssertEqual(rows.header.cells, records[0].fields)
        XCTAssertEqual(rows.count, records.count - 1)
        for (i, record) in records.dropFirst().enumerated() {
            XCTAssertEqual(rows[i].fields, record.fields, "row \(i)")
            XCTAssertEqual(rows[i].line, record.line, "row \(i)")
        }
        // In any order, and as often as asked.
        for i in (0..<rows.count).reversed() { XCTAssertEqual(rows[i].fields, records[i + 1].fields) }
        var seen: [Int] = []
        rows.forEachRow { i, row in
            seen.append(i)
            XCTAssertEqual(row, rows[i])
        }
        XCTAssertEqual(seen, Array(0..<rows.count))
        var names: [String] = []
        rows.forEachName { _, name in names.append(name) }
        XCTAssertEqual(names, ["A", "B, with comma", "C", "D", "E"])
        XCTAssertEqual(rows[1].line, 5, "the line the quoted row starts on, blank lines counted")
        XCTAssertEqual(rows[4].line, 12)
    }

    func testAFileIsCheckedWholeBeforeItsRowsAreKept() throws {
        // A syntax error anywhere refuses the file, before the header is looked at.
        guard case .syntax(let e)? = refusal("id,title\nA,\"open\n") else { return XCTFail("no syntax error") }
        XCTAssertEqual(e.line, 2)
        guard case .syntax? = refusal([0x4E, 0xFF, 0x0A]) else { return XCTFail("invalid UTF-8 is a syntax error") }
        XCTAssertEqual(refusal("id,title\n"), .notEpoch(missing: ["Name", "Country", "Status"]))
        XCTAssertEqual(refusal(""), .empty)
        XCTAssertEqual(refusal("\n\r\n"), .empty)
        XCTAssertEqual(try EpochRows.read(Array("Name,Country,Status\n".utf8)).count, 0)
    }

    private func refusal(_ text: String) -> EpochImport.Refusal? { refusal(Array(text.utf8)) }

    private func refusal(_ bytes: [UInt8]) -> EpochImport.Refusal? {
        do {
            _ = try EpochRows.read(bytes)
            return nil
        } catch { return error }
    }
}
