/// The `c`/`v` list: pick countries or vendors, several at once, each with its deal count.
public struct PickerState: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case country, vendor }

    /// One choice: the value the filter takes, what the list shows, and how many deals it would match.
    public struct Item: Sendable, Equatable {
        public var value: String
        public var label: String
        public var count: Int
    }

    public var kind: Kind
    public var items: [Item]
    /// Values ticked, compared folded for vendors and as codes for countries.
    public var chosen: Set<String>
    /// Text typed to narrow the list.
    public var query = ""
    public var cursor = ListCursor()

    /// Indices into `items` that the query keeps.
    public var visible: [Int] {
        let q = query.lowercased()
        if q.isEmpty { return Array(items.indices) }
        return items.indices.filter {
            items[$0].label.lowercased().contains(q) || items[$0].value.lowercased().contains(q)
        }
    }

    public var title: String { kind == .country ? "Countries" : "Vendors" }
}
