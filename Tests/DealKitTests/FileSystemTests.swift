import Foundation
import TestSupport
import XCTest

@testable import DealKit

final class FileSystemTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try makeTemporaryDirectory("sovtrack-fs")
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
        XCTAssertThrowsError(try FileSystem.read(path("missing"))) {
            XCTAssertEqual($0 as? FileError, .notFound(path: path("missing")))
        }
        XCTAssertThrowsError(try FileSystem.read(dir.path)) {
            XCTAssertEqual($0 as? FileError, .unreadable(path: dir.path, reason: "it is a directory"))
        }
        XCTAssertThrowsError(try FileSystem.read("/proc/sovtrack-nope/deals.json")) {
            XCTAssertEqual($0 as? FileError, .notFound(path: "/proc/sovtrack-nope/deals.json"))
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
            guard case .unwritable = $0 as? FileError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try FileSystem.makeDirectories("/proc/sovtrack-nope/sub")) {
            guard case .unwritable = $0 as? FileError else { return XCTFail("\($0)") }
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
        XCTAssertNotEqual(
            FileSystem.fingerprint(path("f")), a,
            "a rename over the file changes its fingerprint, even at the same size")
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
            guard case .unwritable(let p, _) = $0 as? FileError else { return XCTFail("\($0)") }
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
        XCTAssertThrowsError(
            try FileSystem.writeAtomically(to: path("s.json"), backups: 2) { write in
                try write(Array(repeating: 0x61, count: 2 << 20))
                throw Refused()
            }
        ) { XCTAssertTrue($0 is Refused, "the producer's own error: \($0)") }
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

    // MARK: Never writing over a file a reader may hold
    // (These replace the tests of the former "write over the oldest backup in place" shortcut:
    // a reader that opened the store a few saves ago held that file, and read it half-rewritten.)

    private func text(_ p: String) throws -> String { String(decoding: try FileSystem.read(p), as: UTF8.self) }

    func testASaveNeverWritesToAnyFileTheStoreOrItsBackupsWere() throws {
        let p = path("s.json")
        try FileSystem.writeAtomically(Array(("v0 " + String(repeating: "x", count: 100_000)).utf8), to: p, backups: 3)
        var held: [(fd: Int32, bytes: [UInt8])] = []
        defer { for h in held { close(h.fd) } }
        for v in 1...5 {
            // Each version is opened by a "reader" before the next save.
            held.append((open(p, O_RDONLY), try FileSystem.read(p)))
            try FileSystem.writeAtomically(to: p, backups: 3) { write in try write(Array("v\(v)".utf8)) }
        }
        for (i, h) in held.enumerated() {
            var buf = [UInt8](repeating: 0, count: h.bytes.count + 16)
            let n = buf.withUnsafeMutableBufferPointer { pread(h.fd, $0.baseAddress, $0.count, 0) }
            XCTAssertTrue(Array(buf.prefix(max(n, 0))) == h.bytes, "version \(i) was written over")
        }
        XCTAssertEqual(try [p, p + ".bak.1", p + ".bak.2", p + ".bak.3"].map(text), ["v5", "v4", "v3", "v2"])
        XCTAssertEqual(try files(), ["s.json", "s.json.bak.1", "s.json.bak.2", "s.json.bak.3"])
    }

    func testABackupWithAnotherNameKeepsItsContent() throws {
        let p = path("s.json")
        for v in 0...3 { try FileSystem.writeAtomically(Array("v\(v)".utf8), to: p, backups: 3) }
        XCTAssertEqual(link(p + ".bak.3", path("kept-elsewhere")), 0)
        for v in 4...6 { try FileSystem.writeAtomically(Array("v\(v)".utf8), to: p, backups: 3) }
        XCTAssertEqual(try text(path("kept-elsewhere")), "v0")
        XCTAssertEqual(try [p, p + ".bak.3"].map(text), ["v6", "v3"])
    }

    func testWriteAtomicallyKeepsOwnerGroupAndModePastTheUmask() throws {
        let p = path("s.json")
        try FileSystem.writeAtomically(Array("v0".utf8), to: p)
        let old = umask(0o077)
        defer { umask(old) }
        for mode: mode_t in [0o640, 0o666, 0o600, 0o604] {
            XCTAssertEqual(chmod(p, mode), 0)
            if geteuid() == 0 { XCTAssertEqual(chown(p, 65534, 65534), 0) }
            try FileSystem.writeAtomically(Array("v-\(mode)".utf8), to: p, backups: 1)
            var st = stat()
            XCTAssertEqual(stat(p, &st), 0)
            XCTAssertEqual(String(st.st_mode & 0o7777, radix: 8), String(mode, radix: 8))
            if geteuid() == 0 { XCTAssertEqual([st.st_uid, st.st_gid], [65534, 65534]) }
        }
    }

    // MARK: What is not a regular file

    func testOnlyRegularFilesAreRead() throws {
        // A FIFO with no writer would block `open` forever; a device never ends.
        XCTAssertEqual(mkfifo(path("fifo"), 0o644), 0)
        for (p, reason) in [
            (path("fifo"), "not a regular file (a FIFO or pipe)"),
            ("/dev/zero", "not a regular file (a character device)"),
            ("/dev/null", "not a regular file (a character device)"), (dir.path, "it is a directory"),
        ] {
            XCTAssertThrowsError(try FileSystem.read(p)) {
                XCTAssertEqual($0 as? FileError, .unreadable(path: p, reason: reason))
            }
            XCTAssertThrowsError(try FileSystem.withContents(of: p) { b, _ in b.count }) {
                XCTAssertEqual($0 as? FileError, .unreadable(path: p, reason: reason))
            }
        }
        XCTAssertEqual(FileSystem.inputLimit, 1 << 30)
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
