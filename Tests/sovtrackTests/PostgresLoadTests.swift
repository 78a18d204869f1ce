import DealKit
import Foundation
import TestSupport
import XCTest

/// The database store under many writers at once (issue 16's load): 8 processes, each with
/// its own connection, making 250 edits (`sovtrack-bench pg-writer`), every third to one of
/// two deals they all edit, each to the deal as its writer last saw it, as at a dashboard.
///
/// A plain run makes 25 edits a writer; the whole suite (`SOVTRACK_TEST_FULL=1`,
/// scripts/full-tests.sh, run by .ci/run) the 250.
final class PostgresLoadTests: XCTestCase {
    /// One line a writer printed: an edit it made, or a conflict it was told of.
    private struct Line {
        var writer: Int
        var edit: Int
        var deal: String
        /// The store's generation the edit's commit made (nil for a conflict).
        var generation: Int?
        /// The title the writer saw and replaced, or (a conflict) the one it saw, out of date.
        var seen: String
        /// The title it wrote, or (a conflict) the one the deal had instead.
        var title: String
    }

    func testEightWritersLoseNoUpdateAndAreToldOfEveryConflict() throws {
        let db = try PostgresTestDatabase.make(self)
        let writers = 8
        let edits = TestScale.count(quick: 10, full: 250)
        let base = FeedDecoder.decode(CLI.bytes(CLI.fixture)!).feed
        var deals: [Deal] = []
        for (i, id) in ((0..<writers).map { "kr-load-own-\($0)" } + ["kr-load-shared-0", "kr-load-shared-1"])
            .enumerated()
        {
            var d = base.deals[i % base.deals.count]
            d.id = id
            d.title = "start \(id)"
            deals.append(d)
        }
        deals.sort { $0.id < $1.id }
        let file = try CLI.write(
            String(decoding: FeedEncoder.encode(Feed(updated: base.updated, deals: deals)), as: UTF8.self),
            as: "load.json")
        XCTAssertEqual(try db.run("db", "load", file.path).status, 0)
        let start = try XCTUnwrap(Int(try db.sql("SELECT generation FROM sovtrack_feed")))

        let bench = SovtrackProcess.binary.deletingLastPathComponent().appendingPathComponent("sovtrack-bench")
        let dir = try TemporaryDirectory.make()
        var running: [(process: Process, input: Pipe, output: URL)] = []
        for w in 0..<writers {
            let p = Process()
            p.executableURL = bench
            p.arguments = [
                "pg-writer", "--store", db.url, "--writer", String(w), "--edits", String(edits),
                "--own", "kr-load-own-\(w)", "--shared", "kr-load-shared-0,kr-load-shared-1", "--wait",
            ]
            p.environment = db.env.merging(["LANG": "C.UTF-8", "HOME": dir.path]) { a, _ in a }
            let output = dir.appendingPathComponent("writer-\(w).jsonl")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            p.standardOutput = try FileHandle(forWritingTo: output)
            let input = Pipe()
            p.standardInput = input
            try p.run()
            running.append((p, input, output))
        }
        // Every writer has read its deals before any edits: each then edits what may be out of date.
        let deadline = Date().addingTimeInterval(60)
        while !running.allSatisfy({ (CLI.text($0.output) ?? "").hasPrefix("ready\n") }) {
            XCTAssertLessThan(Date(), deadline, "the writers did not get ready")
            if Date() > deadline { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        for r in running { r.input.fileHandleForWriting.write(Data("go\n".utf8)) }
        var made: [Line] = []
        var conflicts: [Line] = []
        var reported = 0
        for (w, r) in running.enumerated() {
            r.process.waitUntilExit()
            XCTAssertEqual(r.process.terminationStatus, 0, "writer \(w)")
            for text in CLI.lines(CLI.text(r.output) ?? "").dropFirst() {
                let o = try XCTUnwrap(
                    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
                if let n = o["conflicts"] as? Int {
                    reported += n
                    XCTAssertEqual(o["edits"] as? Int, edits)
                    continue
                }
                let line = Line(
                    writer: o["writer"] as! Int, edit: o["edit"] as! Int, deal: o["deal"] as! String,
                    generation: o["generation"] as? Int, seen: (o["seen"] ?? o["conflict"]) as! String,
                    title: (o["title"] ?? o["current"]) as! String)
                if line.generation == nil { conflicts.append(line) } else { made.append(line) }
            }
        }

        // Every edit was made once, each by a commit of its own, and nothing else was committed.
        XCTAssertEqual(made.count, writers * edits)
        made.sort { $0.generation! < $1.generation! }
        XCTAssertEqual(made.map { $0.generation! }, Array(start + 1...start + writers * edits))
        // No lost update: replayed in commit order, each edit replaced exactly what its writer
        // saw, so none was made to an out-of-date deal; and the store ends as the replay does.
        var expected = Dictionary(uniqueKeysWithValues: deals.map { ($0.id, $0) })
        for e in made {
            XCTAssertEqual(
                expected[e.deal]?.title, e.seen, "writer \(e.writer) edit \(e.edit) was made to a stale deal")
            expected[e.deal]?.title = e.title
        }
        let final = FeedDecoder.decode(Array(try db.dump().utf8)).feed
        XCTAssertEqual(final.deals, expected.values.sorted { $0.id < $1.id })
        for d in deals {
            let count = made.filter { $0.deal == d.id }.count
            XCTAssertEqual(try db.sql("SELECT version FROM sovtrack_deals WHERE id = '\(d.id)'"), String(1 + count))
        }
        // Every conflict was told: the writers read the shared deals before any edits, so the
        // first edit of all but one writer per shared deal meets one at least.
        XCTAssertEqual(conflicts.count, reported)
        XCTAssertGreaterThanOrEqual(reported, writers - 2)
        for c in conflicts { XCTAssertNotEqual(c.seen, c.title, "a conflict over a deal that had not changed") }
        // The history holds each edit once: undoing it all gives back the deals as loaded.
        XCTAssertEqual(try db.sql("SELECT count(*) FROM sovtrack_revisions"), String(writers * edits))
        XCTAssertEqual(try History.feed(final, asOf: 20_000_101).deals, deals)
        XCTAssertEqual(try db.run("validate").status, 0)
    }
}
