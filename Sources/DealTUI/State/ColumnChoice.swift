/// Which columns a deal table shows and in what order: what the column chooser (`|`) edits.
///
/// Kept for the session (the issue asked for a chooser, not for a setting that outlives it);
/// every column stays in `order`, so a hidden one comes back where it was left.
public struct ColumnChoice: Sendable, Equatable {
    /// Every column of the table, in the order chosen.
    public private(set) var order: [DealColumn]
    public private(set) var hidden: Set<DealColumn> = []
    /// The table's own order, which `reset` goes back to.
    let defaults: [DealColumn]

    init(_ defaults: [DealColumn]) {
        self.defaults = defaults
        order = defaults
    }

    /// The columns drawn, in order.
    public var shown: [DealColumn] { order.filter { !hidden.contains($0) } }

    /// Shows a hidden column or hides a shown one; the last column shown stays.
    mutating func toggle(_ c: DealColumn) {
        if hidden.contains(c) { hidden.remove(c) } else if shown.count > 1 { hidden.insert(c) }
    }

    /// Moves a column `delta` places in the order (shown or not), stopping at the ends.
    mutating func move(_ c: DealColumn, by delta: Int) {
        guard let at = order.firstIndex(of: c) else { return }
        let to = min(max(at + delta, 0), order.count - 1)
        order.remove(at: at)
        order.insert(c, at: to)
    }

    /// Which columns stay longest on a narrow terminal (lower first): the column's own
    /// priority, raised to its place in the order when the user moved it earlier than the
    /// table has it, so a column moved to the front is one of the last to go.
    func priority(_ c: DealColumn) -> Int {
        guard let at = order.firstIndex(of: c), let was = defaults.firstIndex(of: c), at < was else {
            return c.priority
        }
        return min(c.priority, at)
    }

    /// Back to the table's own columns and order.
    mutating func reset() { self = ColumnChoice(defaults) }
}
