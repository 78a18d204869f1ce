import DealKit
import Foundation
import XCTest

@testable import DealTUI

/// The key map is the one list of keys: no key is bound twice, the reducers follow it, and the
/// user guide's key tables are the map rendered (`UPDATE_DOCS=1 swift test --filter KeyMapTests` rewrites them).
final class KeyMapTests: XCTestCase {
    private static let guide = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/user-guide.md")
    private static let begin =
        "<!-- keys:begin (generated from KeyMap; UPDATE_DOCS=1 swift test --filter KeyMapTests) -->"
    private static let end = "<!-- keys:end -->"

    func testNoEventIsBoundTwice() {
        var seen: [InputEvent: String] = [:]
        for b in KeyMap.bindings {
            for t in b.triggers {
                XCTAssertNil(seen[t.event], "\(t.event) is bound by \"\(seen[t.event] ?? "")\" and by \"\(b.keys)\"")
                seen[t.event] = b.keys
            }
        }
    }

    func testEveryFooterKeyIsInTheMap() {
        for b in KeyMap.bindings {
            guard let f = b.footer, let first = b.triggers.first else { continue }
            XCTAssertEqual(KeyMap.footer(first.action).0, f.keys)
        }
    }

    func testTheHelpOverlayListsEveryBinding() {
        let help = KeyHelp.lines.filter { !$0.isTitle }.map(\.keys)
        for b in KeyMap.bindings { XCTAssertTrue(help.contains(b.keys), b.keys) }
    }

    /// The reducer does what the map says: each key of a view-changing binding changes the view.
    func testTheReducerFollowsTheMap() throws {
        for v in ViewID.allCases {
            let event = try XCTUnwrap(KeyMap.bindings.flatMap(\.triggers).first { $0.action == .view(v) }?.event)
            var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 120)
            AppReducer.reduce(&s, .char("4"))
            AppReducer.reduce(&s, event)
            XCTAssertEqual(s.view, v, "\(event)")
        }
        var s = TestFeeds.state(try TestFeeds.wide(), rows: 30, cols: 120)
        for t in KeyMap.bindings.flatMap(\.triggers) where t.action == .help {
            s.overlay = nil
            AppReducer.reduce(&s, t.event)
            XCTAssertEqual(s.overlay, .help(scroll: 0), "\(t.event)")
        }
        s.overlay = nil
        for t in KeyMap.bindings.flatMap(\.triggers) where t.action == .add {
            AppReducer.reduce(&s, t.event)
            XCTAssertNotNil(s.editing.form, "\(t.event) opens the form")
        }
    }

    func testTheUserGuideKeyTablesAreTheMap() throws {
        let text = try String(contentsOf: Self.guide, encoding: .utf8)
        let from = try XCTUnwrap(text.range(of: Self.begin), "docs/user-guide.md: no \(Self.begin)")
        let to = try XCTUnwrap(
            text.range(of: Self.end, range: from.upperBound..<text.endIndex), "docs/user-guide.md: no \(Self.end)")
        let expected = "\n\n" + KeyMap.markdown + "\n"
        let current = String(text[from.upperBound..<to.lowerBound])
        if current == expected { return }
        if ProcessInfo.processInfo.environment["UPDATE_DOCS"] == "1" {
            try (text[..<from.upperBound] + expected + text[to.lowerBound...]).write(
                to: Self.guide, atomically: true, encoding: .utf8)
            return
        }
        XCTFail(
            "docs/user-guide.md's key tables differ from KeyMap; run UPDATE_DOCS=1 swift test --disable-swift-testing --filter KeyMapTests"
        )
    }
}
