/// The changes between two versions of deals, in the domain's words.
///
/// Compares the deals' keys as the feed holds them (`DealFields`), so a key this code does not
/// know still shows as changed; the keys it knows are read more closely: MW revised up or
/// down, milestones slipped, status advanced, items of lists added or removed.
public enum DealDiff {
    /// The changes from `old` to `new` (each in any order), grouped by deal in id order.
    public static func changes(from old: [Deal], to new: [Deal]) -> [DealChange] {
        var before: [String: Int] = [:]
        before.reserveCapacity(old.count)
        for (i, d) in old.enumerated() { before[d.id] = i }
        var out: [(String, [DealChange])] = []
        var seen = Set<String>()
        seen.reserveCapacity(new.count)
        for d in new {
            seen.insert(d.id)
            let prior = before[d.id].map { old[$0] }
            if prior == d { continue }
            out.append((d.id, changes(id: d.id, old: prior, new: d)))
        }
        for d in old where !seen.contains(d.id) { out.append((d.id, changes(id: d.id, old: d, new: nil))) }
        out.sort { $0.0 < $1.0 }
        return out.flatMap(\.1)
    }

    /// The changes of one deal (nil: it is not there).
    public static func changes(id: String, old: Deal?, new: Deal?) -> [DealChange] {
        switch (old, new) {
        case (nil, nil): return []
        case (nil, let n?): return [DealChange(id: id, field: "deal", kind: .added, new: .string(n.title))]
        case (let o?, nil): return [DealChange(id: id, field: "deal", kind: .removed, old: .string(o.title))]
        case (let o?, let n?):
            if o == n { return [] }
            return changes(id: id, fields: FieldChange.between(DealFields.fields(of: o), DealFields.fields(of: n)))
        }
    }

    /// The changes that key-level changes of one deal make, in words.
    public static func changes(id: String, fields: [FieldChange]) -> [DealChange] {
        fields.flatMap { change(id: id, $0) }
    }

    private static func change(id: String, _ c: FieldChange) -> [DealChange] {
        switch (c.field, c.old, c.new) {
        case ("status", .string(let a)?, .string(let b)?):
            if let x = DealStatus(rawValue: a), let y = DealStatus(rawValue: b) {
                let kind: DealChange.Kind = y == .cancelled ? .cancelled : y > x ? .advanced : .regressed
                return [DealChange(id: id, field: "status", kind: kind, old: c.old, new: c.new)]
            }
        case ("milestones", _, _):
            return milestones(id: id, c.old, c.new)
        case (_, .object(let a)?, .object(let b)?):
            return objectChanges(id: id, field: c.field, a, b)
        case (_, .array(let a)?, .array(let b)?):
            return listChanges(id: id, field: c.field, a, b)
        case (_, nil, .array(let b)?):
            return listChanges(id: id, field: c.field, [], b)
        case (_, .array(let a)?, nil):
            return listChanges(id: id, field: c.field, a, [])
        case (_, nil, .object(let b)?):
            return objectChanges(id: id, field: c.field, [], b)
        case (_, .object(let a)?, nil):
            return objectChanges(id: id, field: c.field, a, [])
        default: break
        }
        return [value(id: id, field: c.field, c.old, c.new)]
    }

    /// A scalar: numbers revised up or down, confidence raised or lowered, else set, cleared, changed.
    private static func value(id: String, field: String, _ a: JSONValue?, _ b: JSONValue?) -> DealChange {
        switch (a, b) {
        case (.number(let x)?, .number(let y)?):
            if let p = Double(x), let q = Double(y) {
                let unit = field.hasSuffix("MW") ? " MW" : ""
                return DealChange(
                    id: id, field: field, kind: q > p ? .revisedUp : .revisedDown, old: a, new: b,
                    amount: JSONWriter.format(abs(q - p)) + unit)
            }
        case (.string(let x)?, .string(let y)?) where field.hasSuffix("confidence"):
            if let p = Confidence(rawValue: x), let q = Confidence(rawValue: y) {
                // `confirmed` comes first: a smaller rank is more sure.
                return DealChange(id: id, field: field, kind: q < p ? .raised : .lowered, old: a, new: b)
            }
        default: break
        }
        let isNone: (JSONValue?) -> Bool = { $0 == nil || $0 == .null }
        let kind: DealChange.Kind = isNone(a) ? .set : isNone(b) ? .cleared : .changed
        return DealChange(id: id, field: field, kind: kind, old: a, new: b)
    }

