/// A long-lived view of the store for an interactive editor: changes that never overwrite
/// what another writer saved, undo, and noticing when the file changes on disk.
///
/// Each change names the deal as the user saw it. It is applied under the lock to the file
/// as it is on disk *now*; if that deal changed there since it was loaded, the change is
/// refused with the other version, so the user can choose. Changes to other deals by other
/// writers are simply kept.
public struct StoreSession: Sendable {
    /// One change a user makes.
    public enum Change: Sendable, Equatable {
        case add(Deal)
        /// Replaces `old` (as the user saw it) with `new`; the id may change.
        case replace(old: Deal, new: Deal)
        case remove(Deal)
        /// Settles a merge conflict with one side's value: the deal goes from `old` to `new`
        /// (nil: not there) and the conflict leaves the store's list; `reopen`, its undo, puts
        /// `old` back and the conflict on the list again.
        case settle(MergeConflict, side: ConflictSide, old: Deal?, new: Deal?, reopen: Bool)

        /// The change that undoes this one.
        public var inverse: Change {
            switch self {
            case .add(let d): return .remove(d)
            case .remove(let d): return .add(d)
            case .replace(let old, let new): return .replace(old: new, new: old)
            case .settle(let c, let side, let old, let new, let reopen):
                return .settle(c, side: side, old: new, new: old, reopen: !reopen)
            }
        }

        /// A few words for a status line: `added kr-x`, `edited kr-x`, `deleted kr-x`.
        public var summary: String {
            switch self {
            case .add(let d): return "added \(d.id)"
            case .replace(_, let d): return "edited \(d.id)"
            case .remove(let d): return "deleted \(d.id)"
            case .settle(let c, let side, _, _, let reopen):
                return reopen
                    ? "conflict of \(c.id) \(c.field) open again" : "took \(side.rawValue) for \(c.id) \(c.field)"
            }
        }
    }

    /// Why a change could not be applied as asked.
    public enum Conflict: Error, Sendable, Equatable, CustomStringConvertible {
        /// The deal changed on disk since it was loaded; `current` is what is there now (nil: removed).
        case changedOnDisk(id: String, current: Deal?)
        /// A deal with this id already exists.
        case idTaken(String)

        public var description: String {
            switch self {
            case .changedOnDisk(let id, let current):
                return current == nil
                    ? "\(id) was deleted by another writer since you opened it"
                    : "\(id) was changed by another writer since you opened it"
            case .idTaken(let id): return "a deal with id \(id) already exists"
            }
        }
    }

    public let store: any DealStore
    /// The feed as last loaded or saved by this session.
    public private(set) var snapshot: Store.Snapshot

    public init(store: any DealStore, snapshot: Store.Snapshot) {
        self.store = store
        self.snapshot = snapshot
    }

    /// Loads the store and opens a session on it.
    public init(store: any DealStore) throws {
        self.init(store: store, snapshot: try store.load())
    }

    /// Applies a change to the file on disk and saves it; the snapshot becomes the saved feed.
    ///
    /// Throws `Conflict` when the deal is not on disk as the change expects, `StoreError`
    /// when the file cannot be read or written or the result is invalid.
    public mutating func apply(_ change: Change) throws {
        snapshot = try store.apply(change, after: snapshot)
    }

    /// Adds to the feed's history the revisions a change makes.
    public static func record(_ change: Change, by recorder: RevisionRecorder, in feed: inout Feed) {
        for r in revisions(of: change, by: recorder) { History.append(r, to: &feed) }
    }

    /// The revisions a change makes (a new id: the old one removed and the new one added, so
    /// that each deal's history stays whole under its own id).
    public static func revisions(of change: Change, by recorder: RevisionRecorder) -> [Revision] {
        var recorder = recorder
        // Taking a side is recorded as `resolve`, as `sovtrack resolve` records it.
        if case .settle(_, _, _, _, false) = change { recorder.action = "resolve" }
        let pairs: [(Deal?, Deal?)]
        switch change {
        case .add(let d): pairs = [(nil, d)]
        case .remove(let d): pairs = [(d, nil)]
        case .replace(let old, let new) where old.id == new.id: pairs = [(old, new)]
        case .replace(let old, let new): pairs = [(old, nil), (nil, new)]
        case .settle(_, _, let old, let new, _): pairs = old == nil && new == nil ? [] : [(old, new)]
        }
        return pairs.compactMap { old, new in recorder.revision(id: (old ?? new)!.id, old: old, new: new) }
    }

    /// Applies a change to a feed in memory, checking it against what the feed holds; returns
    /// the indices of the deals it changed (empty, at the place of a deal it removed).
    @discardableResult
    public static func apply(_ change: Change, to feed: inout Feed) throws -> Range<Int> {
        switch change {
        case .add(let d):
            if feed.index(of: d.id) != nil { throw Conflict.idTaken(d.id) }
            return feed.put(d, at: nil)
        case .remove(let d):
            guard let i = feed.index(of: d.id) else { throw Conflict.changedOnDisk(id: d.id, current: nil) }
            guard feed.deals[i] == d else { throw Conflict.changedOnDisk(id: d.id, current: feed.deals[i]) }
            return feed.put(nil, at: i)
        case .replace(let old, let new):
            guard let i = feed.index(of: old.id) else { throw Conflict.changedOnDisk(id: old.id, current: nil) }
            guard feed.deals[i] == old else { throw Conflict.changedOnDisk(id: old.id, current: feed.deals[i]) }
            if new.id != old.id, feed.index(of: new.id) != nil { throw Conflict.idTaken(new.id) }
            return feed.put(new, at: i)
        case .settle(let c, _, let old, let new, let reopen):
            let i = feed.index(of: c.id)
            let current = i.map { feed.deals[$0] }
            var listed = try MergeConflict.all(in: feed)
            // Settled (or reopened) by someone else meanwhile, or the deal changed: refused.
            guard current == old, listed.contains(c) == !reopen else {
                throw Conflict.changedOnDisk(id: c.id, current: current)
            }
            if reopen { listed.append(c) } else { listed.removeAll { $0 == c } }
            MergeConflict.store(listed, in: &feed)
            return feed.put(new, at: i)
        }
    }

    /// True when the file on disk is no longer the one this session loaded or saved.
    public var changedOnDisk: Bool {
        store.changed(since: snapshot)
    }

    /// Reloads the store if it changed on disk; returns true when it did.
    ///
    /// A file that is invalid right now (an editor half-way through a save, a bad merge)
    /// throws, and the session keeps the feed it had.
    @discardableResult
    public mutating func reloadIfChanged() throws -> Bool {
        guard changedOnDisk else { return false }
        snapshot = try store.load()
        return true
    }
}
