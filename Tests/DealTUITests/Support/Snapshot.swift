import Foundation
import XCTest

@testable import DealTUI

/// Compares a rendered grid, its text and its cells' styles, with a file beside the tests.
///
/// The files live in `Tests/DealTUITests/.snapshots/`: a hidden folder, because SwiftPM
/// warns about every unhandled file in a target's folder and skips hidden ones. A missing
/// file is written and the test fails once; `SOVTRACK_RECORD_SNAPSHOTS=1` rewrites them all.
func assertSnapshot(_ grid: CellGrid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(".snapshots")
    let url = dir.appendingPathComponent("\(name).txt")
    let actual = snapshot(grid)
    let record = ProcessInfo.processInfo.environment["SOVTRACK_RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !record { XCTFail("recorded snapshot \(name); check it and run again", file: file, line: line) }
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff = ""
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : ""
            let al = i < a.count ? String(a[i]) : ""
            if el != al { diff += "line \(i + 1):\n- \(el)\n+ \(al)\n" }
        }
        XCTFail("snapshot \(name) differs:\n\(diff)", file: file, line: line)
    }
}

/// What a snapshot file holds: the grid's text, then a line `styles:` and, for every row with
/// a cell not in the normal style, the row's number and its runs of one style each
/// (`3: 0-79 headerBar bold`), so that a colour or attribute that changes fails the test too.
func snapshot(_ grid: CellGrid) -> String {
    var out = grid.text() + "styles:\n"
    for y in 0..<grid.rows {
        var runs: [String] = []
        var x = 0
        while x < grid.cols {
            let style = grid.cells[y * grid.cols + x].style
            var end = x
            while end + 1 < grid.cols && grid.cells[y * grid.cols + end + 1].style == style { end += 1 }
            if style != .normal { runs.append("\(x)-\(end) \(describe(style))") }
            x = end + 1
        }
        if !runs.isEmpty { out += "\(y): " + runs.joined(separator: ", ") + "\n" }
    }
    return out
}

/// A style as its role and the attributes it has: `tabActive bold reverse`.
private func describe(_ s: Style) -> String {
    var words = ["\(s.role)"]
    if s.bold { words.append("bold") }
    if s.reverse { words.append("reverse") }
    if s.underline { words.append("underline") }
    return words.joined(separator: " ")
}
