import DealKit
import Foundation
import TestSupport
import XCTest

/// `sovtrack merge` as git's merge driver, against real git: two clones, edits on both, `git pull`.
final class GitMergeTests: XCTestCase {
    private var root: URL!
    private var home: URL!

    override func setUpWithError() throws {
        root = try TemporaryDirectory.make()
        home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // A home of its own: the user's git configuration plays no part, and the driver is set
        // up exactly as docs/history.md says.
        let config = """
            [user]
            \tname = Test User
            \temail = test@example.com
            [init]
            \tdefaultBranch = main
            [pull]
            \trebase = false
            [merge "sovtrack"]
            \tname = sovtrack deals
            \tdriver = \(SovtrackProcess.binary.path) merge %O %A %B
            [diff "sovtrack"]
            \tcommand = \(SovtrackProcess.binary.path) diff
            \ttextconv = \(SovtrackProcess.binary.path) diff --textconv
            \txfuncname = "^deal .*$"

            """
        try Data(config.utf8).write(to: home.appendingPathComponent(".gitconfig"))
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    @discardableResult
    private func git(
        _ args: String..., in dir: URL, expect status: Int32? = 0,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> (status: Int32, output: String) {
        let p = Process()
        // git from PATH (.ci/run installs it): the round trip is the point of these tests.
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        p.currentDirectoryURL = dir
        p.environment = [
            "HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C.UTF-8", "SOVTRACK_NO_REEXEC": "1",
        ]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if let status {
            XCTAssertEqual(
                p.terminationStatus, status, "git \(args.joined(separator: " ")): \(text)", file: file, line: line)
        }
        return (p.terminationStatus, text)
    }

    @discardableResult
    private func sovtrack(
        _ args: String..., in dir: URL, author: String, expect status: Int32 = 0,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> SovtrackProcess.Result {
        // In this process (CLI.run): what git runs, the merge driver and textconv, are processes.
        let r = try CLI.run(
            args + ["--store", dir.appendingPathComponent("deals.json").path],
            env: ["HOME": home.path, "SOVTRACK_AUTHOR": author])
        XCTAssertEqual(r.status, status, "sovtrack \(args.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        return r
    }

    private func feed(in dir: URL) throws -> Feed {
        let result = FeedDecoder.decode(Array(try Data(contentsOf: dir.appendingPathComponent("deals.json"))))
        XCTAssertFalse(result.hasErrors, "\(result.issues)")
        return result.feed
    }

    /// A shared repository and two clones of it, the store committed with the attributes.
    private func clones() throws -> (URL, URL) {
        let origin = root.appendingPathComponent("origin.git")
        try git("init", "--bare", origin.path, in: root)
        let a = root.appendingPathComponent("a")
        let b = root.appendingPathComponent("b")
        try git("clone", origin.path, a.path, in: root)
        try FileManager.default.copyItem(at: CLI.fixture, to: a.appendingPathComponent("deals.json"))
        try Data("deals.json merge=sovtrack diff=sovtrack\n".utf8).write(to: a.appendingPathComponent(".gitattributes"))
        try git("add", ".", in: a)
        try git("commit", "-m", "deals", in: a)
        try git("push", "origin", "main", in: a)
        try git("clone", origin.path, b.path, in: root)
        return (a, b)
    }

    func testTwoClonesEditingDifferentDealsAndFieldsMergeWithNothingLost() throws {
        let (a, b) = try clones()
        try sovtrack(
            "edit", "kr-naver-nvidia-dsx-sejong", "--target-mw", "500", "--note", "gigawatt cut", in: a, author: "alice"
        )
        try git("commit", "-am", "NAVER target cut", in: a)
        try git("push", in: a)
        // The same deal, another field; and another deal.
        try sovtrack("edit", "kr-naver-nvidia-dsx-sejong", "--initial-mw", "60", in: b, author: "bob")
        try sovtrack("edit", "kr-skt-nvidia-ai-cloud", "--status", "planned", in: b, author: "bob")
        try git("commit", "-am", "bob's edits", in: b)
        try git("pull", in: b)
        try git("push", in: b)
        try git("pull", in: a)

        for dir in [a, b] {
            let f = try feed(in: dir)
            let naver = try XCTUnwrap(f.deals.first { $0.id == "kr-naver-nvidia-dsx-sejong" })
            XCTAssertEqual(naver.capacity?.targetMW, 500)
            XCTAssertEqual(naver.capacity?.initialMW, 60)
            XCTAssertEqual(f.deals.first { $0.id == "kr-skt-nvidia-ai-cloud" }?.status, .planned)
            let history = try History(of: f)
            XCTAssertEqual(Set(history.revisions.map(\.author)), ["alice", "bob"])
            XCTAssertEqual(history.revisions.count, 3)
            XCTAssertEqual(history.revisions.first { $0.author == "alice" }?.note, "gigawatt cut")
            XCTAssertTrue(MergeConflict.issues(in: f).isEmpty)
        }
        XCTAssertEqual(
            try Data(contentsOf: a.appendingPathComponent("deals.json")),
            try Data(contentsOf: b.appendingPathComponent("deals.json")))
        let log = try sovtrack("log", in: a, author: "x")
        XCTAssertTrue(log.stdout.contains("alice") && log.stdout.contains("bob"), log.stdout)
        // git's diff goes through `sovtrack diff` as the external diff.
        let shown = try git("log", "-p", "--ext-diff", "--no-merges", "--", "deals.json", in: a)
        XCTAssertTrue(shown.output.contains("status advanced"), shown.output)
    }

    /// `git log -p` and `git diff` (without the external diff) read the store through textconv:
    /// a changed fact is one changed line, under a hunk header naming the deal.
    func testGitShowsTheStoresChangesAFactALineThroughTextconv() throws {
        let (a, _) = try clones()
        try sovtrack(
            "edit", "kr-skt-nvidia-ai-cloud", "--status", "planned", "--note", "SKT confirms", in: a, author: "alice")
        try git("commit", "-am", "SKT planned", in: a)
        let log = try git("log", "-p", "-1", "--", "deals.json", in: a).output
        XCTAssertTrue(log.contains("\n-  status: announced\n+  status: planned\n"), log)
        XCTAssertTrue(log.contains(" @@ deal kr-skt-nvidia-ai-cloud\n"), log)
        XCTAssertTrue(
            log.contains("+revision ")
                && log.contains(
                    " alice kr-skt-nvidia-ai-cloud edit: status advanced (announced → planned) — SKT confirms"),
            log)
        XCTAssertFalse(log.contains("\"status\""), "no raw JSON: \(log)")
        try sovtrack("edit", "kr-skt-nvidia-ai-cloud", "--status", "cancelled", in: a, author: "alice")
        let diff = try git("diff", "--no-ext-diff", "--", "deals.json", in: a).output
        XCTAssertTrue(diff.contains("\n-  status: planned\n+  status: cancelled\n"), diff)
        // A revision whose file is not a feed is shown as it is, not refused.
        try Data("not json\n".utf8).write(to: a.appendingPathComponent("deals.json"))
        let broken = try git("diff", "--no-ext-diff", "--", "deals.json", in: a).output
        XCTAssertTrue(broken.contains("+# not a valid sovtrack feed") && broken.contains("+not json"), broken)
    }

    func testTheSameFieldChangedTwoWaysIsAConflictUntilResolved() throws {
        let (a, b) = try clones()
        try sovtrack("edit", "kr-naver-nvidia-dsx-sejong", "--target-mw", "500", in: a, author: "alice")
        try git("commit", "-am", "500", in: a)
        try git("push", in: a)
        try sovtrack("edit", "kr-naver-nvidia-dsx-sejong", "--target-mw", "700", in: b, author: "bob")
        try sovtrack("edit", "kr-skt-nvidia-ai-cloud", "--status", "planned", in: b, author: "bob")
        try git("commit", "-am", "700", in: b)
        let pull = try git("pull", in: b, expect: nil)
        XCTAssertNotEqual(pull.status, 0, "git must see the merge as conflicted: \(pull.output)")
        // The store is still a valid feed; validate names the conflict; nothing was lost.
        let check = try sovtrack("validate", in: b, author: "bob", expect: 65)
        XCTAssertTrue(check.stdout.contains("capacity.targetMW was changed both ways"), check.stdout)
        var f = try feed(in: b)
        XCTAssertEqual(f.deals.first { $0.id == "kr-naver-nvidia-dsx-sejong" }?.capacity?.targetMW, 700, "ours kept")
        XCTAssertEqual(f.deals.first { $0.id == "kr-skt-nvidia-ai-cloud" }?.status, .planned)
        try sovtrack(
            "resolve", "kr-naver-nvidia-dsx-sejong", "--field", "capacity.targetMW", "--take", "theirs", in: b,
            author: "bob")
        try sovtrack("validate", in: b, author: "bob")
        f = try feed(in: b)
        XCTAssertEqual(f.deals.first { $0.id == "kr-naver-nvidia-dsx-sejong" }?.capacity?.targetMW, 500)
        XCTAssertEqual(try History(of: f).revisions.filter { $0.action == "resolve" }.count, 1)
        try git("add", "deals.json", in: b)
        try git("commit", "--no-edit", in: b)
        try git("push", in: b)
    }

    func testAMergeOfAnInvalidFeedIsRefusedAndWritesNothing() throws {
        let dir = try TemporaryDirectory.make()
        let base = dir.appendingPathComponent("base.json")
        let ours = dir.appendingPathComponent("ours.json")
        try FileManager.default.copyItem(at: CLI.fixture, to: base)
        try FileManager.default.copyItem(at: CLI.fixture, to: ours)
        let theirs = try CLI.write(
            #"{"format": "sovtrack-feed", "version": 1, "deals": [{"id": "x", "title": "t", "country": "Korea", "announced": "2026"}]}"#,
            as: "theirs.json", in: dir)
        let before = try Data(contentsOf: ours)
        let r = try CLI.run("merge", base.path, ours.path, theirs.path)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("deals[0].country"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: ours), before)
    }
}
