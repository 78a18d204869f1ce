import DealKit
import Foundation

/// A store in memory that can be made unreachable, as a database server is when it restarts:
/// while `down` is set, every read and write throws the database store's error and `watch`
/// says `.lost`; a save by "another writer" moves its generation on.
struct FlakyStore: DealStore {
    /// What the store holds, behind a lock: the dashboard's loop and the test's steps share it.
    final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (feed: Feed, generation: Int64, down: String?)

        init(_ feed: Feed) { value = (feed, 1, nil) }

        func with<T>(_ body: (inout (feed: Feed, generation: Int64, down: String?)) throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body(&value)
        }

        var feed: Feed { with { $0.feed } }
        /// Why the server cannot be reached; nil: it can.
        func down(_ why: String?) { with { $0.down = why } }
        /// Another writer's save.
        func save(_ change: (inout Feed) -> Void) {
            with {
                change(&$0.feed)
                $0.generation += 1
            }
        }
    }

    let state: State
    var path: String { "postgresql://ana@db.example:5432/deals" }
    var recorder: RevisionRecorder?
    var exists: Bool { true }
    /// A look is free: as often as the dashboard likes.
    var watchInterval: Double { 0 }

    init(_ feed: Feed) { state = State(feed) }

    private func reachable<T>(_ body: (inout (feed: Feed, generation: Int64, down: String?)) throws -> T) throws -> T {
        try state.with { v in
            if let why = v.down { throw StoreError.database(path: path, problem: .unreachable, reason: why) }
            return try body(&v)
        }
    }

    func load() throws -> Store.Snapshot {
        try reachable { Store.Snapshot(feed: $0.feed, warnings: [], generation: $0.generation) }
    }

    func select(where keep: @escaping @Sendable (inout Deal) -> Bool) throws -> Store.Selection {
        let feed = try load().feed
        var kept: [Deal] = []
        for var d in feed.deals where keep(&d) { kept.append(d) }
        return Store.Selection(deals: kept, updated: feed.updated, warnings: [])
    }

    func select(matching filter: DealFilter) throws -> Store.Selection {
        let feed = try load().feed
        return Store.Selection(deals: filter.apply(to: feed.deals), updated: feed.updated, warnings: [])
    }

    func update<T>(createIfMissing: Bool, _ change: (inout Feed) throws -> T) throws -> T {
        try reachable { v in
            let result = try change(&v.feed)
            v.generation += 1
            return result
        }
    }

    func update(deal id: String, createIfMissing: Bool, _ change: (inout Deal?) throws -> Void) throws -> Bool {
        try reachable { v in
            let i = v.feed.index(of: id)
            var d = i.map { v.feed.deals[$0] }
            try change(&d)
            if let i { v.feed.deals.remove(at: i) }
            if let d { v.feed.deals.append(d) }
            v.feed.deals.sort { $0.id < $1.id }
            v.generation += 1
            return true
        }
    }

    func apply(_ change: StoreSession.Change, after snapshot: Store.Snapshot) throws -> Store.Snapshot {
        try reachable { v in
            try StoreSession.apply(change, to: &v.feed)
            v.generation += 1
            return Store.Snapshot(feed: v.feed, warnings: [], generation: v.generation)
        }
    }

    func changed(since snapshot: Store.Snapshot) -> Bool {
        state.with { $0.down != nil || $0.generation != snapshot.generation }
    }

    func watch(since snapshot: Store.Snapshot) -> StoreWatch {
        state.with { v in
            if let why = v.down { return .lost(why) }
            return v.generation == snapshot.generation ? .unchanged : .changed
        }
    }
}
