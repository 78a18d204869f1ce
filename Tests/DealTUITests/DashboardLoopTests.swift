import DealKit
import XCTest

@testable import DealTUI

/// (Not `@MainActor` itself: swift-corelibs-xctest cannot call actor-isolated test methods; tests run on the main thread, so each asserts that.)
final class DashboardLoopTests: XCTestCase {
    func testOptionsDefaultToColorAndMouse() {
        let o = DashboardOptions()
        XCTAssertTrue(o.color)
        XCTAssertTrue(o.mouse)
    }

    func testTheLoopPaintsReducesAndQuits() throws {
        try MainActor.assumeIsolated {
            let t = FakeTerminal(events: [
                .char("2"), .down, .resize(rows: 30, cols: 100), .control("l"), .char("q"), .char("3"),
            ])
            var loop = DashboardLoop(
                state: TestFeeds.state(try TestFeeds.bundled()), terminal: t, exportDirectory: NSTemporaryDirectory())
            loop.run()
            XCTAssertEqual(t.events, [.char("3")], "q ends the loop")
            XCTAssertEqual(t.invalidated, 1)
            XCTAssertEqual(t.frames.last?.cols, 100)
            XCTAssertEqual(loop.state.view, .deals)
        }
    }

    func testExportWritesTheFileAndShowsItsPath() throws {
        try MainActor.assumeIsolated {
            let dir = NSTemporaryDirectory() + "sovtrack-export-\(UInt32.random(in: 0...UInt32.max))"
            try FileSystem.makeDirectories(dir)
            let t = FakeTerminal(events: [.char("2"), .char("x"), .char("j")])
            var loop = DashboardLoop(state: TestFeeds.state(try TestFeeds.bundled()), terminal: t, exportDirectory: dir)
            loop.stamp = { "20260610-120000" }
            loop.run()
            let path = dir + "/sovtrack-deals-20260610-120000.json"
            XCTAssertTrue(FileSystem.exists(path))
            XCTAssertEqual(FeedDecoder.decode(try FileSystem.read(path)).feed.deals.count, 5)
            // The frame after the export shows the path; the q that follows clears the message.
            let footer = t.frames.last?.line(23) ?? ""
            XCTAssertTrue(footer.contains("exported 5 deals") && footer.contains("sovtrack-deals-2026"), footer)
        }
    }

    /// An export is not the store: its failure says what failed, and not that "the store is unchanged".
    func testAFailedExportSaysWhyWithoutMentioningTheStore() throws {
        try MainActor.assumeIsolated {
            let dir = NSTemporaryDirectory() + "sovtrack-export-missing-\(UInt32.random(in: 0...UInt32.max))"
            let t = FakeTerminal(events: [.char("2"), .char("x"), .char("c")])
            var loop = DashboardLoop(state: TestFeeds.state(try TestFeeds.bundled()), terminal: t, exportDirectory: dir)
            loop.stamp = { "20260610-120000" }
            // Stop once the export is done, before a key clears its message.
            loop.shouldStop = { t.events.isEmpty }
            loop.run()
            let message = loop.state.message ?? ""
            XCTAssertTrue(loop.state.isError)
            XCTAssertEqual(
                message,
                "export failed: \(dir)/sovtrack-deals-20260610-120000.csv: cannot write: No such file or directory")
            XCTAssertFalse(message.contains("store"), message)
        }
    }

    func testTwoExportsInTheSameSecondNeverOverwrite() throws {
        try MainActor.assumeIsolated {
            let dir = NSTemporaryDirectory() + "sovtrack-export-\(UInt32.random(in: 0...UInt32.max))"
            try FileSystem.makeDirectories(dir)
            let first = dir + "/sovtrack-deals-20260610-120000.csv"
            try FileSystem.writeAtomically(Array("mine".utf8), to: first)
            let t = FakeTerminal(events: [.char("2"), .char("x"), .char("c"), .char("x"), .char("c")])
            var loop = DashboardLoop(state: TestFeeds.state(try TestFeeds.bundled()), terminal: t, exportDirectory: dir)
            loop.stamp = { "20260610-120000" }
            loop.run()
            XCTAssertEqual(
                String(decoding: try FileSystem.read(first), as: UTF8.self), "mine", "the existing file is untouched")
            XCTAssertTrue(FileSystem.exists(dir + "/sovtrack-deals-20260610-120000-2.csv"))
            XCTAssertTrue(FileSystem.exists(dir + "/sovtrack-deals-20260610-120000-3.csv"))
            let names = try FileManager.default.contentsOfDirectory(atPath: dir)
            XCTAssertEqual(names.count, 3, "no temporary file left: \(names)")
        }
    }

    func testAStopRequestEndsTheLoop() throws {
        try MainActor.assumeIsolated {
            let t = FakeTerminal(events: [.down, .down, .down])
            var loop = DashboardLoop(state: TestFeeds.state(try TestFeeds.bundled()), terminal: t, exportDirectory: ".")
            var reads = 0
            loop.shouldStop = {
                reads += 1
                return reads > 2
            }
            loop.run()
            XCTAssertEqual(t.events.count, 1, "two reads, then the stop request is seen")
        }
    }
}
