/// Three-way merge of feeds, per deal and per key, as git's merge driver for the store.
///
/// A key one side changed takes that side's value; a key both changed the same way takes it;
/// an object both changed is merged member by member, a list item by item (by what names an
/// item: a milestone's event, a partner's name, a source's url). Only a value both sides
/// changed two ways is a conflict: the deal keeps ours and the conflict is recorded.
public enum FeedMerge {
    public struct Result: Sendable {
        public var feed: Feed
        public var conflicts: [MergeConflict]
    }

    public static func merge(base: Feed, ours: Feed, theirs: Feed) -> Result {
        var conflicts = (try? MergeConflict.all(in: ours)) ?? []
        conflicts += (try? MergeConflict.all(in: theirs)) ?? []
        func byID(_ deals: [Deal]) -> [String: Deal] {
            var d: [String: Deal] = [:]
            d.reserveCapacity(deals.count)
            for x in deals { d[x.id] = x }
            return d
        }
        let b = byID(base.deals)
        let t = byID(theirs.deals)
        var out: [Deal] = []
        out.reserveCapacity(max(ours.deals.count, theirs.deals.count))
        var seen = Set<String>()
        for o in ours.deals {
            seen.insert(o.id)
            if let d = mergeDeal(id: o.id, b[o.id], o, t[o.id], &conflicts) { out.append(d) }
        }
        for th in theirs.deals where !seen.contains(th.id) {
            if let d = mergeDeal(id: th.id, b[th.id], nil, th, &conflicts) { out.append(d) }
        }
        out.sort { $0.id < $1.id }
        var feed = ours
        feed.deals = out
        feed.updated = [ours.updated, theirs.updated].compactMap { $0 }.max()
        // Keys other than deals and history: three-way, ours on a conflict.
        for key in Set(ours.extra.map(\.key) + theirs.extra.map(\.key))
        where key != History.key && key != MergeConflict.key {
            let v = pick(
                DealFields.value(key, in: base.extra), DealFields.value(key, in: ours.extra),
                DealFields.value(key, in: theirs.extra))
            History.set(v ?? DealFields.value(key, in: ours.extra), in: &feed, key: key)
        }
        // Both sides' revisions, each once.
        var revisions: [Revision] = []
        var known = Set<String>()
        for f in [ours, theirs] {
            for r in (try? History(of: f).revisions) ?? [] where known.insert(DealDiff.canonical(r.json)).inserted {
                revisions.append(r)
            }
        }
        History(revisions: revisions).store(in: &feed)
        var unique: [MergeConflict] = []
        for c in conflicts where !unique.contains(c) { unique.append(c) }
        MergeConflict.store(unique, in: &feed)
        return Result(feed: feed, conflicts: unique)
    }

    /// The value a three-way merge gives when at most one side changed it; nil when both did, two ways.
    static func pick(_ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?) -> JSONValue?? {
        if ours == theirs { return .some(ours) }
        if ours == base { return .some(theirs) }
        if theirs == base { return .some(ours) }
        return nil
    }

