import DealKit
import Foundation
import TestSupport
import XCTest

final class CLIConcurrencyTests: XCTestCase {
    /// Starts every command at once, then waits for them all; returns their exit statuses and standard errors.
    private func runTogether(_ commands: [[String]]) throws -> [(status: Int32, stderr: String, stdout: String)] {
        let dir = try TemporaryDirectory.make()
        var processes: [(Process, URL, URL)] = []
        for (i, args) in commands.enumerated() {
            let p = Process()
            p.executableURL = SovtrackProcess.binary
            p.arguments = args
            p.environment = [
                "LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": NSTemporaryDirectory(), "SOVTRACK_LOCK_TIMEOUT": "60",
            ]
            // Output goes to files, so that no pipe can fill and stall a writer.
            let out = dir.appendingPathComponent("out.\(i)")
            let err = dir.appendingPathComponent("err.\(i)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            p.standardOutput = try FileHandle(forWritingTo: out)
            p.standardError = try FileHandle(forWritingTo: err)
            p.standardInput = FileHandle.nullDevice
            processes.append((p, out, err))
        }
        for (p, _, _) in processes { try p.run() }
        return processes.map { p, out, err in
            p.waitUntilExit()
            return (p.terminationStatus, CLI.text(err) ?? "", CLI.text(out) ?? "")
        }
    }

    func testParallelAddsAllLand() throws {
        let store = try CLI.copy(CLI.fixture)
        // Six writers (twelve in the whole suite) on two cores: every one of them waits for the lock held by another.
        let n = TestScale.count(quick: 6, full: 12)
        let ids = (0..<n).map { "parallel-\($0)" }
        let results = try runTogether(
            ids.map {
                [
                    "add", "--store", store.path, "--id", $0, "--title", "Parallel \($0)", "--country", "KR",
                    "--announced", "2026",
                    "--initial-mw", "1", "--source", "https://x.test/\($0)",
                ]
            })
        for (i, r) in results.enumerated() {
            XCTAssertEqual(r.status, 0, "add \(i): \(r.stderr)")
            XCTAssertEqual(r.stdout, "added parallel-\(i)\n")
        }
        let feed = FeedDecoder.decode(CLI.bytes(store)!)
        XCTAssertFalse(feed.hasErrors, feed.issues.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(feed.feed.deals.count, 5 + n)
        for id in ids { XCTAssertTrue(feed.feed.deals.contains { $0.id == id }, id) }
        XCTAssertEqual(FeedEncoder.encode(feed.feed), CLI.bytes(store), "still canonical")
        let names = CLI.files(in: store.deletingLastPathComponent())
        XCTAssertEqual(names.filter { $0.contains(".tmp") }, [], "no temporary file left")
        XCTAssertEqual(
            names, ["deals.json", "deals.json.bak.1", "deals.json.bak.2", "deals.json.bak.3", "deals.json.lock"])
        let summary = try CLI.run("summary", "--store", store.path, "--format", "csv", "--country", "KR")
        // The bundled three Korean deals and the added ones, 1 MW each.
        XCTAssertTrue(
            summary.stdout.contains("\r\nKR,South Korea,\(3 + n),\(55 + n),\(2000 + n),,0,1,"), summary.stdout)
    }

    func testReadersDuringWritesAlwaysSeeAWholeFeed() throws {
        let store = try CLI.copy(CLI.fixture)
        var commands: [[String]] = []
        // Eight writers beside eight readers in the whole suite, five of each in a plain run.
        let writers = TestScale.count(quick: 5, full: 8)
        for i in 0..<writers {
            commands.append(["edit", "kr-skt-nvidia-ai-cloud", "--store", store.path, "--target-mw", String(1000 + i)])
            commands.append(["list", "--store", store.path, "--format", "json"])
        }
        let results = try runTogether(commands)
        for (i, r) in results.enumerated() {
            XCTAssertEqual(r.status, 0, "\(commands[i]): \(r.stderr)")
            if commands[i][0] == "list" {
                let feed = FeedDecoder.decode(Array(r.stdout.utf8))
                XCTAssertFalse(feed.hasErrors, "a reader saw a partial file")
                XCTAssertEqual(feed.feed.deals.count, 5)
            }
        }
        let final = FeedDecoder.decode(CLI.bytes(store)!).feed
        let target = final.deals.first { $0.id == "kr-skt-nvidia-ai-cloud" }?.capacity?.targetMW
        XCTAssertNotNil(target)
        XCTAssertTrue((1000..<(1000 + writers)).contains(Int(target ?? 0)))
    }

    func testParallelAddsOfTheSameIdAddItOnce() throws {
        let store = try CLI.copy(CLI.fixture)
        let results = try runTogether(
            (0..<8).map { i in
                [
                    "add", "--store", store.path, "--id", "same", "--title", "Attempt \(i)", "--country", "KR",
                    "--announced", "2026",
                    "--source", "https://x.test",
                ]
            })
        XCTAssertEqual(results.filter { $0.status == 0 }.count, 1)
        for r in results where r.status != 0 {
            XCTAssertEqual(r.status, 65)
            XCTAssertEqual(r.stderr, "sovtrack: a deal with id \"same\" already exists\n")
        }
        let feed = FeedDecoder.decode(CLI.bytes(store)!)
        XCTAssertFalse(feed.hasErrors)
        XCTAssertEqual(feed.feed.deals.filter { $0.id == "same" }.count, 1)
    }
}
