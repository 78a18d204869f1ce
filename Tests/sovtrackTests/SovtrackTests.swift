import DealKit
import Foundation
import TestSupport
import XCTest

@testable import sovtrack

/// The root command: which command a bare or option-first command line runs.
final class SovtrackTests: XCTestCase {
    func testNoCommandOrTheDashboardsOptionsNameBrowse() {
        XCTAssertEqual(Sovtrack.naming([]), ["browse"])
        XCTAssertEqual(Sovtrack.naming(["--country", "KR"]), ["browse", "--country", "KR"])
        XCTAssertEqual(Sovtrack.naming(["--store=x.json", "--no-color"]), ["browse", "--store=x.json", "--no-color"])
        XCTAssertEqual(Sovtrack.naming(["-x"]), ["browse", "-x"], "the dashboard's parser names what it does not know")
    }

    func testCommandsAndTheRootsOwnOptionsAreLeftAsGiven() {
        for args in [
            ["list", "--country", "KR"], ["help"], ["help", "browse"], ["lst"], ["--help"], ["-h"], ["--version"],
            ["--generate-completion-script", "bash"], ["--generate-completion-script=zsh"], ["browse"],
        ] {
            XCTAssertEqual(Sovtrack.naming(args), args, "\(args)")
        }
    }

    /// Without a terminal the dashboard prints the summary table: the same as `browse` named.
    func testTheDashboardsOptionsWithoutACommandRunBrowse() throws {
        let store = PackageRoot.fixture("deals.json").path
        let bare = try CLI.run(["--country", "KR", "--store", store])
        XCTAssertEqual(bare.status, 0, bare.stderr)
        XCTAssertEqual(bare.stdout, try CLI.run(["browse", "--country", "KR", "--store", store]).stdout)
        XCTAssertTrue(bare.stdout.contains("KR"), bare.stdout)
        CLI.assertUserError(try CLI.run(["--store", store, "list"]), code: 64, ["Unexpected argument 'list'"])
        CLI.assertUserError(try CLI.run(["--bogus"]), code: 64, ["Unknown option '--bogus'"])
        XCTAssertTrue(try CLI.run("--help").stdout.contains("browse "), "the dashboard is listed")
    }

    /// A command is parsed by itself: the same values as from the root, the same errors.
    func testACommandParsedAloneIsTheCommandParsedFromTheRoot() throws {
        let args = ["add", "--id", "x", "--title", "T", "--country", "KR", "--announced", "2026", "--initial-mw", "10"]
        let alone = try XCTUnwrap(try Sovtrack.parse(args) as? AddCommand)
        let fromRoot = try XCTUnwrap(try Sovtrack.parseAsRoot(args) as? AddCommand)
        XCTAssertEqual(String(describing: alone), String(describing: fromRoot))
        let list = try XCTUnwrap(try Sovtrack.parse(["list", "--country", "KR", "--format", "csv"]) as? ListCommand)
        XCTAssertEqual(list.filters.country, ["KR"])
        XCTAssertNotNil(try Sovtrack.parse(["db", "load", "x.json"]), "a command's own subcommands")
        for bad in [["add", "--id", "x"], ["list", "--bogus"], ["list", "--sort", "foo"], ["show"]] {
            var alone = ""
            var root = ""
            XCTAssertThrowsError(try Sovtrack.parse(bad)) { alone = Sovtrack.message(for: $0) }
            XCTAssertThrowsError(try Sovtrack.parseAsRoot(bad)) { root = Sovtrack.message(for: $0) }
            XCTAssertEqual(alone, root, "\(bad)")
        }
    }

    /// Help, the version and completion scripts name the whole tree, so they are the root's.
    func testHelpAndTheVersionAreTheRoots() throws {
        for args in [
            ["add", "--help"], ["list", "-h"], ["help", "list"], ["add", "--version"], ["db", "load", "--help"],
        ] {
            // The parser answers help with a command whose run throws the text.
            XCTAssertThrowsError(
                try {
                    var c = try Sovtrack.parse(args)
                    try c.run()
                }(), "\(args)"
            ) { error in
                XCTAssertEqual(Sovtrack.exitCode(for: error), .success)
                let text = Sovtrack.fullMessage(for: error)
                XCTAssertTrue(text.contains("USAGE: sovtrack ") || text.hasPrefix("sovtrack 0"), "\(args): \(text)")
            }
        }
    }

    /// A result cut short on standard output (a full disk, a closed descriptor) is an error,
    /// one line on standard error and exit 74; a reader that stops reading is not.
    func testAFailedWriteToStandardOutputIsAnErrorNotASuccess() throws {
        let store = PackageRoot.fixture("deals.json").path
        for args in [["--version"], ["list", "--format", "csv", "--store", store]] {
            let p = Process()
            p.executableURL = SovtrackProcess.binary
            p.arguments = args
            p.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
            let err = Pipe()
            p.standardError = err
            try p.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 74, "\(args)")
            XCTAssertEqual(message, "sovtrack: cannot write to standard output: No space left on device\n", "\(args)")
        }
        // Into a pipe whose reader has gone: no message (`sovtrack list | head -1`).
        let p = Process()
        p.executableURL = SovtrackProcess.binary
        p.arguments = ["list", "--format", "csv", "--store", store]
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try out.fileHandleForReading.close()
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertFalse(message.contains("cannot write"), message)
    }

    /// Started with standard output and error closed (`>&- 2>&-`), a writing command keeps
    /// descriptors 1 and 2 for them (on /dev/null): the store's lock, opened while it waits
    /// for another holder, does not take number 1, where a line meant for standard output
    /// would be written into it. The edit is then saved whole, and the result it could not
    /// print makes it exit 74.
    func testClosedStandardDescriptorsAreNotReusedForTheStoresFiles() throws {
        let store = try CLI.copy(CLI.fixture)
        let lock = store.path + ".lock"
        let holder = try ForeignLock(path: lock)
        defer { holder.release() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [
            "-c", #"exec "$0" edit kr-skt-nvidia-ai-cloud --store "$1" --title Closed >&- 2>&-"#,
            SovtrackProcess.binary.path, store.path,
        ]
        p.environment = ["SOVTRACK_LOCK_TIMEOUT": "20", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        try p.run()
        // While it waits for the lock, its descriptors are what it opened.
        let fds = "/proc/\(p.processIdentifier)/fd"
        func target(_ fd: String) -> String? {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fds)/\(fd)")
        }
        let deadline = Date().addingTimeInterval(10)
        var opened: [String] = []
        while Date() < deadline {
            opened = ((try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? []).compactMap(target)
            if opened.contains(where: { $0.hasSuffix(".lock") }) { break }
            usleep(10_000)
        }
        XCTAssertTrue(opened.contains(where: { $0.hasSuffix(".lock") }), "\(opened)")
        XCTAssertEqual(target("1"), "/dev/null")
        XCTAssertEqual(target("2"), "/dev/null")
        holder.release()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 74)
        let feed = FeedDecoder.decode(Array(try Data(contentsOf: store)))
        XCTAssertFalse(feed.hasErrors, "\(feed.issues)")
        XCTAssertEqual(feed.feed.deals.first { $0.id == "kr-skt-nvidia-ai-cloud" }?.title, "Closed")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: lock)).count, 0, "nothing written into the lock")
    }
}
