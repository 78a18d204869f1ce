/// How an incoming deal updates a stored one without erasing what it does not mention.
///
/// A key the incoming deal lacks is kept; a list (sources, milestones, partners, products,
/// models, tags) gains the incoming items, an item named like a stored one (a milestone's
/// event, a partner's name and role, a source's url) replacing it; an object (capacity)
/// takes the members the incoming deal gives; any other key takes the incoming value.
public enum ImportMerge {
    /// The stored deal updated with `incoming`; `mentioned` is the incoming deal as written in
    /// its file (nil: every key of `incoming` counts as given, as for a CSV row already laid
    /// over the stored deal). Fails with the problems when the result is not a valid deal.
    public static func merge(stored: Deal, incoming: Deal, mentioned: [JSONField]?) -> Result<Deal, DealFieldsError> {
        let s = DealFields.fields(of: stored)
        let i = DealFields.fields(of: incoming)
        var out = s
        var keys = i.map(\.key)
        if let mentioned { keys = mentioned.map(\.key) }
        for key in keys {
            let sv = DealFields.value(key, in: s)
            let iv = DealFields.value(key, in: i)
            switch (sv, iv) {
            case (.array(let a)?, .array(let b)?):
                out = DealFields.setting(key, to: .array(union(a, b)), in: out)
            case (.array?, nil):
                continue  // an empty or absent list adds nothing
            case (.object(let a)?, .object(let b)?):
                var members = a
                let given: [String]
                if case .object(let raw)? = mentioned.flatMap({ DealFields.value(key, in: $0) }) {
                    given = raw.map(\.key)
                } else {
                    given = b.map(\.key)
                }
                for m in given {
                    let v = DealFields.value(m, in: b)
                    if let at = members.firstIndex(where: { $0.key == m }) {
                        if let v { members[at].value = v } else { members.remove(at: at) }
                    } else if let v {
                        members.append(JSONField(m, v))
                    }
                }
                out = DealFields.setting(key, to: .object(members), in: out)
            default:
                out = DealFields.setting(key, to: iv, in: out)
                // A date is stated or not: the incoming one replaces the stored one of the other kind.
                if iv != nil, let other = ["announced": "announcedBy", "announcedBy": "announced"][key] {
                    out = DealFields.setting(other, to: nil, in: out)
                }
            }
        }
        return DealFields.deal(from: out)
    }

    /// The stored items, each replaced by an incoming item of the same name, then the new ones.
    static func union(_ stored: [JSONValue], _ incoming: [JSONValue]) -> [JSONValue] {
        var out = stored
        var at: [String: Int] = [:]
        for (n, v) in stored.enumerated() where at[DealDiff.identity(v)] == nil { at[DealDiff.identity(v)] = n }
        for v in incoming {
            if let n = at[DealDiff.identity(v)] {
                out[n] = v
            } else {
                at[DealDiff.identity(v)] = out.count
                out.append(v)
            }
        }
        return out
    }
}