    /// An object (capacity, accelerators, investment): each member that changed, as `field.member`.
    private static func objectChanges(id: String, field: String, _ a: [JSONField], _ b: [JSONField]) -> [DealChange] {
        FieldChange.between(a, b).map { m in value(id: id, field: "\(field).\(m.field)", m.old, m.new) }
    }

    /// A list: the items added and removed, each named by what identifies it.
    private static func listChanges(id: String, field: String, _ a: [JSONValue], _ b: [JSONValue]) -> [DealChange] {
        let had = Set(a.map(canonical))
        let has = Set(b.map(canonical))
        var out: [DealChange] = []
        for v in a where !has.contains(canonical(v)) {
            out.append(DealChange(id: id, field: field, kind: .removed, old: v, item: itemName(v)))
        }
        for v in b where !had.contains(canonical(v)) {
            out.append(DealChange(id: id, field: field, kind: .added, new: v, item: itemName(v)))
        }
        return out
    }

    /// Milestones matched by event: a date moved is a slip or a pull-in, by how long.
    private static func milestones(id: String, _ a: JSONValue?, _ b: JSONValue?) -> [DealChange] {
        func items(_ v: JSONValue?) -> [JSONValue] {
            if case .array(let x)? = v { return x }
            return []
        }
        let old = items(a)
        let new = items(b)
        func event(_ v: JSONValue) -> String? {
            if case .object(let f) = v, case .string(let e)? = DealFields.value("event", in: f) { return e }
            return nil
        }
        var oldByEvent: [String: JSONValue] = [:]
        for v in old { if let e = event(v), oldByEvent[e] == nil { oldByEvent[e] = v } }
        var matched = Set<String>()
        var out: [DealChange] = []
        var unmatchedNew: [JSONValue] = []
        for v in new {
            guard let e = event(v), !matched.contains(e), let o = oldByEvent[e] else {
                unmatchedNew.append(v)
                continue
            }
            matched.insert(e)
            guard case .object(let of) = o, case .object(let nf) = v, o != v else { continue }
            for m in FieldChange.between(of, nf) {
                switch (m.field, m.old, m.new) {
                case ("date", .string(let x)?, .string(let y)?):
                    if let p = PartialDate(x), let q = PartialDate(y), p != q {
                        let slip = Slip(from: p, to: q)
                        out.append(
                            DealChange(
                                id: id, field: "milestones", kind: p < q ? .slipped : .pulledIn,
                                old: m.old, new: m.new, item: e, amount: slip.text, months: slip.months))
                        continue
                    }
                case ("done", .bool(let x)?, .bool(let y)?) where x != y:
                    out.append(
                        DealChange(
                            id: id, field: "milestones", kind: y ? .done : .reopened, old: m.old, new: m.new, item: e))
                    continue
                default: break
                }
                var change = value(id: id, field: "milestones.\(m.field)", m.old, m.new)
                change.item = e
                out.append(change)
            }
        }
        let rest = old.filter { v in event(v).map { !matched.contains($0) } ?? true }
        out += listChanges(id: id, field: "milestones", rest, unmatchedNew)
        return out
    }

    /// What names an item of a list: a milestone's event, a partner's name, a source's url or title.
    static func itemName(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .object(let f):
            for key in ["event", "name", "url", "title"] {
                if case .string(let s)? = DealFields.value(key, in: f) { return s }
            }
            return nil
        default: return nil
        }
    }

    /// What tells an item of a list apart from the others for a merge: its name (a partner's
    /// name and role: one may be named twice in two roles), else the whole item.
    static func identity(_ v: JSONValue) -> String {
        if case .object(let f) = v, case .string(let n)? = DealFields.value("name", in: f) {
            return "#\(n)|\(DealFields.value("role", in: f).map(canonical) ?? "")"
        }
        return itemName(v).map { "#" + $0 } ?? canonical(v)
    }

    /// A value as compact JSON text, to compare items of lists.
    static func canonical(_ v: JSONValue) -> String {
        var w = JSONWriter(capacity: 128)
        w.value(v)
        return String(decoding: w.finish(), as: UTF8.self)
    }
}
