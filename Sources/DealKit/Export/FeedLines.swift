/// A feed as plain lines, one fact a line, for git's `textconv` (`sovtrack diff --textconv`):
/// `git diff` and `git log -p` of the store then show which facts of which deal changed.
///
/// Each deal is a block that starts `deal ID` (the line git's `xfuncname` can name in a hunk's
/// header), then one line per key, a member of an object (`capacity.targetMW: 1000`) or an item
/// of a list (`milestones: {...}`): a change to one fact is a change to one line. The history
/// and the conflicts follow, one line each. Every line is made safe for a terminal.
public enum FeedLines {
    /// The lines of `feed`: the deals in its order (a store's: by id), then its revisions
    /// (newest last, in words) and its merge conflicts.
    public static func render(_ feed: Feed) -> String {
        var out = "format: sovtrack-feed \(feed.version)\n"
        if let u = feed.updated { out += "updated: \(u)\n" }
        for f in feed.extra where f.key != History.key && f.key != MergeConflict.key {
            lines(f.key, f.value, indent: "", into: &out)
        }
        for d in feed.deals {
            out += "\ndeal \(SafeText.sanitize(d.id))\n"
            for f in DealFields.fields(of: d) where f.key != "id" { lines(f.key, f.value, indent: "  ", into: &out) }
        }
        if let history = try? History(of: feed), !history.revisions.isEmpty {
            out += "\n"
            for r in history.revisions.sorted(by: { $0.at != $1.at ? $0.at < $1.at : $0.id < $1.id }) {
                let what = RevisionExport.summary(r) + (r.note.map { " — \($0)" } ?? "")
                out += SafeText.sanitize("revision \(r.at) \(r.author) \(r.id) \(r.action): \(what)") + "\n"
            }
        }
        if let conflicts = try? MergeConflict.all(in: feed), !conflicts.isEmpty {
            out += "\n"
            for c in conflicts {
                let o = c.ours.map(DealChange.brief) ?? "absent"
                let t = c.theirs.map(DealChange.brief) ?? "absent"
                out += SafeText.sanitize("conflict \(c.id) \(c.field): ours \(o), theirs \(t)") + "\n"
            }
        }
        return out
    }

    /// One line per scalar, per member of an object (`key.member`), per item of a list.
    private static func lines(_ key: String, _ value: JSONValue, indent: String, into out: inout String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            for m in members { lines("\(key).\(m.key)", m.value, indent: indent, into: &out) }
        case .array(let items) where !items.isEmpty:
            for item in items { out += indent + SafeText.sanitize("\(key): \(DealChange.brief(item))") + "\n" }
        default:
            out += indent + SafeText.sanitize("\(key): \(DealChange.brief(value))") + "\n"
        }
    }
}
