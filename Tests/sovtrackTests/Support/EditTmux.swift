#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// A small tmux driver for the editing tests: one private server per test (`-L`), keys in, screen out.
final class EditTmux {
    let socket = "sovtrack-edit-\(UUID().uuidString.prefix(8))"

    /// Starts `command` (argv) in a detached window of the given size, with LANG=C.UTF-8.
    init(cols: Int, rows: Int, command: [String]) throws {
        guard TmuxSession.executable != nil else { throw XCTSkip("tmux is not installed") }
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(cols)", "-y", "\(rows)",
                 "env", "LANG=C.UTF-8"] + command)
        try run(["set-option", "-t", "t", "remain-on-exit", "on"])
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Runs a tmux command on this test's server and returns its output.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        try TmuxSession.run(socket: socket, args)
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
