#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// A small tmux driver for the editing tests: one private server per test (`-L`), keys in, screen out.
final class EditTmux {
    let socket = "sovtrack-edit-\(UUID().uuidString.prefix(8))"

    /// The tmux executable, or nil when it is not installed.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"])
            .map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `command` (argv) in a detached window of the given size, with LANG=C.UTF-8.
    init(cols: Int, rows: Int, command: [String]) throws {
        guard EditTmux.executable != nil else { throw XCTSkip("tmux is not installed") }
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(cols)", "-y", "\(rows)",
                 "env", "LANG=C.UTF-8"] + command)
        try run(["set-option", "-t", "t", "remain-on-exit", "on"])
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Runs a tmux command on this test's server and returns its output.
    ///
    /// posix_spawn and waitpid, output to a file: the server that `new-session` forks inherits
    /// the client's descriptors, and Foundation's Process would then never see the client exit.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString.prefix(8)).out"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let tmux = EditTmux.executable!
        let argv = ([tmux, "-L", socket] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
        guard rc == 0 else { throw XCTSkip("cannot run tmux: \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        // Exited normally with status 0 (the C macros do not import).
        if status & 0x7F != 0 || (status >> 8) & 0xFF != 0 { throw XCTSkip("tmux \(args.first ?? ""): \(text)") }
        return text
    }

    /// Sends tmux key names ("Tab", "C-s", "Enter", "2"), one by one.
    func keys(_ names: String...) throws {
        for k in names { try run(["send-keys", "-t", "t", k]) }
    }

    /// Types text literally (Hangul included).
    func type(_ text: String) throws { try run(["send-keys", "-t", "t", "-l", text]) }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", "t"]) }

    /// Polls the screen until it contains every text, failing with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ texts: String..., timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var s = ""
        repeat {
            s = try screen()
            if texts.allSatisfy(s.contains) { return s }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        XCTFail("timed out waiting for \(texts); screen:\n\(s)", file: file, line: line)
        throw XCTSkip("gave up after a timeout")
    }
}
