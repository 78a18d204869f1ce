/// The keys a criterion names, as `NameCriteria`'s rules test a deal's keys against them: a
/// `Set`, or an `IDTable` of a `DealIndex`'s ids.
public protocol KeySet<Key> {
    associatedtype Key
    func contains(_ key: Key) -> Bool
}

extension Set: KeySet {}
