/// Ids that a criterion names, as a table over every id below a bound: testing a deal's ids is
/// then an index, where a `Set` hashes each one (most of filtering 100,000 deals by vendor).
public struct IDTable: KeySet, Sendable {
    private let has: [Bool]

    /// `ids` among `0..<count`; an id outside is never contained.
    public init(_ ids: Set<Int32>, count: Int) {
        var has = [Bool](repeating: false, count: count)
        for id in ids where id >= 0 && Int(id) < count { has[Int(id)] = true }
        self.has = has
    }

    @inline(__always)
    public func contains(_ key: Int32) -> Bool {
        key >= 0 && Int(key) < has.count && has[Int(key)]
    }
}
