import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// What sovtrack promises about the files it writes: `--output` never writes the store, a link
/// or a special file, nor an existing file without `--force`; saves keep owner, group and mode
/// and follow a symlinked store; nothing is locked or written that is not a feed (issue 11).
final class CLIFileSafetyTests: XCTestCase {
    private let add = [
        "add", "--id", "new-deal", "--title", "T", "--country", "KR", "--announced", "2026", "--source",
        "https://x.test",
    ]

    private func mode(_ path: String) -> (mode: mode_t, uid: uid_t, gid: gid_t, isLink: Bool)? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return (st.st_mode & 0o7777, st.st_uid, st.st_gid, (st.st_mode & S_IFMT) == S_IFLNK)
    }

    // MARK: --output

    func testOutputNeverWritesTheStoreByAnyName() throws {
        let store = try CLI.copy(CLI.fixture)
        let dir = store.deletingLastPathComponent()
        let before = CLI.bytes(store)
        let link = dir.appendingPathComponent("alias.json").path
        let hard = dir.appendingPathComponent("hard.json").path
        XCTAssertEqual(symlink(store.path, link), 0)
        XCTAssertEqual(Glibc.link(store.path, hard), 0)
        // The issue's case: the store overwritten with 3 of its 5 deals, no lock, no backup.
        for target in [store.path, hard, dir.appendingPathComponent("./deals.json").path] {
            let r = try CLI.run(
                "list", "--country", "KR", "--format", "json", "--store", store.path, "--output", target, "--force")
            CLI.assertUserError(r, code: 73, ["--output never writes the store"])
            XCTAssertEqual(CLI.bytes(store), before, target)
        }
        // The store named through a link, the output by its real name.
        let viaLink = try CLI.run("summary", "--store", link, "--output", store.path, "--force")
        CLI.assertUserError(viaLink, code: 73, ["--output never writes the store"])
        XCTAssertEqual(CLI.bytes(store), before)
        XCTAssertEqual(
            CLI.files(in: dir), ["alias.json", "deals.json", "hard.json"], "no backup, no lock, no temporary")
    }

    func testOutputNeverReplacesALinkOrASpecialFile() throws {
        let store = try CLI.copy(CLI.fixture)
        let dir = store.deletingLastPathComponent()
        let target = try CLI.write("keep me", as: "target.csv", in: dir)
        let link = dir.appendingPathComponent("link.csv").path
        XCTAssertEqual(symlink(target.path, link), 0)
        let toDevice = dir.appendingPathComponent("null.csv").path
        XCTAssertEqual(symlink("/dev/null", toDevice), 0)
        for l in [link, toDevice] {
            CLI.assertUserError(
                try CLI.run("list", "--store", store.path, "--output", l, "--force"), code: 73, ["symbolic link"])
            XCTAssertEqual(mode(l)?.isLink, true, "still a link")
        }
        XCTAssertEqual(CLI.text(target), "keep me")
        let fifo = dir.appendingPathComponent("fifo.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        CLI.assertUserError(
            try CLI.run("list", "--store", store.path, "--output", fifo, "--force"), code: 73,
            ["not a regular file (a FIFO or pipe)"])
        var st = stat()
        XCTAssertEqual(lstat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "still a FIFO")
    }

    func testOutputRefusesAnExistingFileUnlessForced() throws {
        let store = try CLI.copy(CLI.fixture)
        let existing = try CLI.write("mine", as: "report.csv", in: store.deletingLastPathComponent())
        XCTAssertEqual(chmod(existing.path, 0o640), 0)
        for command in ["list", "summary"] {
            CLI.assertUserError(
                try CLI.run(command, "--store", store.path, "--output", existing.path), code: 73,
                ["report.csv: exists; add --force to replace it"])
            XCTAssertEqual(CLI.text(existing), "mine")
        }
        let forced = try CLI.run("list", "--store", store.path, "--output", existing.path, "--force")
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(CLI.text(existing)?.hasPrefix("id,") == true)
        XCTAssertEqual(mode(existing.path)?.mode, 0o640, "an output file replaced keeps its mode")
        // A new file needs no --force; "-" is standard output.
        let fresh = store.deletingLastPathComponent().appendingPathComponent("new.md")
        XCTAssertEqual(try CLI.run("summary", "--store", store.path, "--output", fresh.path).status, 0)
        XCTAssertEqual(try CLI.run("list", "--store", store.path, "--output", "-").status, 0)
    }

    // MARK: The store

    func testASymlinkedStoreIsWrittenThroughToItsTarget() throws {
        let store = try CLI.copy(CLI.fixture)
        let other = try TemporaryDirectory.make()
        let link = other.appendingPathComponent("deals.json").path
        XCTAssertEqual(symlink(store.path, link), 0)
        let r = try CLI.run(add + ["--store", link])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(mode(link)?.isLink, true, "the link is still a link")
        XCTAssertEqual(CLI.files(in: other), ["deals.json"], "nothing beside the link")
        XCTAssertEqual(
            CLI.files(in: store.deletingLastPathComponent()), ["deals.json", "deals.json.bak.1", "deals.json.lock"])
        // Writers through the link and through the target see one store.
        let edit = try CLI.run("edit", "new-deal", "--store", store.path, "--title", "Through the target")
        XCTAssertEqual(edit.status, 0, edit.stderr)
        XCTAssertTrue(try CLI.run("show", "new-deal", "--store", link).stdout.contains("Through the target"))
    }

    func testASaveKeepsTheStoresOwnerGroupAndMode() throws {
        let store = try CLI.copy(CLI.fixture)
        XCTAssertEqual(chmod(store.path, 0o640), 0)
        if geteuid() == 0 { XCTAssertEqual(chown(store.path, 65534, 65534), 0) }
        XCTAssertEqual(try CLI.run(add + ["--store", store.path]).status, 0)
        XCTAssertEqual(try CLI.run("edit", "new-deal", "--title", "U", "--store", store.path).status, 0)
        let m = try XCTUnwrap(mode(store.path))
        XCTAssertEqual(m.mode, 0o640)
        if geteuid() == 0 {
            XCTAssertEqual([m.uid, m.gid], [65534, 65534], "root saving another user's store leaves it theirs")
        }
    }

    func testAReadOnlyStoreIsRefused() throws {
        let store = try CLI.copy(CLI.fixture)
        XCTAssertEqual(chmod(store.path, 0o444), 0)
        let before = CLI.bytes(store)
        for args in [
            add, ["edit", "kr-skt-nvidia-ai-cloud", "--status", "planned"], ["remove", "kr-skt-nvidia-ai-cloud"],
        ] {
            CLI.assertUserError(
                try CLI.run(args + ["--store", store.path]), code: 73, ["the store is read-only", "chmod u+w"])
        }
        XCTAssertEqual(CLI.bytes(store), before)
        XCTAssertEqual(CLI.files(in: store.deletingLastPathComponent()), ["deals.json"])
    }

    func testNoLockIsMadeBesideAFileThatIsNotAFeed() throws {
        let passwd = try CLI.write("root:x:0:0:root:/root:/bin/bash\n", as: "passwd")
        let before = CLI.bytes(passwd)
        for args in [add, ["edit", "x", "--title", "T"], ["remove", "x"]] {
            let r = try CLI.run(args + ["--store", passwd.path])
            XCTAssertEqual(r.status, 65, r.stderr)
            CLI.assertNoCrash(r)
        }
        let feed = try CLI.write(#"{"format": "sovtrack-feed", "version": 1, "deals": []}"#, as: "in.json")
        XCTAssertEqual(try CLI.run("import", feed.path, "--store", passwd.path).status, 65)
        XCTAssertEqual(CLI.bytes(passwd), before)
        XCTAssertEqual(CLI.files(in: passwd.deletingLastPathComponent()), ["passwd"], "no passwd.lock")
    }

    // MARK: Locks

    func testAnInvalidLockTimeoutIsRefusedNamingTheVariable() throws {
        let store = try CLI.copy(CLI.fixture)
        let before = CLI.bytes(store)
        for value in ["nan", "inf", "1e309", "-1", "soon", "", "0x10", "3601"] {
            let r = try CLI.run(add + ["--store", store.path], env: ["SOVTRACK_LOCK_TIMEOUT": value])
            CLI.assertUserError(r, code: 64, ["SOVTRACK_LOCK_TIMEOUT", "from 0 to 3600"])
        }
        XCTAssertEqual(CLI.bytes(store), before)
        XCTAssertEqual(try CLI.run(add + ["--store", store.path], env: ["SOVTRACK_LOCK_TIMEOUT": "2.5"]).status, 0)
    }

    func testLockedNamesTheProcessHoldingTheLock() throws {
        let store = try CLI.copy(CLI.fixture)
        let lock = store.path + ".lock"
        // The pid of the last sovtrack that held the lock, not of the holder.
        _ = try CLI.write("12345\n", as: "deals.json.lock", in: store.deletingLastPathComponent())
        let holder = try ForeignLock(path: lock)
        defer { holder.release() }
        let r = try CLI.run(add + ["--store", store.path], env: ["SOVTRACK_LOCK_TIMEOUT": "0.1"])
        CLI.assertUserError(r, code: 75, ["(pid \(holder.holder))"])
    }

    // MARK: What is not a regular file

    func testAFIFOOrADeviceIsRefusedAtOnce() throws {
        let dir = try TemporaryDirectory.make()
        let fifo = dir.appendingPathComponent("feed.json").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        for args in [
            ["validate", fifo], ["validate", "/dev/zero"],
            ["import", fifo, "--store", dir.appendingPathComponent("s.json").path],
            ["list", "--store", fifo],
            ["import", "--from", "epoch", "/dev/zero", "--store", dir.appendingPathComponent("s.json").path],
        ] {
            CLI.assertUserError(try CLI.run(args), code: 66, ["not a regular file"])
        }
        CLI.assertUserError(try CLI.run(add + ["--store", fifo]), code: 66, ["not a regular file"])
        XCTAssertEqual(CLI.files(in: dir), ["feed.json"])
    }
}
