import DealKit
import Foundation
import PostgresNIO
import Synchronization

/// Hears other writers' saves as they commit, so that an open dashboard shows them at once
/// without asking the server every second.
///
/// A connection of its own runs `LISTEN sovtrack`. Every save sends `NOTIFY sovtrack` with the
/// store's new generation inside its transaction, which the server delivers when, and only if,
/// it commits. Once listening, the watch reads the generation itself, so that a save committed
/// before the LISTEN is not missed. A standby (a read replica) can neither LISTEN nor be sent a
/// NOTIFY: there the watch reads the generation every `retry` instead, on its own connection,
/// so the dashboard still never waits for the server. When the connection is lost (the server
/// restarting) the watch says why and connects again in the background until it is dropped:
/// a tenth of a second after, then twice as long each time, up to every `retry`, so that a
/// restart is over for the dashboard as soon as the server is, and a server that stays down
/// is not asked ten times a second.
final class PostgresWatch: Sendable {
    enum State: Sendable, Equatable {
        /// Connecting: nothing to tell yet.
        case starting
        /// Listening; the store's generation as last committed.
        case listening(generation: Int64)
        /// The server cannot be heard now, and why, in a few words.
        case lost(String)
    }

    /// The channel every save notifies, with its generation as the payload.
    static let channel = "sovtrack"

    private final class Shared: Sendable {
        let state = Mutex(State.starting)
        func set(_ s: State) { state.withLock { $0 = s } }
    }

    private let shared: Shared
    private let task: Task<Void, Never>

    /// Starts watching. `poll` forces (true) or forbids (false) reading the generation every
    /// `retry` instead of listening; nil: poll only on a standby, which cannot LISTEN.
    init(_ settings: PostgresSettings, retry: Duration = .seconds(1), poll: Bool? = nil) {
        let shared = Shared()
        self.shared = shared
        task = Task.detached { await PostgresWatch.watch(settings, shared, retry: retry, poll: poll) }
    }

    deinit { task.cancel() }

    var state: State { shared.state.withLock { $0 } }

    private static func watch(_ settings: PostgresSettings, _ shared: Shared, retry: Duration, poll: Bool?) async {
        let logger = PostgresLink.quietLogger
        let clock = ContinuousClock()
        let firstPause = min(Duration.milliseconds(100), retry)
        var pause = firstPause
        while !Task.isCancelled {
            var why: String
            do {
                let config = try PostgresLink.configuration(settings)
                let connection = try await PostgresConnection.connect(
                    on: PostgresLink.loop, configuration: config, id: 2, logger: logger)
                let connected = clock.now
                let statements = StatementGuard(connection)
                let generation = { @Sendable () async throws -> Int64 in
                    try await statements.run {
                        var generation: Int64 = 0
                        let rows = try await connection.query("SELECT generation FROM sovtrack_feed", logger: logger)
                        for try await row in rows { generation = try row.decode(Int64.self) }
                        return generation
                    }
                }
                do {
                    let standby = try await statements.run {
                        var standby = false
                        for try await row in try await connection.query("SELECT pg_is_in_recovery()", logger: logger) {
                            standby = try row.decode(Bool.self)
                        }
                        return standby
                    }
                    if poll ?? standby {
                        // A standby (a read replica) cannot LISTEN, and is never sent NOTIFY: ask instead.
                        while !Task.isCancelled {
                            shared.set(.listening(generation: try await generation()))
                            try await Task.sleep(for: retry)
                        }
                    } else {
                        try await connection.listen(on: channel) { notes in
                            shared.set(.listening(generation: try await generation()))
                            for try await note in notes {
                                if let g = Int64(note.payload) { shared.set(.listening(generation: g)) }
                            }
                        }
                    }
                    why = "the server closed the connection"
                } catch {
                    why = reason(error, settings)
                }
                try? await connection.close()
                // A connection that lasted was a recovery: the next loss starts the pauses again.
                if clock.now - connected >= retry { pause = firstPause }
            } catch {
                why = reason(error, settings)
            }
            if Task.isCancelled { return }
            shared.set(.lost(why))
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, retry)
        }
    }

    /// Why the server cannot be heard, for a footer: the store's own one-line reason, without
    /// the promise about writes that a lost connection's error makes.
    static func reason(_ error: any Error, _ settings: PostgresSettings) -> String {
        if error is StatementGuard.Closed { return "the server closed the connection" }
        if let e = error as? PSQLError {
            switch e.code {
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
                return "the server closed the connection"
            case .server:
                let state = e.serverInfo?[.sqlState] ?? ""
                if state.hasPrefix("57P") && state != "57P03" {
                    return "the server closed the connection (\(e.serverInfo?[.message] ?? state))"
                }
            default: break
            }
        }
        if case .database(_, _, let reason)? = PostgresLink.storeError(error, settings) as? StoreError {
            return reason
        }
        return "\(error)"
    }
}
