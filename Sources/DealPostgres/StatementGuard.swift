import Foundation
import PostgresNIO
import Synchronization

/// Waits for a connection's statements, but never for one the connection will not answer.
///
/// postgres-nio hands a statement to the connection's channel and waits for the channel's
/// handler to answer it. Once the channel has closed (the server restarted, or ended the
/// session with `pg_terminate_backend`), that handler is gone: a statement sent then is
/// dropped without an answer and its caller waits forever. So a statement is never sent on
/// a connection known to be closed, and one in flight when the connection closes is given
/// up on a moment later (`grace`): long enough for postgres-nio to fail, or finish, the
/// statements it did receive, with their own outcome.
final class StatementGuard: Sendable {
    /// How long a statement in flight may still answer after its connection closed, unless
    /// told otherwise (tests wait less).
    static let grace: Duration = .seconds(1)

    private struct Waiting {
        var closed = false
        var next = 0
        var fail: [Int: @Sendable () -> Void] = [:]
    }

    private let connection: PostgresConnection
    private let waiting = Mutex(Waiting())

    init(_ connection: PostgresConnection, grace: Duration = StatementGuard.grace) {
        self.connection = connection
        let (seconds, attoseconds) = grace.components
        let grace = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        // One observer per connection (not one per statement), so a long session adds nothing;
        // timed on the connection's own event loop, which a command's closing connection
        // then asks for no thread more.
        let loop = connection.eventLoop
        connection.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            loop.scheduleTask(in: grace) {
                let stranded = self.waiting.withLock { w -> [@Sendable () -> Void] in
                    w.closed = true
                    defer { w.fail = [:] }
                    return Array(w.fail.values)
                }
                for fail in stranded { fail() }
            }
        }
    }

    /// True once the connection is known to be closed: a new statement would never be answered.
    var isClosed: Bool { connection.isClosed || waiting.withLock { $0.closed } }

    /// Runs `body` (statements on this guard's connection) and returns what it returns, or
    /// throws `Closed` when the connection is closed, or closes and `body` has not finished
    /// `grace` after.
    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        if isClosed { throw Closed() }
        return try await withCheckedThrowingContinuation { continuation in
            let answer = Answer<T> { continuation.resume(with: $0) }
            guard let id = waitingFor(answer) else { return answer.give(.failure(Closed())) }
            Task.detached {
                let result: Result<T, any Error>
                do { result = .success(try await body()) } catch { result = .failure(error) }
                self.answered(id, answer, result)
            }
        }
    }

    /// Waits here, on a thread of the caller's (never the connection's event loop), for the
    /// statement `send` starts: its answer, or `Closed` as `run` gives it.
    ///
    /// Synchronous callers wait on postgres-nio's future itself: no task is started and no
    /// thread other than the event loop's is woken for a statement.
    func wait<T: Sendable>(_ send: () -> EventLoopFuture<T>) throws -> T {
        if isClosed { throw Closed() }
        let promise = connection.eventLoop.makePromise(of: T.self)
        let answer = Answer<T> { promise.completeWith($0) }
        guard let id = waitingFor(answer) else { throw Closed() }
        send().whenComplete { self.answered(id, answer, $0) }
        return try promise.futureResult.wait()
    }

    /// Registers a statement to fail when the connection closes; nil when it has closed.
    private func waitingFor<T>(_ answer: Answer<T>) -> Int? {
        waiting.withLock { w -> Int? in
            if w.closed { return nil }
            w.next += 1
            w.fail[w.next] = { answer.give(.failure(Closed())) }
            return w.next
        }
    }

    /// Gives a statement its answer, which the connection's close then no longer overrides.
    private func answered<T>(_ id: Int, _ answer: Answer<T>, _ result: Result<T, any Error>) {
        _ = waiting.withLock { $0.fail.removeValue(forKey: id) }
        answer.give(result)
    }

    /// The connection closed before the statement was answered (or before it was sent).
    struct Closed: Error {}
}

/// Where a waiting statement's one answer goes: the first given wins, later ones are dropped.
private final class Answer<T: Sendable>: Sendable {
    private let waiter: Mutex<(@Sendable (Result<T, any Error>) -> Void)?>

    init(_ waiter: @escaping @Sendable (Result<T, any Error>) -> Void) { self.waiter = Mutex(waiter) }

    func give(_ result: Result<T, any Error>) {
        let taken = waiter.withLock { w -> (@Sendable (Result<T, any Error>) -> Void)? in
            defer { w = nil }
            return w
        }
        taken?(result)
    }
}
