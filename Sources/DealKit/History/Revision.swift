/// One recorded change to one deal: when, by whom, why, and each key's old and new value.
public struct Revision: Sendable, Equatable {
    /// UTC time, `YYYY-MM-DDTHH:MM:SSZ`, so that text order is time order.
    public var at: String
    public var author: String
    /// The deal's id.
    public var id: String
    /// What made the change: `add`, `edit`, `remove`, `import`, `merge`, `resolve`, `undo`, ...
    public var action: String
    public var note: String?
    public var changes: [FieldChange]
    /// Keys this version does not know, kept.
    public var extra: [JSONField]

    public init(
        at: String, author: String, id: String, action: String, note: String? = nil,
        changes: [FieldChange], extra: [JSONField] = []
    ) {
        self.at = at
        self.author = author
        self.id = id
        self.action = action
        self.note = note
        self.changes = changes
        self.extra = extra
    }

    /// The day of `at`, as `yyyymmdd`, to compare with a partial date's `endKey`.
    public var dayKey: Int {
        let b = Array(at.utf8.prefix(10))
        guard b.count == 10 else { return 0 }
        func n(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(b[$1] &- 48) } }
        return n(0..<4) * 10_000 + n(5..<7) * 100 + n(8..<10)
    }

    /// True when the revision created the deal: it had no id before (an edit that only adds
    /// keys, a sponsor say, also has no old values, but it keeps the id).
    public var created: Bool { changes.contains { $0.field == "id" && $0.old == nil } }
    /// True when the revision removed the deal: it has no id after.
    public var deleted: Bool { changes.contains { $0.field == "id" && $0.new == nil } }

    /// The revision as one compact JSON object, as the history holds it.
    public var json: JSONValue {
        var fields = [
            JSONField("at", .string(at)), JSONField("author", .string(author)),
            JSONField("id", .string(id)), JSONField("action", .string(action)),
        ]
        if let note { fields.append(JSONField("note", .string(note))) }
        fields.append(
            JSONField(
                "changes",
                .array(
                    changes.map { c in
                        var f = [JSONField("field", .string(c.field))]
                        if let o = c.old { f.append(JSONField("old", o)) }
                        if let n = c.new { f.append(JSONField("new", n)) }
                        return .object(f)
                    })))
        return .object(fields + extra)
    }

    /// Reads a revision from the history; throws a message naming the key at fault.
    public init(json: JSONValue, path: String) throws(HistoryError) {
        guard case .object(let fields) = json else {
            throw HistoryError("\(path): expected an object, found \(json.typeName)")
        }
        func text(_ key: String, required: Bool = true) throws(HistoryError) -> String? {
            switch DealFields.value(key, in: fields) {
            case .string(let s)?: return s
            case nil where !required: return nil
            case nil: throw HistoryError("\(path): missing required key \"\(key)\"")
            case let v?: throw HistoryError("\(path).\(key): expected a string, found \(v.typeName)")
            }
        }
        at = try text("at")!
        guard Revision.isTimestamp(at) else {
            throw HistoryError("\(path).at: \(FeedIssue.quote(at)) is not a UTC time like \"2026-06-10T14:03:00Z\"")
        }
        author = try text("author")!
        id = try text("id")!
        action = try text("action")!
        note = try text("note", required: false)
        guard case .array(let items)? = DealFields.value("changes", in: fields) else {
            throw HistoryError("\(path).changes: missing, or not an array")
        }
        var changes: [FieldChange] = []
        for (i, item) in items.enumerated() {
            guard case .object(let c) = item, case .string(let field)? = DealFields.value("field", in: c) else {
                throw HistoryError("\(path).changes[\(i)]: expected an object with a string \"field\"")
            }
            changes.append(
                FieldChange(field: field, old: DealFields.value("old", in: c), new: DealFields.value("new", in: c)))
        }
        self.changes = changes
        let known: Set<String> = ["at", "author", "id", "action", "note", "changes"]
        extra = fields.filter { !known.contains($0.key) }
    }

    /// True for `YYYY-MM-DDTHH:MM:SSZ` with a real day.
    static func isTimestamp(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            b[19] == UInt8(ascii: "Z"), PartialDate(s.prefix(10)) != nil
        else { return false }
        return [11, 12, 14, 15, 17, 18].allSatisfy { b[$0] >= 48 && b[$0] <= 57 }
    }
}

/// A history that does not read as one: what is wrong, and where.
public struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
