/// Where the deals are kept, whatever keeps them: every command and the dashboard go
/// through this, so that a JSON file (`Store`) and a database server (`PostgresStore`, in
/// DealPostgres) serve them alike.
///
/// Reads return whole validated values (`Store.Snapshot`, `Store.Selection`); writes take a
/// change and apply it to what the store holds *now*, never to an older copy, so that
/// another writer's change is never lost. A store that refuses a change leaves itself
/// unchanged and throws `StoreError`, or `StoreSession.Conflict` when the deal a change
/// names is no longer as the user saw it.
public protocol DealStore: Sendable {
    /// The store as the user named it: a path, or a database URL without its password.
    var path: String { get }
    /// Who is changing the store and why: each save records a revision per deal changed,
    /// in the same atomic write.
    var recorder: RevisionRecorder? { get set }
    /// True when the store holds a feed already (a file that exists, a database with one).
    var exists: Bool { get }

    /// The whole store, validated; a store with any error is refused.
    func load() throws -> Store.Snapshot
    /// The deals `keep` accepts (it may trim them), from a store validated as by `load`.
    func select(where keep: @escaping @Sendable (inout Deal) -> Bool) throws -> Store.Selection
    /// The deals that pass `filter`, in store order.
    func select(matching filter: DealFilter) throws -> Store.Selection
    /// The deal with `id` (none or one) and the history, which holds at least its revisions:
    /// what `show` reads, without every deal where the store can pick one.
    func select(id: String) throws -> Store.Selection
    /// Applies a change to the whole feed as it is now and saves it, if the result is valid.
    @discardableResult
    func update<T>(createIfMissing: Bool, _ change: (inout Feed) throws -> T) throws -> T
    /// Applies a change to the one deal with `id` as it is now and saves it, if the result
    /// is valid; false, writing nothing, when the change changes nothing.
    @discardableResult
    func update(deal id: String, createIfMissing: Bool, _ change: (inout Deal?) throws -> Void) throws -> Bool
    /// Applies a session's change (checked against the deal as the user saw it) and returns
    /// the store as it is after it, for a session that last saw `snapshot`.
    func apply(_ change: StoreSession.Change, after snapshot: Store.Snapshot) throws -> Store.Snapshot
    /// True when the store is no longer as `snapshot` saw it (another writer saved since).
    func changed(since snapshot: Store.Snapshot) -> Bool
    /// A cheap look for other writers' saves since `snapshot`, for a dashboard to make often:
    /// it never waits for a server (a file store answers with `changed(since:)`).
    func watch(since snapshot: Store.Snapshot) -> StoreWatch
    /// Seconds between two looks with `watch(since:)` that cost the store little.
    var watchInterval: Double { get }
}

extension DealStore {
    public func watch(since snapshot: Store.Snapshot) -> StoreWatch {
        changed(since: snapshot) ? .changed : .unchanged
    }

    /// A file's index or decoder picks the deal as `select(where:)` does.
    public func select(id: String) throws -> Store.Selection {
        try select { $0.id == id }
    }

    /// A file is looked at with a `stat` four times a second: it costs nothing, and another
    /// writer's save shows as the user looks up from it.
    public var watchInterval: Double { 0.25 }

    @discardableResult
    public func update<T>(_ change: (inout Feed) throws -> T) throws -> T {
        try update(createIfMissing: false, change)
    }

    @discardableResult
    public func update(deal id: String, _ change: (inout Deal?) throws -> Void) throws -> Bool {
        try update(deal: id, createIfMissing: false, change)
    }
}
