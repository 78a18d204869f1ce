/// What a look at a store says about other writers since a snapshot, without waiting on them.
public enum StoreWatch: Sendable, Equatable {
    /// Nothing saved since the snapshot, as far as the store can tell.
    case unchanged
    /// Another writer saved: the snapshot is out of date.
    case changed
    /// The store cannot be watched now (a database server gone away), in a few words; the
    /// store keeps trying to reach it.
    case lost(String)
}
