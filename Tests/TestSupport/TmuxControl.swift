import Foundation

/// One tmux client in control mode (`tmux -C attach`), through which a `TmuxSession` sends its
/// commands and hears that its pane printed something.
///
/// A command run as a client process of its own costs a fork, an exec and a connection (the
/// tmux suites ran about a thousand of them); here it is a line written to a pipe. And a wait
/// for the screen wakes when the pane prints (`%output`) rather than after a fixed sleep.
final class TmuxControl: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    private let inbox = Inbox()
    /// One command at a time, so that each reply goes to whoever sent it.
    private let sending = NSLock()

    /// Attaches to session `t` on the server at `socket`, which must be running already (the
    /// first client forks the server, and a server holding this pipe would keep it open).
    init(executable: String, socket: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-L", socket, "-C", "attach-session", "-t", "t"]
        let inbox = inbox
        input = try PipedChild.start(process, line: { inbox.take($0) }, ended: { inbox.end() })
    }

    /// The number of `%output` notifications so far: a wait compares it before and after.
    var outputCount: Int { inbox.locked { $0.outputs } }

    /// Runs one tmux command (argv, quoted here for tmux's parser) and returns what it printed,
    /// each line ending in a newline as a client process prints it.
    func run(_ args: [String], timeout: Double = 10) throws -> String {
        sending.lock()
        defer { sending.unlock() }
        let command = args.joined(separator: " ")
        // A write to a client that has ended would raise SIGPIPE: the server is gone.
        if inbox.locked({ $0.ended }) { throw TmuxError(message: "tmux \(command): the server has ended") }
        do {
            try input.write(contentsOf: Data((args.map(TmuxControl.quoted).joined(separator: " ") + "\n").utf8))
        } catch {
            throw TmuxError(message: "tmux \(command): the control client has ended")
        }
        guard let reply = inbox.nextReply(by: Date().addingTimeInterval(timeout)) else {
            throw TmuxError(message: "tmux \(command): no reply")
        }
        let text = reply.lines.map { $0 + "\n" }.joined()
        if reply.failed { throw TmuxError(message: "tmux \(command): \(text)") }
        return text
    }

    /// Waits until the pane prints after `count` (`outputCount` read before looking at the
    /// screen), or `seconds` pass: what changes a screen without printing (a pane that died,
    /// a title) is seen by looking again after the time.
    func waitForOutput(after count: Int, atMost seconds: Double) {
        inbox.wait(until: Date().addingTimeInterval(seconds)) { $0.outputs != count }
    }

    /// Waits until the pane has printed nothing for `quiet` seconds (or `seconds` pass), so
    /// that a look at the screen does not catch a frame half drawn, its first write read by
    /// tmux and the rest not yet.
    func settle(quiet: Double = 0.003, atMost seconds: Double = 0.05) {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let calm = inbox.locked { $0.lastOutput }.addingTimeInterval(quiet)
            if calm <= Date() || calm > deadline { return }
            inbox.wait(until: calm) { _ in false }
        }
    }

    /// Detaches (the server, if still up, goes on) and waits for the client to end.
    func close() {
        try? input.close()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning { process.terminate() }
    }

    /// An argument in single quotes, which tmux takes literally; a quote inside is closed,
    /// escaped and opened again.
    static func quoted(_ arg: String) -> String {
        "'" + arg.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// What the client has said, sorted on the reading thread into replies and notifications.
    private final class Inbox: @unchecked Sendable {
        struct Heard {
            /// Replies to our commands, oldest first: the lines between `%begin` and `%end` (or
            /// `%error`), and whether it was an error.
            var replies: [(lines: [String], failed: Bool)] = []
            /// Incremented at each `%output` notification.
            var outputs = 0
            /// When the last `%output` came.
            var lastOutput = Date.distantPast
            var ended = false
        }

        private let condition = NSCondition()
        private var heard = Heard()
        /// The reply being read, on the reading thread only.
        private var block: [String]?
        /// Blocks flagged 0 answer the attach itself, not a command of ours.
        private var ours = false

        func locked<T>(_ body: (inout Heard) -> T) -> T {
            condition.lock()
            defer {
                condition.broadcast()
                condition.unlock()
            }
            return body(&heard)
        }

        /// Waits until `done` holds, the client ends, or `deadline` passes.
        func wait(until deadline: Date, for done: (Heard) -> Bool) {
            condition.lock()
            defer { condition.unlock() }
            while !done(heard) && !heard.ended {
                if !condition.wait(until: deadline) { return }
            }
        }

        func nextReply(by deadline: Date) -> (lines: [String], failed: Bool)? {
            wait(until: deadline) { !$0.replies.isEmpty }
            return locked { $0.replies.isEmpty ? nil : $0.replies.removeFirst() }
        }

        func take(_ line: String) {
            if var lines = block {
                if line.hasPrefix("%end ") || line.hasPrefix("%error ") {
                    block = nil
                    if ours { locked { $0.replies.append((lines, line.hasPrefix("%error "))) } }
                } else {
                    lines.append(line)
                    block = lines
                }
            } else if line.hasPrefix("%begin ") {
                block = []
                ours = line.hasSuffix(" 1")
            } else if line.hasPrefix("%output ") {
                locked {
                    $0.outputs += 1
                    $0.lastOutput = Date()
                }
            }
        }

        func end() { locked { $0.ended = true } }
    }
}
