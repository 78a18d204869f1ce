import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A detached tmux session on its own server, for driving the real dashboard end to end: keys in, screen out.
///
/// Each session has a unique socket (`-L`), so tests never share a server with each other
/// or with a user's tmux, and `kill()` takes the whole server down.
public final class TmuxSession {
    public let socket: String
    private var killed = false
    /// The server's socket file, removed after the server is killed (tmux leaves it behind).
    private var socketPath: String?
    /// The client in control mode that runs this session's commands.
    private let control: TmuxControl

    /// The tmux executable, or nil when it is not installed.
    public static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts a plain shell (prompt `READY$ `) in `directory`, in a window of the given size.
    public convenience init(cols: Int, rows: Int, directory: URL) throws {
        try self.init(
            cols: cols, rows: rows,
            arguments: [
                "-c", directory.path, "-e", "LANG=C.UTF-8", "-e", "PS1=READY$ ", "-e", "HOME=\(directory.path)",
                "env", "-u", "SOVTRACK_STORE", "sh",
            ])
        _ = try waitFor("READY$")
    }

    /// Starts `command` (argv) directly in a window of the given size, with LANG=C.UTF-8; the
    /// window stays when the command ends, so its last screen can still be read.
    public convenience init(cols: Int, rows: Int, command: [String]) throws {
        try self.init(cols: cols, rows: rows, arguments: ["env", "LANG=C.UTF-8"] + command)
        try tmux(["set-option", "-t", "t", "remain-on-exit", "on"])
    }

    private init(cols: Int, rows: Int, arguments: [String]) throws {
        guard let executable = TmuxSession.executable else {
            throw XCTSkip("tmux is not installed; .ci/run installs it")
        }
        let socket = "sovtrack-test-\(UUID().uuidString.prefix(8))"
        // The server is started by a client process of its own (the control client attaches
        // to a running server), and taken down if the control client cannot start.
        try TmuxSession.run(
            socket: socket,
            ["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(cols)", "-y", "\(rows)"] + arguments)
        do {
            control = try TmuxControl(executable: executable, socket: socket)
        } catch {
            _ = try? TmuxSession.run(socket: socket, ["kill-server"])
            throw error
        }
        self.socket = socket
        socketPath = try? tmux(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    deinit { kill() }

    /// Runs a tmux command on this session's server and returns its output.
    @discardableResult
    public func tmux(_ args: [String]) throws -> String {
        try control.run(args)
    }

    /// Runs a tmux command on the server at `socket` and returns its output.
    @discardableResult
    public static func run(socket: String, _ args: [String]) throws -> String {
        // ChildProcess: tmux's first client forks the server, which inherits the client's descriptors.
        let exit = try ChildProcess.run([TmuxSession.executable!, "-L", socket] + args, capture: .outputAndErrors)
        if !exit.succeeded { throw TmuxError(message: "tmux \(args.joined(separator: " ")): \(exit.text)") }
        return exit.text
    }

    /// Types text literally (no key names; Hangul included), then Enter if asked.
    public func type(_ text: String, enter: Bool = false) throws {
        try tmux(["send-keys", "-t", "t", "-l", text])
        if enter { try keys("Enter") }
    }

    /// Sends tmux key names: "Down", "Enter", "Escape", "C-c", "q" ..., one by one.
    public func keys(_ names: String...) throws {
        for k in names { try tmux(["send-keys", "-t", "t", k]) }
    }

    /// The screen as text, one line per row, once the pane has stopped printing for a moment.
    public func capture() throws -> String {
        control.settle()
        return try tmux(["capture-pane", "-p", "-t", "t"])
    }

    /// The screen with its colours and attributes, as escape sequences (`capture-pane -e`).
    public func captureStyled() throws -> String {
        control.settle()
        return try tmux(["capture-pane", "-p", "-e", "-t", "t"])
    }

    /// Polls the styled screen for at most `seconds` until it differs from `before`, and returns it
    /// (unchanged after that time, without failing: a key may rightly change nothing).
    @discardableResult
    public func styledChange(from before: String, within seconds: Double) throws -> String {
        try poll(captureStyled, for: seconds) { $0 != before }.screen
    }

    /// The pane's title, which a program can set with an OSC sequence.
    public func title() throws -> String { try tmux(["display-message", "-p", "-t", "t", "#{pane_title}"]) }

    /// The pid of the shell in the pane.
    public func shellPID() throws -> Int32 {
        Int32(
            try tmux(["display-message", "-p", "-t", "t", "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines)) ?? 0
    }

    public func resize(cols: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", "\(cols)", "-y", "\(rows)"])
    }

    /// Polls the screen until `predicate` holds, or fails after `timeout` seconds with the last screen.
    @discardableResult
    public func waitUntil(
        _ what: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line,
        _ predicate: (String) -> Bool
    ) throws -> String {
        let (screen, held) = try poll(capture, for: timeout, until: predicate)
        if held { return screen }
        XCTFail("timed out waiting for \(what); screen:\n\(screen)", file: file, line: line)
        throw TmuxError(message: "timed out waiting for \(what)")
    }

    /// Looks at the screen with `look` until `done` holds or `seconds` pass, looking again
    /// each time the pane prints (or after 50 ms without: a screen also changes without
    /// printing, as a pane that died says so itself); the last screen, and whether it held.
    private func poll(_ look: () throws -> String, for seconds: Double, until done: (String) -> Bool) throws
        -> (screen: String, held: Bool)
    {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        repeat {
            let printed = control.outputCount
            screen = try look()
            if done(screen) { return (screen, true) }
            control.waitForOutput(after: printed, atMost: 0.05)
        } while Date() < deadline
        return (screen, false)
    }

    /// The screen once it holds still: two looks, `quiet` seconds without output apart, the
    /// same. A look waits a few milliseconds without output already; this is for a test that
    /// reads the whole frame on a loaded host, where a dashboard paused between two writes of
    /// one frame would leave it half drawn for longer than that.
    public func stillScreen(quiet: Double = 0.02, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while Date() < deadline {
            control.settle(quiet: quiet, atMost: timeout)
            let again = try capture()
            if again == screen { return screen }
            screen = again
        }
        throw TmuxError(message: "the screen did not hold still for \(timeout) s")
    }

    /// Polls the screen until it contains every one of `texts`.
    @discardableResult
    public func waitFor(_ texts: String..., timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line)
        throws -> String
    {
        try waitUntil(texts.map(\.debugDescription).joined(separator: ", "), timeout: timeout, file: file, line: line) {
            screen in
            texts.allSatisfy(screen.contains)
        }
    }

    /// Ends the session and its server; safe to call twice.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? TmuxSession.run(socket: socket, ["kill-server"])
        control.close()
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    }
}

public struct TmuxError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
