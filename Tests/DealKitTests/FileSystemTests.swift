import Foundation
import XCTest
@testable import DealKit

final class FileSystemTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("sovtrack-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    func testReadWholeFilesOfAnySize() throws {
        for size in [0, 1, 4095, 4096, 65_537, 300_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try Data(bytes).write(to: URL(fileURLWithPath: path("f\(size)")))
            XCTAssertEqual(try FileSystem.read(path("f\(size)")), bytes, "\(size)")
        }
    }

    func testReadErrors() {
        XCTAssertThrowsError(try FileSystem.read(path("missing"))) { XCTAssertEqual($0 as? StoreError, .notFound(path: path("missing"))) }
        XCTAssertThrowsError(try FileSystem.read(dir.path)) {
            XCTAssertEqual($0 as? StoreError, .unreadable(path: dir.path, reason: "it is a directory"))
        }
        XCTAssertThrowsError(try FileSystem.read("/proc/sovtrack-nope/deals.json")) {
            XCTAssertEqual($0 as? StoreError, .notFound(path: "/proc/sovtrack-nope/deals.json"))
        }
    }

    func testReadsFromProcFiles() throws {
        // Files whose size stat reports as 0 are still read whole.
        let text = String(decoding: try FileSystem.read("/proc/self/status"), as: UTF8.self)
        XCTAssertTrue(text.contains("Pid:"), text)
    }

    func testPathParts() {
        XCTAssertEqual(FileSystem.directory(of: "/a/b/c.json"), "/a/b")
        XCTAssertEqual(FileSystem.directory(of: "/c.json"), "/")
        XCTAssertEqual(FileSystem.directory(of: "c.json"), ".")
        XCTAssertEqual(FileSystem.directory(of: "a/c.json"), "a")
        XCTAssertEqual(FileSystem.baseName(of: "/a/b/c.json"), "c.json")
        XCTAssertEqual(FileSystem.baseName(of: "c.json"), "c.json")
    }

    func testMakeDirectories() throws {
        try FileSystem.makeDirectories(path("x/y/z"))
        XCTAssertTrue(FileSystem.isDirectory(path("x/y/z")))
        try FileSystem.makeDirectories(path("x/y/z"))
        try Data("f".utf8).write(to: URL(fileURLWithPath: path("file")))
        XCTAssertThrowsError(try FileSystem.makeDirectories(path("file/sub"))) {
            guard case .unwritable = $0 as? StoreError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try FileSystem.makeDirectories("/proc/sovtrack-nope/sub")) {
            guard case .unwritable = $0 as? StoreError else { return XCTFail("\($0)") }
        }
    }

    func testExistsIsDirectoryFingerprint() throws {
        XCTAssertFalse(FileSystem.exists(path("f")))
        XCTAssertNil(FileSystem.fingerprint(path("f")))
        try FileSystem.writeAtomically(Array("one".utf8), to: path("f"))
        XCTAssertTrue(FileSystem.exists(path("f")))
        XCTAssertFalse(FileSystem.isDirectory(path("f")))
        XCTAssertTrue(FileSystem.isDirectory(dir.path))
        let a = FileSystem.fingerprint(path("f"))
        XCTAssertEqual(a?.size, 3)
        XCTAssertEqual(a, FileSystem.fingerprint(path("f")))
        try FileSystem.writeAtomically(Array("two".utf8), to: path("f"))
        XCTAssertNotEqual(FileSystem.fingerprint(path("f")), a, "a rename over the file changes its fingerprint, even at the same size")
    }

    func testWriteAtomicallyReplacesAndLeavesNoTemporary() throws {
        try FileSystem.writeAtomically(Array("old".utf8), to: path("deals.json"))
        try FileSystem.writeAtomically(Array("new".utf8), to: path("deals.json"))
        XCTAssertEqual(try FileSystem.read(path("deals.json")), Array("new".utf8))
        XCTAssertEqual(try files(), ["deals.json"])
    }

    func testWriteAtomicallyKeepsThePermissions() throws {
        try FileSystem.writeAtomically(Array("old".utf8), to: path("deals.json"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path("deals.json"))
        try FileSystem.writeAtomically(Array("new".utf8), to: path("deals.json"))
        let mode = try FileManager.default.attributesOfItem(atPath: path("deals.json"))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testWriteIntoAMissingOrBadDirectoryFails() throws {
        XCTAssertThrowsError(try FileSystem.writeAtomically(Array("x".utf8), to: path("nodir/deals.json"))) {
            guard case .unwritable(let p, _) = $0 as? StoreError else { return XCTFail("\($0)") }
            XCTAssertEqual(p, self.path("nodir/deals.json"))
        }
        XCTAssertThrowsError(try FileSystem.writeAtomically(Array("x".utf8), to: "/proc/sovtrack-nope/deals.json"))
        XCTAssertEqual(try files(), [])
    }

    func testWriteAtomicallyStreamsPartsInOrder() throws {
        // Parts above 1 MB also take the early-writeback path.
        var big = [UInt8](repeating: 0x61, count: 3 << 20)
        for i in stride(from: 0, to: big.count, by: 4099) { big[i] = UInt8(truncatingIfNeeded: i) }
        let parts: [[UInt8]] = [Array("head ".utf8), big, [], Array(" tail".utf8)]
        try FileSystem.writeAtomically(Array("old".utf8), to: path("s.json"))
        try FileSystem.writeAtomically(to: path("s.json"), backups: 1) { write in
            for part in parts { try write(part) }
        }
        XCTAssertEqual(try FileSystem.read(path("s.json")), parts[0] + big + parts[3])
        XCTAssertEqual(try FileSystem.read(path("s.json.bak.1")), Array("old".utf8))
        XCTAssertEqual(try files(), ["s.json", "s.json.bak.1"])
    }

    func testWriteAtomicallyWhoseProducerFailsLeavesTheFileAsItWas() throws {
        struct Refused: Error {}
        try FileSystem.writeAtomically(Array("old".utf8), to: path("s.json"))
        XCTAssertThrowsError(try FileSystem.writeAtomically(to: path("s.json"), backups: 2) { write in
            try write(Array(repeating: 0x61, count: 2 << 20))
            throw Refused()
        }) { XCTAssertTrue($0 is Refused, "the producer's own error: \($0)") }
        XCTAssertEqual(try FileSystem.read(path("s.json")), Array("old".utf8))
        XCTAssertEqual(try files(), ["s.json"], "no temporary left, no backup pushed out")
    }

    func testBackupRotation() throws {
        let p = path("s.json")
        for v in 0...4 { try FileSystem.writeAtomically(Array("v\(v)".utf8), to: p, backups: 2) }
        XCTAssertEqual(try files(), ["s.json", "s.json.bak.1", "s.json.bak.2"])
        XCTAssertEqual(try FileSystem.read(p), Array("v4".utf8))
        XCTAssertEqual(try FileSystem.read(p + ".bak.1"), Array("v3".utf8))
        XCTAssertEqual(try FileSystem.read(p + ".bak.2"), Array("v2".utf8))
    }

    // MARK: Writing over the oldest backup

    private func inode(_ p: String) -> UInt64? { FileSystem.fingerprint(p)?.inode }

    private func text(_ p: String) throws -> String { String(decoding: try FileSystem.read(p), as: UTF8.self) }

    /// A store "v3" with backups "v2", "v1", "v0" (the oldest a long file).
    private func storeWithThreeBackups() throws -> String {
        let p = path("s.json")
        try FileSystem.writeAtomically(Array(("v0 " + String(repeating: "x", count: 100_000)).utf8), to: p, backups: 3)
        for v in 1...3 { try FileSystem.writeAtomically(Array("v\(v)".utf8), to: p, backups: 3) }
        XCTAssertEqual(try [p, p + ".bak.1", p + ".bak.2"].map(text), ["v3", "v2", "v1"])
        return p
    }

    func testTheOldestBackupIsWrittenOverAndCutToLength() throws {
        let p = try storeWithThreeBackups()
        let oldest = inode(p + ".bak.3")
        try FileSystem.writeAtomically(to: p, backups: 3, reusingOldestBackup: true) { write in
            try write(Array("v4".utf8))
        }
        XCTAssertEqual(try [p, p + ".bak.1", p + ".bak.2", p + ".bak.3"].map(text), ["v4", "v3", "v2", "v1"])
        XCTAssertEqual(inode(p), oldest, "the new store is the old backup's file, written over")
        XCTAssertEqual(try files(), ["s.json", "s.json.bak.1", "s.json.bak.2", "s.json.bak.3"])
    }

    func testAWriteOverTheOldestBackupThatFailsBeforeWritingPutsItBack() throws {
        struct Refused: Error {}
        let p = try storeWithThreeBackups()
        let before = try FileSystem.read(p + ".bak.3")
        XCTAssertThrowsError(try FileSystem.writeAtomically(to: p, backups: 3, reusingOldestBackup: true) { _ in throw Refused() })
        XCTAssertEqual(try FileSystem.read(p + ".bak.3"), before)
        XCTAssertEqual(try [p, p + ".bak.1", p + ".bak.2"].map(text), ["v3", "v2", "v1"])
        // Once written over, the oldest backup is gone (the price of the shortcut); the rest stay.
        XCTAssertThrowsError(try FileSystem.writeAtomically(to: p, backups: 3, reusingOldestBackup: true) { write in
            try write(Array("half".utf8))
            throw Refused()
        })
        XCTAssertEqual(try [p, p + ".bak.1", p + ".bak.2"].map(text), ["v3", "v2", "v1"])
        XCTAssertEqual(try files(), ["s.json", "s.json.bak.1", "s.json.bak.2"], "no temporary left")
    }

    func testABackupWithAnotherNameIsNeverWrittenOver() throws {
        let p = try storeWithThreeBackups()
        XCTAssertEqual(link(p + ".bak.3", path("kept-elsewhere")), 0)
        let kept = try FileSystem.read(path("kept-elsewhere"))
        try FileSystem.writeAtomically(to: p, backups: 3, reusingOldestBackup: true) { write in try write(Array("v4".utf8)) }
        XCTAssertEqual(try FileSystem.read(path("kept-elsewhere")), kept)
        XCTAssertEqual(try [p, p + ".bak.3"].map(text), ["v4", "v1"])
    }

    func testAWrittenOverBackupTakesTheStoresPermissions() throws {
        let p = try storeWithThreeBackups()
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: p + ".bak.3")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: p)
        try FileSystem.writeAtomically(to: p, backups: 3, reusingOldestBackup: true) { write in try write(Array("v4".utf8)) }
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? Int, 0o640)
    }

    func testRemoveStaleTemporaries() throws {
        for name in [".s.json.tmp.1.2", ".s.json.tmp.3.4", ".t.json.tmp.1.2", "s.json", ".s.json.lock"] {
            try Data().write(to: URL(fileURLWithPath: path(name)))
        }
        FileSystem.removeStaleTemporaries(of: path("s.json"))
        XCTAssertEqual(try files(), [".s.json.lock", ".t.json.tmp.1.2", "s.json"])
        FileSystem.removeStaleTemporaries(of: path("nodir/s.json"))
    }

    func testErrorText() {
        XCTAssertEqual(FileSystem.errorText(2), "No such file or directory")
    }
}
