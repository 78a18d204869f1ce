import Foundation
import XCTest
@testable import DealTUI

/// Compares a rendered grid with a text file beside the tests.
///
/// The files live in `Tests/DealTUITests/.snapshots/`: a hidden folder, because SwiftPM
/// warns about every unhandled file in a target's folder and skips hidden ones. A missing
/// file is written and the test fails once; `SOVTRACK_RECORD_SNAPSHOTS=1` rewrites them all.
func assertSnapshot(_ grid: CellGrid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(".snapshots")
    let url = dir.appendingPathComponent("\(name).txt")
    let actual = grid.text()
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
            let el = i < e.count ? String(e[i]) : "", al = i < a.count ? String(a[i]) : ""
            if el != al { diff += "line \(i + 1):\n- \(el)\n+ \(al)\n" }
        }
        XCTFail("snapshot \(name) differs:\n\(diff)", file: file, line: line)
    }
}