    private static func mergeDeal(
        id: String, _ base: Deal?, _ ours: Deal?, _ theirs: Deal?,
        _ conflicts: inout [MergeConflict]
    ) -> Deal? {
        if ours == theirs { return ours }
        if ours == base { return theirs }
        if theirs == base { return ours }
        let bf = base.map(DealFields.fields(of:))
        let of = ours.map(DealFields.fields(of:))
        let tf = theirs.map(DealFields.fields(of:))
        guard let of, let tf else {
            // One side removed the deal, the other changed it: keep the changed deal, ask.
            conflicts.append(
                MergeConflict(
                    id: id, field: "deal", base: bf.map { .object($0) },
                    ours: of.map { .object($0) }, theirs: tf.map { .object($0) }))
            return ours ?? theirs
        }
        var merged = of
        let keys = DealFields.order + (of + tf).map(\.key).filter { !DealFields.order.contains($0) }
        var seenKeys = Set<String>()
        for key in keys where seenKeys.insert(key).inserted {
            let bv = bf.flatMap { DealFields.value(key, in: $0) }
            let ov = DealFields.value(key, in: of)
            let tv = DealFields.value(key, in: tf)
            if let v = pick(bv, ov, tv) {
                merged = DealFields.setting(key, to: v, in: merged)
                continue
            }
            if let v = deep(bv, ov, tv) {
                merged = DealFields.setting(key, to: v, in: merged)
                continue
            }
            if case .object(let o)? = ov, case .object(let t)? = tv {
                // Members apart (capacity's initialMW and targetMW): each member its own
                // conflict, ours kept, so the members that do merge are not held back.
                var b: [JSONField] = []
                if case .object(let x)? = bv { b = x }
                var object = o
                for f in t where DealFields.value(f.key, in: o) == nil { object.append(f) }
                for m in object.map(\.key) {
                    let bm = DealFields.value(m, in: b)
                    let om = DealFields.value(m, in: o)
                    let tm = DealFields.value(m, in: t)
                    let v = pick(bm, om, tm) ?? deep(bm, om, tm).map { .some($0) }
                    if let v {
                        object.removeAll { $0.key == m }
                        if let v { object.append(JSONField(m, v)) }
                    } else {
                        conflicts.append(MergeConflict(id: id, field: "\(key).\(m)", base: bm, ours: om, theirs: tm))
                    }
                }
                let order = o.map(\.key) + t.map(\.key)
                object.sort { (order.firstIndex(of: $0.key) ?? 0) < (order.firstIndex(of: $1.key) ?? 0) }
                merged = DealFields.setting(key, to: .object(object), in: merged)
                continue
            }
            conflicts.append(MergeConflict(id: id, field: key, base: bv, ours: ov, theirs: tv))
        }
        switch DealFields.deal(from: merged) {
        case .success(let d): return d
        case .failure:
            // Keys merged apart that do not make a deal together: ours stands, and the user chooses.
            conflicts.append(
                MergeConflict(
                    id: id, field: "deal", base: bf.map { .object($0) }, ours: .object(of), theirs: .object(tf)))
            return ours
        }
    }

    /// Merges two changes of an object member by member, or of a list item by item; nil on a conflict.
    private static func deep(_ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?) -> JSONValue? {
        switch (ours, theirs) {
        case (.object(let o)?, .object(let t)?):
            var b: [JSONField] = []
            if case .object(let x)? = base { b = x }
            var merged = o
            var keys: [String] = o.map(\.key)
            for f in t where !keys.contains(f.key) { keys.append(f.key) }
            for key in keys {
                let bv = DealFields.value(key, in: b)
                let ov = DealFields.value(key, in: o)
                let tv = DealFields.value(key, in: t)
                guard let v = pick(bv, ov, tv) ?? deep(bv, ov, tv).map({ .some($0) }) else { return nil }
                merged.removeAll { $0.key == key }
                if let v { merged.append(JSONField(key, v)) }
            }
            // Back in ours' key order, then theirs' new keys.
            merged.sort { (keys.firstIndex(of: $0.key) ?? 0) < (keys.firstIndex(of: $1.key) ?? 0) }
            return .object(merged)
        case (.array(let o)?, .array(let t)?):
            var b: [JSONValue] = []
            if case .array(let x)? = base { b = x }
            return list(b, o, t).map { .array($0) }
        case (nil, .array(let t)?):
            if case .array(let b)? = base { return list(b, [], t).map { .array($0) } }
        case (.array(let o)?, nil):
            if case .array(let b)? = base { return list(b, o, []).map { .array($0) } }
        default: break
        }
        return nil
    }

    /// Three-way merge of a list by item identity: items added by either are added, removed by
    /// either are removed, changed by one take that change; nil when both changed one item two ways.
    private static func list(_ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue]) -> [JSONValue]? {
        // Items named twice in one list (two milestones with one event) are told apart whole.
        let all = [base, ours, theirs]
        let unique = all.allSatisfy { xs in Set(xs.map(DealDiff.identity)).count == xs.count }
        func key(_ v: JSONValue) -> String { unique ? DealDiff.identity(v) : DealDiff.canonical(v) }
        func index(_ xs: [JSONValue]) -> [String: JSONValue] {
            var d: [String: JSONValue] = [:]
            for x in xs { d[key(x)] = d[key(x)] ?? x }
            return d
        }
        let b = index(base)
        let o = index(ours)
        let t = index(theirs)
        var order: [String] = []
        var seen = Set<String>()
        for x in ours + theirs where seen.insert(key(x)).inserted { order.append(key(x)) }
        var out: [JSONValue] = []
        for k in order {
            guard let v = pick(b[k], o[k], t[k]) else { return nil }
            if let v { out.append(v) }
        }
        return out
    }
}
