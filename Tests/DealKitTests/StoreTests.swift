import Foundation
import TestSupport
import XCTest

@testable import DealKit

final class StoreTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try makeTemporaryDirectory("sovtrack-store")
    }

    private static let day = PartialDate("2026-06-10")!

    private func store(_ name: String = "deals.json", lockTimeout: Double = 5, backups: Int = 3) -> Store {
        Store(
            path: dir.appendingPathComponent(name).path, lockTimeout: lockTimeout, backups: backups,
            today: { StoreTests.day })
    }

    private func bytes(_ path: String) -> [UInt8]? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map(Array.init)
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    private func deal(_ id: String, _ title: String = "T") -> Deal { StoreTests.makeDeal(id, title) }

    private static func makeDeal(_ id: String, _ title: String = "T") -> Deal {
        Deal(id: id, title: title, country: "KR", announced: PartialDate("2026")!, sources: [Source(title: "s")])
    }

    private func fixtureStore() throws -> Store {
        let s = store()
        try Data(try FeedText.fixtureBytes()).write(to: URL(fileURLWithPath: s.path))
        return s
    }

    /// A dashboard's look at a file changed by another writer waits until the file has been
    /// left alone a moment: one being rewritten in place (cp over it) is not read half written.
    func testAWatchSeesAChangeOnceTheFileHasBeenLeftAlone() throws {
        let s = try fixtureStore()
        let snapshot = try s.load()
        XCTAssertEqual(s.watch(since: snapshot), .unchanged)
        var other = snapshot.feed
        other.deals.removeFirst()
        // Written in place, as cp does, a moment ago.
        try Data(FeedEncoder.encode(other)).write(to: URL(fileURLWithPath: s.path))
        XCTAssertTrue(s.changed(since: snapshot))
        XCTAssertEqual(s.watch(since: snapshot), .unchanged, "still being written, as far as the watch can tell")
        var eager = s
        eager.settle = 0
        XCTAssertEqual(eager.watch(since: snapshot), .changed)
        for age in [-3600.0, 1] {
            // Left alone a second; or with a time an hour ahead (a clock set apart): changed, not waited for.
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: s.path)
            XCTAssertEqual(s.watch(since: snapshot), .changed, "modified \(age) s ago")
        }
        try FileManager.default.removeItem(atPath: s.path)
        XCTAssertEqual(s.watch(since: snapshot), .changed, "gone")
    }

    private func assertStoreError(
        _ expected: (StoreError) -> Bool, _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            try body()
            XCTFail("expected a StoreError", file: file, line: line)
        } catch let e as StoreError {
            XCTAssertTrue(expected(e), "unexpected \(e)", file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }

    // MARK: Loading

    func testLoadTheFixture() throws {
        let s = try fixtureStore()
        let snap = try s.load()
        XCTAssertEqual(snap.feed.deals.count, 5)
        XCTAssertNotNil(snap.fingerprint)
        XCTAssertEqual(snap.warnings.filter(\.isError), [])
    }

    func testLoadMissingFile() {
        assertStoreError({ $0 == .notFound(path: self.store().path) }) { _ = try store().load() }
    }

    func testLoadInvalidFileListsItsIssues() throws {
        let s = store()
        try write(
            FeedText.feed([
                FeedText.deal(["country": #""Korea""#]), FeedText.deal(["id": #""b""#, "announced": #""2026-13-45""#]),
            ]), to: s.path)
        assertStoreError({ e in
            guard case .invalid(let p, let issues, _) = e else { return false }
            return p == s.path && issues.filter(\.isError).count == 2 && e.isDataError
                && e.description
                    == #"\#(s.path): deals[0].country: "Korea" is not an ISO 3166-1 alpha-2 code (and 1 more; run `sovtrack validate \#(s.path)`)"#
        }) { _ = try s.load() }
    }

    func testLoadKeepsWarnings() throws {
        let s = store()
        try write(FeedText.feed([FeedText.deal(["sources": nil])]), to: s.path)
        let snap = try s.load()
        XCTAssertEqual(snap.warnings.map(\.description), [#"deals[0]: warning: deal "a" has no source"#])
    }

    func testSelectKeepsTheDealsThatPassAndRefusesAnInvalidStore() throws {
        let s = try fixtureStore()
        let all = try s.load()
        let korean = try s.select(matching: DealFilter(countries: ["KR"]))
        XCTAssertEqual(korean.deals, all.feed.deals.filter { $0.country == "KR" })
        XCTAssertEqual(korean.deals.count, 3)
        XCTAssertEqual(korean.updated, all.feed.updated)
        XCTAssertEqual(korean.warnings, all.warnings)
        XCTAssertEqual(try s.select(matching: DealFilter()).deals, all.feed.deals, "an empty filter keeps every deal")
        let id = all.feed.deals[1].id
        XCTAssertEqual(try s.select { $0.id == id }.deals, [all.feed.deals[1]])

        try write(FeedText.feed([FeedText.deal(["id": #""b""#]), FeedText.deal(["country": #""Korea""#])]), to: s.path)
        assertStoreError({ e in
            guard case .invalid(_, let issues, _) = e else { return false }
            return issues.map(\.description) == [#"deals[1].country: "Korea" is not an ISO 3166-1 alpha-2 code"#]
        }) { _ = try s.select { $0.id == "b" } }
    }

    // MARK: Saving
    // MARK: Saving

    func testLoadAndSaveOfTheFixtureIsByteIdentical() throws {
        let s = try fixtureStore()
        let before = bytes(s.path)
        let snap = try s.load()
        _ = try s.save(snap.feed, expecting: snap.fingerprint)
        XCTAssertEqual(bytes(s.path), before)
        try s.update { _ in }
        XCTAssertEqual(bytes(s.path), before, "an update that changes nothing writes the same bytes")
    }

    func testSaveSortsByIdAndStampsTheDay() throws {
        let s = store()
        try s.update(createIfMissing: true) { feed in feed.deals = [deal("c"), deal("a"), deal("b")] }
        let snap = try s.load()
        XCTAssertEqual(snap.feed.deals.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(snap.feed.updated, StoreTests.day)
    }

    func testAtomicWriteLeavesNoTemporaryFile() throws {
        let s = try fixtureStore()
        for i in 0..<3 { try s.update { $0.deals.append(deal("new-\(i)")) } }
        let names = try files()
        XCTAssertEqual(names.filter { $0.contains(".tmp") }, [])
        XCTAssertEqual(
            names, ["deals.json", "deals.json.bak.1", "deals.json.bak.2", "deals.json.bak.3", "deals.json.lock"])
    }

    func testStaleTemporariesOfAKilledWriterAreRemoved() throws {
        let s = try fixtureStore()
        try write("half a file", to: dir.appendingPathComponent(".deals.json.tmp.99999.1").path)
        try write("other", to: dir.appendingPathComponent(".other.json.tmp.1.1").path)
        try s.update { $0.deals.append(deal("x")) }
        XCTAssertFalse(try files().contains(".deals.json.tmp.99999.1"))
        XCTAssertTrue(try files().contains(".other.json.tmp.1.1"), "only this store's temporaries")
    }

    func testBackupsRotateToThree() throws {
        let s = store()
        try s.update(createIfMissing: true) { $0.deals = [deal("a", "v0")] }
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: s.path + ".bak.1"), "no backup of a file that did not exist")
        for v in 1...5 { try s.update { $0.deals[0].title = "v\(v)" } }
        func title(_ path: String) throws -> String? { try Store.load(path: path).feed.deals.first?.title }
        XCTAssertEqual(try title(s.path), "v5")
        XCTAssertEqual(try title(s.path + ".bak.1"), "v4")
        XCTAssertEqual(try title(s.path + ".bak.2"), "v3")
        XCTAssertEqual(try title(s.path + ".bak.3"), "v2")
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path + ".bak.4"))
        XCTAssertEqual(FileSystem.backupPath(of: "/x/deals.json", 2), "/x/deals.json.bak.2")
    }

    func testNoBackupsWhenDisabled() throws {
        let s = store(backups: 0)
        try s.update(createIfMissing: true) { $0.deals = [deal("a")] }
        try s.update { $0.deals[0].title = "x" }
        XCTAssertEqual(try files(), ["deals.json", "deals.json.lock"])
    }

    // MARK: Refusing to write

    func testAFileThatFailsToParseIsNeverOverwritten() throws {
        let s = store()
        let broken = "{\"format\": \"sovtrack-feed\", \"version\": 1, \"deals\": [ {\"id\": "
        try write(broken, to: s.path)
        let before = bytes(s.path)
        assertStoreError({ if case .invalid = $0 { return true } else { return false } }) {
            try s.update { $0.deals.append(deal("x")) }
        }
        assertStoreError({ if case .invalid = $0 { return true } else { return false } }) {
            try s.update(createIfMissing: true) { $0.deals.append(deal("x")) }
        }
        XCTAssertEqual(bytes(s.path), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path + ".bak.1"))
        try s.initializeIfMissing(with: try FeedText.fixtureBytes())
        XCTAssertEqual(bytes(s.path), before, "initializing never replaces an existing file")
    }

    func testANewerVersionIsNeverOverwritten() throws {
        let s = store()
        let newer = #"{"format": "sovtrack-feed", "version": 3, "deals": [], "shape": "new"}"#
        try write(newer, to: s.path)
        assertStoreError({ e in
            guard case .invalid = e else { return false }
            return e.description.contains("newer sovtrack")
        }) { try s.update { $0.deals.append(deal("x")) } }
        XCTAssertEqual(bytes(s.path), Array(newer.utf8))
    }

    func testAnInvalidChangeIsRefusedAndNothingWritten() throws {
        let s = try fixtureStore()
        let before = bytes(s.path)
        assertStoreError({ e in
            guard case .invalidChange(let issues) = e else { return false }
            return issues.filter(\.isError).map(\.description) == [
                #"deals[5].country: "Korea" is not an ISO 3166-1 alpha-2 code"#
            ]
                && e.isDataError
        }) {
            try s.update {
                $0.deals.append(Deal(id: "x", title: "T", country: "Korea", announced: PartialDate("2026")!))
            }
        }
        assertStoreError({ if case .invalidChange = $0 { return true } else { return false } }) {
            try s.update { $0.deals.append($0.deals[0]) }
        }
        XCTAssertEqual(bytes(s.path), before)
        XCTAssertEqual(try files().filter { $0.contains("bak") }, [])
    }

    func testUpdateHandsTheFeedsItHeldToKeepAndStillWrites() throws {
        final class Kept: @unchecked Sendable { var feeds: [Feed] = [] }
        let kept = Kept()
        var s = try fixtureStore()
        s.keep = { kept.feeds.append($0) }
        try s.update { $0.deals[0].title = "Kept and written" }
        XCTAssertEqual(kept.feeds.count, 2, "the feed written and the one loaded")
        XCTAssertEqual(kept.feeds.first?.deals[0].title, "Kept and written")
        XCTAssertEqual(try s.load().feed.deals[0].title, "Kept and written")
        try s.update { _ in }
        XCTAssertEqual(kept.feeds.count, 4, "a change that changes nothing is kept too")
    }

    func testAnEditedDealThatIsInvalidIsRefusedWithTheUsualMessage() throws {
        // The deals left as loaded are not checked again; the one edited is, in place.
        let s = try fixtureStore()
        let before = bytes(s.path)
        assertStoreError({ e in
            guard case .invalidChange(let issues) = e else { return false }
            return issues.map(\.description) == [#"deals[2].country: "Korea" is not an ISO 3166-1 alpha-2 code"#]
        }) { try s.update { $0.deals[2].country = "Korea" } }
        assertStoreError({ e in
            guard case .invalidChange(let issues) = e else { return false }
            return issues.map(\.description).first?.hasPrefix("deals[1].id: duplicate id") == true
        }) { try s.update { $0.deals[1].id = $0.deals[0].id } }
        XCTAssertEqual(bytes(s.path), before)
        XCTAssertEqual(try files(), ["deals.json", "deals.json.lock"], "no temporary, no backup")
    }

    func testALargeStoreChecksDealsWhileWritingAndRefusesAnInvalidOne() throws {
        // Enough deals to be encoded on several cores (from 2,000), in several chunks (nine of
        // 312 on two cores), checked as encoded.
        let s = store()
        let deals = (0..<2_500).map { StoreTests.makeDeal("d-" + String(100_000 + $0)) }
        try FileSystem.writeAtomically(FeedEncoder.encode(Feed(deals: deals)), to: s.path)
        let before = bytes(s.path)
        assertStoreError({ e in
            guard case .invalidChange(let issues) = e else { return false }
            return issues.map(\.description) == [
                #"deals[1500].title: must not be empty"#,
                #"deals[2400].country: "XX" is not an ISO 3166-1 alpha-2 code"#,
            ]
        }) {
            try s.update { feed in
                feed.deals[1_500].title = " "
                feed.deals[2_400].country = "XX"
            }
        }
        XCTAssertEqual(bytes(s.path), before)
        XCTAssertEqual(try files(), ["deals.json", "deals.json.lock"], "no temporary, no backup")
        // Without a baseline every deal is checked, still while encoding.
        var mine = Feed(deals: deals)
        mine.deals[3].title = ""
        mine.deals[2_499].sources = [Source()]
        assertStoreError({ e in
            guard case .invalidChange(let issues) = e else { return false }
            return issues.map(\.description) == [
                #"deals[3].title: must not be empty"#, #"deals[2499].sources[0]: a source needs a title or a url"#,
            ]
        }) { _ = try s.save(mine, expecting: FileSystem.fingerprint(s.path)) }
        XCTAssertEqual(bytes(s.path), before)

        try s.update { $0.deals[1_500].title = "Edited" }
        let saved = try s.load().feed
        XCTAssertEqual(saved.deals.count, deals.count)
        XCTAssertEqual(saved.deals[1_500].title, "Edited")
        XCTAssertEqual(saved.deals[1_499], deals[1_499])
        XCTAssertEqual(bytes(s.path), FeedEncoder.encode(saved))
    }

    func testAnErrorThrownByTheChangeWritesNothing() throws {
        let s = try fixtureStore()
        let before = bytes(s.path)
        assertStoreError({ $0 == .noSuchDeal(id: "nope") }) {
            try s.update { _ in throw StoreError.noSuchDeal(id: "nope") }
        }
        XCTAssertEqual(bytes(s.path), before)
    }

    // MARK: Changing one deal

    func testUpdateOfOneDealEditsAddsAndRemovesInIdOrder() throws {
        let s = try fixtureStore()
        let ids = try s.load().feed.deals.map(\.id)
        XCTAssertTrue(try s.update(deal: ids[1]) { $0!.title = "Edited" })
        XCTAssertTrue(try s.update(deal: "gb-a-first") { $0 = deal("gb-a-first") })
        XCTAssertTrue(try s.update(deal: "zz-last") { $0 = deal("zz-last") })
        XCTAssertTrue(try s.update(deal: ids[0]) { $0 = nil })
        let saved = try s.load().feed
        XCTAssertEqual(saved.deals.map(\.id), (ids.dropFirst() + ["gb-a-first", "zz-last"]).sorted())
        XCTAssertEqual(saved.deals.first { $0.id == ids[1] }?.title, "Edited")
        XCTAssertEqual(bytes(s.path), FeedEncoder.encode(saved), "the canonical layout, as a full save writes it")
        XCTAssertEqual(try files().filter { $0.contains("bak") }.count, 3)
    }

    func testUpdateOfOneDealThatChangesNothingWritesNothing() throws {
        let s = try fixtureStore()
        let before = bytes(s.path)
        let id = try s.load().feed.deals[2].id
        XCTAssertFalse(try s.update(deal: id) { $0!.title = $0!.title })
        XCTAssertFalse(try s.update(deal: "no-such-deal") { _ in })
        XCTAssertEqual(bytes(s.path), before)
        XCTAssertEqual(try files(), ["deals.json", "deals.json.lock"], "no temporary, no backup")
    }

    func testUpdateOfOneDealIsCheckedWithTheUsualMessages() throws {
        let s = try fixtureStore()
        let before = bytes(s.path)
        let ids = try s.load().feed.deals.map(\.id)
        assertStoreError({ e in
            guard case .invalidChange(let issues) = e else { return false }
            return issues.map(\.description) == [#"deals[2].country: "Korea" is not an ISO 3166-1 alpha-2 code"#]
        }) { try s.update(deal: ids[2]) { $0!.country = "Korea" } }
        assertStoreError({ e in
            guard case .invalidChange(let issues) = e else { return false }
            return issues.map(\.description).first?.hasPrefix("deals[1].id: duplicate id") == true
        }) { try s.update(deal: ids[1]) { $0!.id = ids[0] } }
        assertStoreError({ $0 == .noSuchDeal(id: "nope") }) {
            try s.update(deal: "nope") { _ in throw StoreError.noSuchDeal(id: "nope") }
        }
        XCTAssertEqual(bytes(s.path), before)
        XCTAssertEqual(try files(), ["deals.json", "deals.json.lock"], "no temporary, no backup")
    }

    func testUpdateOfOneDealCreatesAMissingStoreOnlyWhenAsked() throws {
        let s = store("sub/deals.json")
        assertStoreError({ if case .notFound = $0 { return true } else { return false } }) {
            try s.update(deal: "x") { $0 = deal("x") }
        }
        XCTAssertTrue(try s.update(deal: "x", createIfMissing: true) { $0 = deal("x") })
        XCTAssertEqual(try s.load().feed.deals.map(\.id), ["x"])
    }

    func testALargeStoreRotatesItsBackups() throws {
        // Over 1 MB: written in several parts, each handed to the disk as it is written.
        let s = store()
        // A thousand deals with long notes: the size without the cost of many deals.
        let deals = (0..<1_000).map { i in
            var d = StoreTests.makeDeal("d-" + String(100_000 + i), "v0")
            d.notes = String(repeating: "padding ", count: 150)
            return d
        }
        try FileSystem.writeAtomically(FeedEncoder.encode(Feed(deals: deals)), to: s.path)
        XCTAssertGreaterThan(FileSystem.fingerprint(s.path)?.size ?? 0, 1 << 20)
        for v in 1...5 { try s.update(deal: "d-100500") { $0!.title = "v\(v)" } }
        func title(_ path: String) throws -> String? { try Store.load(path: path).feed.deals[500].title }
        // Each save wrote the index of the store it wrote, and none of a backup...
        XCTAssertEqual(
            try files(),
            [
                ".deals.json.index", "deals.json", "deals.json.bak.1", "deals.json.bak.2", "deals.json.bak.3",
                "deals.json.lock",
            ])
        XCTAssertEqual(
            try [s.path, s.path + ".bak.1", s.path + ".bak.2", s.path + ".bak.3"].map(title), ["v5", "v4", "v3", "v2"])
        // ...each backup read whole since then has one too.
        XCTAssertEqual(
            try files(),
            [
                ".deals.json.bak.1.index", ".deals.json.bak.2.index", ".deals.json.bak.3.index", ".deals.json.index",
                "deals.json", "deals.json.bak.1", "deals.json.bak.2", "deals.json.bak.3", "deals.json.lock",
            ])
    }

    func testARefusedChangeKeepsEveryBackup() throws {
        // A change of a few deals is checked before the oldest backup is written over; one of
        // many deals is checked while writing, into a new file.
        let s = store()
        let deals = (0..<600).map { StoreTests.makeDeal("d-" + String(1_000 + $0), "v0") }
        try FileSystem.writeAtomically(FeedEncoder.encode(Feed(deals: deals)), to: s.path)
        for v in 1...4 { try s.update(deal: "d-1000") { $0!.title = "v\(v)" } }
        let backups = (1...3).map { s.path + ".bak.\($0)" }
        let before = backups.map(bytes)
        assertStoreError({ if case .invalidChange = $0 { return true } else { return false } }) {
            try s.update(deal: "d-1000") { $0!.country = "XX" }
        }
        assertStoreError({ if case .invalidChange = $0 { return true } else { return false } }) {
            try s.update { feed in
                for i in feed.deals.indices { feed.deals[i].title = "many" }
                feed.deals[599].country = "XX"
            }
        }
        XCTAssertEqual(backups.map(bytes), before)
        XCTAssertEqual(try s.load().feed.deals[0].title, "v4")
        XCTAssertEqual(
            try files(), ["deals.json", "deals.json.bak.1", "deals.json.bak.2", "deals.json.bak.3", "deals.json.lock"])
    }

    // MARK: Readers, links, owners (issue 11)

    func testAReaderThatOpenedTheStoreFourSavesAgoStillReadsTheOldStoreWhole() throws {
        // A reader maps or opens the store, then is paused; four saves later it reads on. A save
        // that wrote over the oldest backup's file in place wrote over that reader's file.
        let s = store()
        let deals = (0..<300).map { StoreTests.makeDeal("d-" + String(1_000 + $0), "v0") }
        try FileSystem.writeAtomically(FeedEncoder.encode(Feed(deals: deals)), to: s.path)
        let before = try XCTUnwrap(bytes(s.path))
        let fd = open(s.path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        for v in 1...4 { try s.update(deal: "d-1000") { $0!.title = "a much longer title than before, version \(v)" } }
        var seen = [UInt8](repeating: 0, count: before.count + 4096)
        let n = seen.withUnsafeMutableBufferPointer { pread(fd, $0.baseAddress, $0.count, 0) }
        XCTAssertTrue(Array(seen.prefix(max(n, 0))) == before, "the reader's file was written over")
        XCTAssertFalse(FeedDecoder.decode(Array(seen.prefix(max(n, 0)))).hasErrors)
    }

    func testAReaderUnderConcurrentSavesNeverReportsAValidStoreAsInvalid() throws {
        // Slow readers: each maps the store, then waits until at least four saves have
        // happened since, then decodes what it mapped.
        let s = store()
        let deals = (0..<150).map { StoreTests.makeDeal("d-" + String(1_000 + $0), "v0") }
        try FileSystem.writeAtomically(FeedEncoder.encode(Feed(deals: deals)), to: s.path)
        let failures = LockedStrings()
        let saves = LockedStrings()
        let writer = Thread {
            for v in 0..<28 {
                do {
                    try s.update(deal: "d-" + String(1_000 + v % 150)) {
                        $0!.title = String(repeating: "x", count: v % 7 * 40 + 1)
                    }
                } catch { failures.append("write: \(error)") }
                saves.append("\(v)")
            }
        }
        writer.start()
        var reads = 0
        while saves.values.count < 24 {
            let start = saves.values.count
            do {
                let result = try FileSystem.withContents(of: s.path) { buffer, _ in
                    while saves.values.count < min(start + 4, 28) { usleep(1_000) }
                    return FeedDecoder.decode(buffer: buffer)
                }
                if result.hasErrors { failures.append("read \(reads): \(result.issues.first!)") }
            } catch { failures.append("read \(reads): \(error)") }
            reads += 1
        }
        while saves.values.count < 28 { usleep(1_000) }
        XCTAssertEqual(failures.values, [])
        XCTAssertGreaterThan(reads, 3)
    }

    func testASaveThroughASymlinkWritesTheTargetAndKeepsTheLink() throws {
        let real = dir.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let target = real.appendingPathComponent("deals.json").path
        try Data(try FeedText.fixtureBytes()).write(to: URL(fileURLWithPath: target))
        let link = dir.appendingPathComponent("link.json").path
        XCTAssertEqual(symlink("real/deals.json", link), 0)
        let s = Store(path: link, lockTimeout: 5, backups: 3, today: { StoreTests.day })
        try s.update(deal: "new-deal", createIfMissing: false) { $0 = deal("new-deal") }
        try s.update { $0.deals.append(deal("via-update")) }
        var st = stat()
        XCTAssertEqual(lstat(link, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK, "the link is still a link")
        XCTAssertEqual(
            try Store.load(path: target).feed.deals.filter { $0.id == "new-deal" || $0.id == "via-update" }.count, 2)
        XCTAssertEqual(try files(), ["link.json", "real"], "lock, backups and temporaries beside the target")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: real.path).sorted(),
            ["deals.json", "deals.json.bak.1", "deals.json.bak.2", "deals.json.lock"])
        // A link to a link, and a relative one to a file not made yet.
        XCTAssertEqual(symlink(link, dir.appendingPathComponent("link2.json").path), 0)
        XCTAssertEqual(FileSystem.resolvingLinks(dir.appendingPathComponent("link2.json").path), target)
        XCTAssertEqual(symlink("later.json", dir.appendingPathComponent("dangling.json").path), 0)
        XCTAssertEqual(
            FileSystem.resolvingLinks(dir.appendingPathComponent("dangling.json").path),
            dir.appendingPathComponent("later.json").path)
    }

    func testASaveKeepsTheOwnerGroupAndMode() throws {
        // Run as root here: root saving another user's private store must leave it theirs.
        let s = try fixtureStore()
        for mode: mode_t in [0o600, 0o640, 0o666, 0o604] {
            XCTAssertEqual(chmod(s.path, mode), 0)
            if geteuid() == 0 { XCTAssertEqual(chown(s.path, 65534, 65534), 0) }
            try s.update { $0.deals.append(deal("m-\(mode)")) }
            var st = stat()
            XCTAssertEqual(stat(s.path, &st), 0)
            XCTAssertEqual(st.st_mode & 0o7777, mode, "mode \(String(mode, radix: 8))")
            if geteuid() == 0 {
                XCTAssertEqual(st.st_uid, 65534)
                XCTAssertEqual(st.st_gid, 65534)
            }
        }
    }

    func testAStoreItsOwnerMadeReadOnlyIsRefused() throws {
        let s = try fixtureStore()
        XCTAssertEqual(chmod(s.path, 0o444), 0)
        let before = bytes(s.path)
        assertStoreError({ $0 == .readOnly(path: s.path) && !$0.isDataError }) {
            try s.update { $0.deals.append(deal("x")) }
        }
        assertStoreError({ $0 == .readOnly(path: s.path) }) { try s.update(deal: "x") { $0 = deal("x") } }
        assertStoreError({ $0 == .readOnly(path: s.path) }) {
            _ = try s.commit { feed in feed.put(deal("x"), at: nil) }
        }
        XCTAssertEqual(bytes(s.path), before)
        XCTAssertEqual(try files(), ["deals.json"], "no backup, no lock")
        XCTAssertFalse(StoreError.readOnly(path: "/s.json").description.contains("\n"))
    }

    func testNoLockIsMadeForAFileThatIsNotAFeed() throws {
        let s = store("passwd")
        try write("root:x:0:0:root:/root:/bin/bash\n", to: s.path)
        let before = bytes(s.path)
        assertStoreError({ if case .invalid = $0 { return true } else { return false } }) {
            try s.update(deal: "x") { $0 = deal("x") }
        }
        assertStoreError({ if case .invalid = $0 { return true } else { return false } }) {
            try s.update(createIfMissing: true) { _ in }
        }
        assertStoreError({ if case .invalid = $0 { return true } else { return false } }) {
            _ = try s.commit { _ in 0..<0 }
        }
        XCTAssertEqual(try files(), ["passwd"], "no passwd.lock")
        XCTAssertEqual(bytes(s.path), before)
        // Not a regular file at all.
        let dev = Store(path: "/dev/null", lockTimeout: 1)
        assertStoreError({ if case .unreadable = $0 { return true } else { return false } }) {
            try dev.update(deal: "x") { $0 = deal("x") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/dev/null.lock"))
    }

    func testLockedNamesTheProcessThatHoldsTheLock() throws {
        let s = try fixtureStore()
        // The last sovtrack to take the lock left its pid; another program holds it now.
        try write("12345\n", to: StoreLock.path(for: s.path))
        let lock = try ForeignLock(path: StoreLock.path(for: s.path))
        defer { lock.release() }
        let waiting = store(lockTimeout: 0.1)
        assertStoreError({ $0 == .locked(path: s.path, holder: String(lock.holder)) }) {
            try waiting.update(deal: "x") { $0 = deal("x") }
        }
    }

    func testTheLockFileNamesAHolderOnlyWhileHeld() throws {
        let s = try fixtureStore()
        do {
            let lock = try StoreLock(store: s.path, timeout: 1)
            XCTAssertEqual(bytes(StoreLock.path(for: s.path)), Array("\(getpid())\n".utf8))
            withExtendedLifetime(lock) {}
        }
        XCTAssertEqual(bytes(StoreLock.path(for: s.path)), [], "released: no pid left behind")
    }

    func testInsertionIndexKeepsIdOrder() {
        let deals = ["b", "d", "f"].map { deal($0) }
        XCTAssertEqual(["a", "c", "e", "g"].map { Feed(deals: deals).insertionIndex(of: $0) }, [0, 1, 2, 3])
        XCTAssertEqual(Feed().insertionIndex(of: "a"), 0)
    }

    func testUpdateOfAMissingStore() throws {
        let s = store("sub/dir/deals.json")
        assertStoreError({
            if case .unwritable = $0 { return true } else if case .notFound = $0 { return true } else { return false }
        }) {
            try s.update { $0.deals.append(deal("x")) }
        }
        try s.update(createIfMissing: true) { $0.deals.append(deal("x")) }
        XCTAssertEqual(try s.load().feed.deals.map(\.id), ["x"])
    }

    func testSaveWithAStaleFingerprintIsRefused() throws {
        let s = try fixtureStore()
        let snap = try s.load()
        try s.update { $0.deals.append(deal("by-someone-else")) }
        let after = bytes(s.path)
        var mine = snap.feed
        mine.deals.removeAll()
        assertStoreError({ $0 == .changedOnDisk(path: s.path) && !$0.isDataError }) {
            _ = try s.save(mine, expecting: snap.fingerprint)
        }
        XCTAssertEqual(bytes(s.path), after, "the other writer's change is kept")
        // Reloading gives a fingerprint that saves.
        let fresh = try s.load()
        let next = try s.save(fresh.feed, expecting: fresh.fingerprint)
        XCTAssertNotNil(next)
        XCTAssertEqual(next, FileSystem.fingerprint(s.path))
    }

    func testSaveOverAFileThatAppearedIsRefused() throws {
        let s = store()
        try write(FeedText.feed([]), to: s.path)
        assertStoreError({ $0 == .changedOnDisk(path: s.path) }) { _ = try s.save(Feed(), expecting: nil) }
    }

    // MARK: The lock

    func testLockTimeoutGivesLocked() throws {
        let s = try fixtureStore()
        let before = bytes(s.path)
        let waiting = store(lockTimeout: 0.2)
        do {
            let held = try StoreLock(store: s.path, timeout: 1)
            assertStoreError({
                if case .locked(let p, let holder) = $0 {
                    return p == s.path && holder == String(getpid())
                } else {
                    return false
                }
            }) {
                try waiting.update { $0.deals.append(deal("x")) }
            }
            assertStoreError({ if case .locked = $0 { return true } else { return false } }) {
                _ = try waiting.save(Feed(), expecting: FileSystem.fingerprint(s.path))
            }
            XCTAssertEqual(bytes(s.path), before)
            withExtendedLifetime(held) {}
        }
        // Once released, the lock can be taken again.
        try waiting.update { $0.deals.append(deal("x")) }
        XCTAssertEqual(try s.load().feed.deals.count, 6)
        XCTAssertEqual(StoreLock.path(for: "/a/deals.json"), "/a/deals.json.lock")
    }

    func testLockedMessage() {
        XCTAssertEqual(
            StoreError.locked(path: "/s.json", holder: "42").description,
            "/s.json: the store is locked by another sovtrack (pid 42); try again when it has finished")
        XCTAssertEqual(
            StoreError.locked(path: "/s.json", holder: nil).description,
            "/s.json: the store is locked by another sovtrack; try again when it has finished")
    }

    func testConcurrentUpdatesInOneProcessLoseNothing() throws {
        let s = try fixtureStore()
        let errors = LockedStrings()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            do {
                try s.update { $0.deals.append(StoreTests.makeDeal("thread-\(i)")) }
            } catch {
                errors.append("\(error)")
            }
        }
        XCTAssertEqual(errors.values, [])
        let ids = try s.load().feed.deals.map(\.id)
        XCTAssertEqual(ids.count, 21)
        for i in 0..<16 { XCTAssertTrue(ids.contains("thread-\(i)")) }
        XCTAssertEqual(try files().filter { $0.contains(".tmp") }, [])
    }

    // MARK: Creating

    func testInitializeIfMissingCreatesDirectoriesAndTheDataset() throws {
        let s = store("a/b/c/deals.json")
        try s.initializeIfMissing(with: try FeedText.fixtureBytes())
        XCTAssertEqual(bytes(s.path), try FeedText.fixtureBytes())
        XCTAssertEqual(try s.load().feed.deals.count, 5)
    }

    // MARK: Errors and locations

    func testErrorDescriptions() {
        XCTAssertEqual(StoreError.notFound(path: "/x").description, "/x: no such file")
        XCTAssertEqual(
            StoreError.unreadable(path: "/x", reason: "Permission denied").description,
            "/x: cannot read: Permission denied")
        XCTAssertEqual(
            StoreError.unwritable(path: "/x", reason: "No space").description,
            "/x: cannot write: No space; the store is unchanged")
        XCTAssertEqual(StoreError.noSuchDeal(id: "a").description, #"no deal with id "a""#)
        XCTAssertEqual(StoreError.duplicateDeal(id: "a").description, #"a deal with id "a" already exists"#)
        XCTAssertEqual(
            StoreError.invalidChange(issues: [
                .error("deals[0].id", "bad"), .warning("deals[0]", "w"), .error("deals[1].id", "bad"),
            ]).description,
            "deals[0].id: bad (and 1 more)")
        XCTAssertTrue(StoreError.duplicateDeal(id: "a").isDataError)
        XCTAssertFalse(StoreError.notFound(path: "/x").isDataError)
        XCTAssertFalse(StoreError.locked(path: "/x", holder: nil).isDataError)
        for e in [
            StoreError.notFound(path: "/x"), .unreadable(path: "/x", reason: "r"), .locked(path: "/x", holder: nil),
            .unwritable(path: "/x", reason: "r"), .changedOnDisk(path: "/x"), .noSuchDeal(id: "a"),
            .duplicateDeal(id: "a"),
            .invalidChange(issues: [.error("p", "m")]), .invalid(path: "/x", issues: [.error("p", "m")]),
        ] {
            XCTAssertFalse(e.description.contains("\n"), "one line: \(e)")
            XCTAssertFalse(e.description.isEmpty)
        }
    }

    func testStoreLocation() {
        XCTAssertEqual(
            StoreLocation.resolve(explicit: "/a.json", environment: ["SOVTRACK_STORE": "/b.json"]).path, "/a.json")
        XCTAssertFalse(StoreLocation.resolve(explicit: "/a.json", environment: [:]).isDefault)
        XCTAssertEqual(
            StoreLocation.resolve(explicit: nil, environment: ["SOVTRACK_STORE": "/b.json", "XDG_DATA_HOME": "/x"])
                .path, "/b.json")
        XCTAssertEqual(StoreLocation.resolve(explicit: "", environment: ["SOVTRACK_STORE": "/b.json"]).path, "/b.json")
        let xdg = StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/u"])
        XCTAssertEqual(xdg.path, "/xdg/sovtrack/deals.json")
        XCTAssertTrue(xdg.isDefault)
        XCTAssertEqual(
            StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/u"]).path,
            "/home/u/.local/share/sovtrack/deals.json")
        XCTAssertEqual(
            StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]).path,
            "/home/u/.local/share/sovtrack/deals.json", "a relative XDG_DATA_HOME is ignored")
        XCTAssertEqual(
            StoreLocation.resolve(explicit: nil, environment: ["SOVTRACK_STORE": "", "HOME": "/h"]).path,
            "/h/.local/share/sovtrack/deals.json")
    }
}

/// A list of strings appended to from several threads.
final class LockedStrings: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) {
        lock.lock()
        items.append(s)
        lock.unlock()
    }
    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
