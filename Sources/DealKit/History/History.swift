/// The revisions a store keeps: the feed's top-level `history` array, one compact revision a
/// line, ordered by deal id and then time.
///
/// Kept inside the feed, so that the revision and the change it records are written by one
/// atomic save (a kill at any instant leaves both or neither). Ordered by id, so that two
/// people changing different deals add lines at different places of the file, as their deals do.
public struct History: Sendable, Equatable {
    /// The feed's key holding the history.
    public static let key = "history"

    public var revisions: [Revision]

    public init(revisions: [Revision] = []) { self.revisions = revisions }

    /// The history a feed holds (empty when it has none: a store written before there was
    /// one); throws, naming the revision at fault, when it does not read as a history.
    public init(of feed: Feed) throws(HistoryError) {
        guard let value = feed.extra.first(where: { $0.key == History.key })?.value else {
            revisions = []
            return
        }
        guard case .array(let items) = value else {
            throw HistoryError("\(History.key): expected an array of revisions, found \(value.typeName)")
        }
        var revisions: [Revision] = []
        revisions.reserveCapacity(items.count)
        for (i, item) in items.enumerated() { revisions.append(try Revision(json: item, path: "\(History.key)[\(i)]")) }
        self.revisions = revisions
    }

    /// The problems of a feed's history, as located errors (none when it reads).
    public static func issues(in feed: Feed) -> [FeedIssue] {
        do throws(HistoryError) {
            _ = try History(of: feed)
            return []
        } catch {
            return [
                FeedIssue(
                    .error, .document,
                    "\(error.description); the history is kept as it is, and nothing is saved over it")
            ]
        }
    }

    /// Puts this history into `feed` (in id, then time order), or takes the key out when empty.
    public func store(in feed: inout Feed) {
        let sorted = revisions.enumerated().sorted { a, b in
            a.element.id != b.element.id
                ? a.element.id < b.element.id
                : a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset
        }.map(\.element.json)
        History.set(sorted.isEmpty ? nil : .array(sorted), in: &feed)
    }

    /// Adds one revision at its place (after the last revision of the same or a smaller id),
    /// without reading the others: what every save pays, whatever the history's length.
    public static func append(_ revision: Revision, to feed: inout Feed) {
        let at = feed.extra.firstIndex { $0.key == History.key }
        guard let at, case .array(var items) = feed.extra[at].value else {
            if at == nil { feed.extra.append(JSONField(History.key, .array([revision.json]))) }
            // A history that is not an array is never written over; the save refuses it.
            return
        }
        feed.extra[at].value = .null  // lets go of the array's storage, so appending copies nothing
        var lo = 0
        var hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if idOf(items[mid]) <= revision.id { lo = mid + 1 } else { hi = mid }
        }
        items.insert(revision.json, at: lo)
        feed.extra[at].value = .array(items)
    }

    private static func idOf(_ value: JSONValue) -> String {
        if case .object(let f) = value, case .string(let id)? = DealFields.value("id", in: f) { return id }
        return ""
    }

    /// Sets or removes a top-level key of the feed.
    static func set(_ value: JSONValue?, in feed: inout Feed, key: String = History.key) {
        if let i = feed.extra.firstIndex(where: { $0.key == key }) {
            if let value { feed.extra[i].value = value } else { feed.extra.remove(at: i) }
        } else if let value {
            feed.extra.append(JSONField(key, value))
        }
    }

    /// The feed without its history (and pending merge conflicts): to hand to others.
    public static func stripped(_ feed: Feed) -> Feed {
        var f = feed
        f.extra.removeAll { $0.key == History.key || $0.key == MergeConflict.key }
        return f
    }

    /// The revisions newest first (the later of two at the same second first).
    public var newestFirst: [Revision] {
        revisions.enumerated().sorted { a, b in
            a.element.at != b.element.at ? a.element.at > b.element.at : a.offset > b.offset
        }.map(\.element)
    }

    /// The deals as they stood at the end of the day `yyyymmdd` (`cutoff`), undoing from
    /// `deals` (the store now) every revision made after it, newest first.
    ///
    /// Only the deals those revisions touch are taken apart into keys and rebuilt.
    public func deals(_ deals: [Deal], asOf cutoff: Int) throws(HistoryError) -> [Deal] {
        let later = revisions.enumerated().filter { $0.element.dayKey > cutoff }.sorted { a, b in
            a.element.at != b.element.at ? a.element.at > b.element.at : a.offset > b.offset
        }
        guard !later.isEmpty else { return deals }
        var index: [String: Int] = [:]
        index.reserveCapacity(deals.count)
        for (i, d) in deals.enumerated() { index[d.id] = i }
        var touched: [String: [JSONField]] = [:]
        for (_, r) in later {
            var fields = touched[r.id] ?? index[r.id].map { DealFields.fields(of: deals[$0]) } ?? []
            for c in r.changes { fields = DealFields.setting(c.field, to: c.old, in: fields) }
            touched[r.id] = fields
        }
        var out = deals.filter { touched[$0.id] == nil }
        for (id, fields) in touched where !fields.isEmpty {
            switch DealFields.deal(from: fields) {
            case .success(let d): out.append(d)
            case .failure(let e):
                let why = e.issues.first.map { $0.description } ?? "not a deal"
                throw HistoryError("history: \(id) as of the date does not make a valid deal (\(why))")
            }
        }
        out.sort { $0.id < $1.id }
        return out
    }

    /// `yyyymmdd` of the day `days` before `today` (a day): the cutoff of "the last `days` days".
    public static func dayKey(_ days: Int, before today: PartialDate) -> Int {
        var y = today.year
        var m = today.firstMonth
        var d = max(today.day, 1) - days
        while d < 1 {
            m -= 1
            if m < 1 {
                m = 12
                y -= 1
            }
            d += PartialDate.daysIn(month: m, year: y)
        }
        return y * 10_000 + m * 100 + d
    }

    /// The feed as it stood at the end of the day `cutoff`, with the history up to then.
    public static func feed(_ feed: Feed, asOf cutoff: Int) throws(HistoryError) -> Feed {
        let history = try History(of: feed)
        var past = stripped(feed)
        past.deals = try history.deals(feed.deals, asOf: cutoff)
        History(revisions: history.revisions.filter { $0.dayKey <= cutoff }).store(in: &past)
        return past
    }
}
