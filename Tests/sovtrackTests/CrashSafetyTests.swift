import DealKit
import XCTest

#if canImport(Glibc)
    import Glibc
    import TestSupport
#endif

/// Writers killed at any instant, and writers racing each other, never lose or corrupt the store.
final class CrashSafetyTests: XCTestCase {
    /// A store big enough that a save takes a few milliseconds, so kills land mid-save.
    private func bigStore(deals: Int) throws -> URL {
        let dir = try TemporaryDirectory.make()
        let path = dir.appendingPathComponent("deals.json")
        let list = (0..<deals).map { i in
            Deal(
                id: "deal-\(100_000 + i)", title: "Deal \(i) " + String(repeating: "텍스트 ", count: 40), country: "KR",
                announced: PartialDate("2026")!, sources: [Source(url: "https://example.com/\(i)")])
        }
        try Data(FeedEncoder.encode(Feed(updated: PartialDate("2026-01-01"), deals: list))).write(to: path)
        return path
    }

    func testKillingAWriterAtRandomMomentsLeavesTheOldOrTheNewStoreWhole() throws {
        let store = try bigStore(deals: 1500)
        var rng = seededRandom(0xC0FFEE)
        var sawOld = 0
        var sawNew = 0
        // Time one whole run, so the kills spread over start-up, load, save and exit.
        let start = Date()
        XCTAssertEqual(
            try SovtrackProcess.run(["edit", "deal-100007", "--notes", "calibrate", "--store", store.path]).status, 0)
        let span = UInt32(min(2.0, Date().timeIntervalSince(start)) * 1_100_000)
        // A plain run kills 6 writers; the whole suite (SOVTRACK_TEST_FULL=1, from .ci/run) 200.
        for i in 0..<TestScale.count(quick: 6, full: 200) {
            let before = try Data(contentsOf: store)
            let p = Process()
            p.executableURL = SovtrackProcess.binary
            p.arguments = ["edit", "deal-100007", "--notes", "kill \(i)", "--store", store.path]
            p.environment = ["LANG": "C.UTF-8"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: 0...span, using: &rng))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let after = try Data(contentsOf: store)
            let result = FeedDecoder.decode(Array(after))
            XCTAssertFalse(
                result.hasErrors, "iteration \(i): the store does not load: \(result.issues.first?.description ?? "")")
            if after == before {
                sawOld += 1
            } else {
                XCTAssertEqual(result.feed.deals.count, 1500, "iteration \(i)")
                XCTAssertEqual(result.feed.deals.first { $0.id == "deal-100007" }?.notes, "kill \(i)", "iteration \(i)")
                sawNew += 1
            }
        }
        // The next save removes what killed writers left behind.
        let r = try SovtrackProcess.run(["edit", "deal-100007", "--notes", "final", "--store", store.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.deletingLastPathComponent().path)
            .filter { $0.contains(".tmp.") }
        XCTAssertEqual(leftovers, [])
        print("crash test: \(sawOld) kills left the old store, \(sawNew) the new one")
    }

    func testTheDashboardSavePathAndCLIWritersTogetherLoseNothing() throws {
        let store = try SovtrackProcess.bundledStore()
        let writes = TestScale.count(quick: 5, full: 25)
        let group = DispatchGroup()
        final class Failures: @unchecked Sendable {
            var list: [String] = []
            let lock = NSLock()
        }
        let failures = Failures()
        let path = store.path
        group.enter()
        DispatchQueue.global().async {
            defer { group.leave() }
            do {
                var session = try StoreSession(store: Store(path: path, lockTimeout: 30))
                for i in 0..<writes {
                    try session.apply(
                        .add(
                            Deal(
                                id: "tui-\(i)", title: "대시보드 \(i)", country: "JP",
                                announced: PartialDate("2026-Q3")!)))
                }
            } catch {
                failures.lock.lock()
                failures.list.append("session: \(error)")
                failures.lock.unlock()
            }
        }
        for i in 0..<writes {
            let r = try SovtrackProcess.run(
                [
                    "add", "--id", "cli-\(i)", "--title", "CLI \(i)", "--country", "FR",
                    "--announced", "2026", "--store", path,
                ],
                env: ["SOVTRACK_LOCK_TIMEOUT": "30"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        group.wait()
        XCTAssertEqual(failures.list, [])
        let ids = Set(try Store.load(path: path).feed.deals.map(\.id))
        for i in 0..<writes {
            XCTAssertTrue(ids.contains("tui-\(i)"), "tui-\(i) lost")
            XCTAssertTrue(ids.contains("cli-\(i)"), "cli-\(i) lost")
        }
    }
}
