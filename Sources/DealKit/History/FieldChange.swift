/// One top-level key of a deal as it was before and after a change; nil is an absent key.
public struct FieldChange: Sendable, Equatable {
    public var field: String
    public var old: JSONValue?
    public var new: JSONValue?

    public init(field: String, old: JSONValue?, new: JSONValue?) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// The keys that differ between two deals' fields (either may be nil: no deal), in the
    /// order of `new`'s keys and then the keys only `old` has.
    public static func between(_ old: [JSONField]?, _ new: [JSONField]?) -> [FieldChange] {
        let o = old ?? []
        let n = new ?? []
        var changes: [FieldChange] = []
        for f in n {
            let before = DealFields.value(f.key, in: o)
            if before != f.value { changes.append(FieldChange(field: f.key, old: before, new: f.value)) }
        }
        for f in o where DealFields.value(f.key, in: n) == nil {
            changes.append(FieldChange(field: f.key, old: f.value, new: nil))
        }
        return changes
    }
}
