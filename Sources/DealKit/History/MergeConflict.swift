/// A field two people changed two ways, left by a merge for the user to choose: the feed's
/// top-level `conflicts` array holds one per line, and the deal keeps our value till then.
public struct MergeConflict: Sendable, Equatable {
    /// The feed's key holding the conflicts.
    public static let key = "conflicts"

    public var id: String
    /// The deal's key, or `deal` when one side removed the deal and the other changed it.
    public var field: String
    public var base: JSONValue?
    public var ours: JSONValue?
    public var theirs: JSONValue?

    public init(id: String, field: String, base: JSONValue?, ours: JSONValue?, theirs: JSONValue?) {
        self.id = id
        self.field = field
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    public var json: JSONValue {
        var f = [JSONField("id", .string(id)), JSONField("field", .string(field))]
        if let base { f.append(JSONField("base", base)) }
        if let ours { f.append(JSONField("ours", ours)) }
        if let theirs { f.append(JSONField("theirs", theirs)) }
        return .object(f)
    }

    /// The conflicts a feed holds; throws a located message when the key does not read.
    public static func all(in feed: Feed) throws(HistoryError) -> [MergeConflict] {
        guard let value = feed.extra.first(where: { $0.key == key })?.value else { return [] }
        guard case .array(let items) = value else {
            throw HistoryError("\(key): expected an array, found \(value.typeName)")
        }
        var out: [MergeConflict] = []
        for (i, item) in items.enumerated() {
            guard case .object(let f) = item, case .string(let id)? = DealFields.value("id", in: f),
                case .string(let field)? = DealFields.value("field", in: f)
            else { throw HistoryError("\(key)[\(i)]: expected an object with string \"id\" and \"field\"") }
            out.append(
                MergeConflict(
                    id: id, field: field, base: DealFields.value("base", in: f),
                    ours: DealFields.value("ours", in: f), theirs: DealFields.value("theirs", in: f)))
        }
        return out
    }

    /// Puts `conflicts` in the feed, or takes the key out when there are none.
    public static func store(_ conflicts: [MergeConflict], in feed: inout Feed) {
        History.set(conflicts.isEmpty ? nil : .array(conflicts.map(\.json)), in: &feed, key: key)
    }

    /// The deal as it is once this conflict is settled with `side`'s value, from the deal as
    /// `feed` holds it: nil when that side had removed it. Throws `HistoryError` for a
    /// conflicted field of a deal that is not there, `StoreError.invalidChange` when the value
    /// taken does not make a valid deal.
    public func deal(taking side: ConflictSide, in feed: Feed) throws -> Deal? {
        let value = side == .ours ? ours : theirs
        let at = feed.index(of: id)
        var fields: [JSONField]?
        if field == "deal" {
            if case .object(let f)? = value { fields = f }
        } else {
            guard let at else { throw HistoryError("\(id): no such deal to resolve") }
            let current = DealFields.fields(of: feed.deals[at])
            let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2, case .object(let members)? = DealFields.value(parts[0], in: current) {
                // A member of an object (capacity.targetMW): set it, keep the other members.
                var object = members
                if let i = object.firstIndex(where: { $0.key == parts[1] }) {
                    if let value { object[i].value = value } else { object.remove(at: i) }
                } else if let value {
                    object.append(JSONField(parts[1], value))
                }
                fields = DealFields.setting(parts[0], to: .object(object), in: current)
            } else {
                fields = DealFields.setting(field, to: value, in: current)
            }
        }
        guard let fields else { return nil }
        switch DealFields.deal(from: fields) {
        case .success(let deal): return deal
        case .failure(let e): throw StoreError.invalidChange(issues: e.issues)
        }
    }

    /// Settles this conflict in `feed` with `side`'s value: the deal set (or removed), the
    /// conflict taken off the list.
    public func settle(taking side: ConflictSide, in feed: inout Feed) throws {
        let deal = try deal(taking: side, in: feed)
        _ = feed.put(deal, at: feed.index(of: id))
        var all = try MergeConflict.all(in: feed)
        all.removeAll { $0 == self }
        MergeConflict.store(all, in: &feed)
    }

    /// What `validate` says of each unresolved conflict (errors: the merge is not finished).
    public static func issues(in feed: Feed) -> [FeedIssue] {
        do throws(HistoryError) {
            return try all(in: feed).enumerated().map { i, c in
                let o = c.ours.map(DealChange.brief) ?? "absent"
                let t = c.theirs.map(DealChange.brief) ?? "absent"
                return FeedIssue.error(
                    "\(key)[\(i)]",
                    "\(c.id): \(c.field) was changed both ways in a merge (ours \(o), theirs \(t)); choose with: sovtrack resolve \(c.id) --field \(c.field) --take ours|theirs"
                )
            }
        } catch {
            return [FeedIssue(.error, .document, error.description)]
        }
    }
}
