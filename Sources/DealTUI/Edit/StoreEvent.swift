import DealKit

/// What the store said, reported back to the reducer by the run loop (the reducer never touches the disk).
public enum StoreEvent: Sendable, Equatable {
    /// The change was saved; `feed` is the store as written (other writers' changes included).
    case applied(StoreSession.Change, undo: Bool, feed: Feed)
    /// The store refused the change, because the deal is not on disk as the change expected.
    case refused(StoreSession.Change, undo: Bool, StoreSession.Conflict)
    /// The change could not be saved (unreadable store, lock timeout, invalid result).
    case failed(StoreSession.Change, undo: Bool, message: String)
    /// The file changed on disk and was read again; `changed` deals were added, removed or edited there.
    case reloaded(Feed, changed: Int)
    /// The file changed on disk but cannot be read now (a half-written save, a bad merge); the old data stays.
    case reloadFailed(String)
    /// The store cannot be reached now (a database server gone away), and why; it is being
    /// reached again in the background, and the dashboard keeps what it shows and the open form.
    case lost(String)
    /// The store is reachable again; `feed` is the store read again when another writer saved
    /// meanwhile (`changed` deals differ), nil when nothing changed.
    case reconnected(Feed?, changed: Int)
}
