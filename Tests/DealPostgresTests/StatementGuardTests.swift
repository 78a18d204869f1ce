import DealKit
import Foundation
import TestSupport
import XCTest

@testable import DealPostgres

/// No statement waits for a connection that has closed: postgres-nio never answers one sent
/// on a closed connection, which made a use after a server-side close hang.
final class StatementGuardTests: XCTestCase {
    /// The grace these tests wait, a tenth of the product's: the rule, not the second, is tested.
    static let grace: Duration = .milliseconds(100)

    private func link(_ db: ScratchDatabase) throws -> PostgresLink {
        try PostgresLink.open(PostgresSettings(url: db.url, environment: db.environment))
    }

    func testAStatementOnAClosedConnectionFailsAtOnceInOneLine() throws {
        let db = try ScratchDatabase.make(self)
        let link = try link(db)
        XCTAssertEqual(try link.value("SELECT 1", as: Int.self), 1)
        try link.connection.close().wait()
        XCTAssertTrue(link.isClosed)
        XCTAssertThrowsError(try TimeLimit.run(10, "a statement on a closed connection") { try link.run("SELECT 1") }) {
            XCTAssertEqual(
                "\($0)",
                "\(link.settings.display): the connection to the server was lost; nothing half-written was kept")
        }
    }

    func testAStatementInFlightWhenTheConnectionClosesIsGivenUpAfterTheGrace() throws {
        let db = try ScratchDatabase.make(self)
        let link = try link(db)
        let statements = StatementGuard(link.connection, grace: Self.grace)
        let connection = link.connection
        let started = Date()
        // A statement that will never be answered, as one written to a closed channel is not.
        let waiting = Task.detached {
            try await statements.run { try await Task.sleep(for: .seconds(60)) }
        }
        try connection.close().wait()
        XCTAssertThrowsError(
            try TimeLimit.run(10, "a statement on a connection that closed") {
                try Self.blocking(link.settings) { try await waiting.value }
            }
        ) {
            XCTAssertEqual(
                "\($0)",
                "\(link.settings.display): the connection to the server was lost; nothing half-written was kept")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 8, "given up a moment after the close, not at the end")
    }

    func testAStatementWaitedForHereIsGivenUpAfterTheGraceWhenItsConnectionCloses() throws {
        let db = try ScratchDatabase.make(self)
        let link = try link(db)
        let statements = StatementGuard(link.connection, grace: Self.grace)
        let connection = link.connection
        // A statement that will never be answered, as one written to a closed channel is not.
        let unanswered = connection.eventLoop.makePromise(of: Int.self)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { try? connection.close().wait() }
        let started = Date()
        XCTAssertThrowsError(
            try TimeLimit.run(10, "a statement waited for on a connection that closed") {
                try statements.wait { unanswered.futureResult }
            }
        ) { XCTAssertTrue($0 is StatementGuard.Closed, "\($0)") }
        XCTAssertLessThan(Date().timeIntervalSince(started), 8, "given up a moment after the close, not at the end")
        // An answer after all comes too late, and is dropped.
        unanswered.succeed(0)
        XCTAssertThrowsError(try statements.wait { connection.eventLoop.makeSucceededFuture(1) }) {
            XCTAssertTrue($0 is StatementGuard.Closed, "\($0)")
        }
    }

    func testAStatementAnsweredBeforeTheCloseKeepsItsAnswer() throws {
        let db = try ScratchDatabase.make(self)
        let link = try link(db)
        let statements = StatementGuard(link.connection, grace: Self.grace)
        let (c, l) = (link.connection, link.logger)
        let n = try Self.blocking(link.settings) {
            try await statements.run {
                var n = 0
                for try await row in try await c.query("SELECT 41 + 1", logger: l) { n = try row.decode(Int.self) }
                return n
            }
        }
        XCTAssertEqual(n, 42)
        link.close()
    }

    /// Runs the guard's async `run` to its end on another thread and waits for it here, the
    /// error as a user sees it: how the watch, the one async caller, meets a closed connection.
    private static func blocking<T: Sendable>(_ s: PostgresSettings, _ body: @escaping @Sendable () async throws -> T)
        throws
        -> T
    {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.mapError { PostgresLink.storeError($0, s) }.get()
    }
}

/// Where the async work's result waits for the blocked thread (written once, before the signal).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
