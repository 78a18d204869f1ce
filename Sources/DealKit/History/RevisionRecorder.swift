import Foundation

/// Who is changing a store and why: set on a `Store`, every save records a revision for each
/// deal it changes.
public struct RevisionRecorder: Sendable {
    public var author: String
    public var note: String?
    /// Names every revision's action instead of add/edit/remove (`import`, `merge`, `resolve`).
    public var action: String?
    /// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`; replaceable so tests are deterministic.
    public var now: @Sendable () -> String

    public init(
        author: String, note: String? = nil, action: String? = nil,
        now: @escaping @Sendable () -> String = RevisionRecorder.utcNow
    ) {
        self.author = author
        self.note = note
        self.action = action
        self.now = now
    }

    /// The revision that takes `old` to `new` (nil for none), or nil when they are the same.
    public func revision(id: String, old: Deal?, new: Deal?, at time: String? = nil) -> Revision? {
        guard old != new else { return nil }
        let changes = FieldChange.between(old.map(DealFields.fields(of:)), new.map(DealFields.fields(of:)))
        guard !changes.isEmpty else { return nil }
        let verb = action ?? (old == nil ? "add" : new == nil ? "remove" : "edit")
        return Revision(at: time ?? now(), author: author, id: id, action: verb, note: note, changes: changes)
    }

    /// Records in `feed` a revision for each deal that differs between `before` and `feed`.
    public func record(from before: [Deal], in feed: inout Feed) {
        for r in revisions(from: before, to: feed.deals) { History.append(r, to: &feed) }
    }

    /// A revision for each deal that differs between `before` and `after` (matched by id),
    /// all at one time: the deals of `after` in order, then those removed.
    public func revisions(from before: [Deal], to after: [Deal]) -> [Revision] {
        let time = now()
        var old: [String: Int] = [:]
        old.reserveCapacity(before.count)
        for (i, d) in before.enumerated() { old[d.id] = i }
        var seen = Set<String>()
        var revisions: [Revision] = []
        for d in after {
            seen.insert(d.id)
            let prior = old[d.id].map { before[$0] }
            if prior != d, let r = revision(id: d.id, old: prior, new: d, at: time) { revisions.append(r) }
        }
        for d in before where !seen.contains(d.id) {
            if let r = revision(id: d.id, old: d, new: nil, at: time) { revisions.append(r) }
        }
        return revisions
    }

    /// The wall clock in UTC, to the second.
    @Sendable public static func utcNow() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return
            "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
