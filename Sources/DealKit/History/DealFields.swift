/// A deal as its top-level keys and their canonical JSON values, and back.
///
/// History, diff and merge work on these rather than on `Deal`'s properties, so that a key
/// added to the model later (or one this version does not know) is recorded, compared and
/// merged like any other without their knowing it.
public enum DealFields {
    /// The deal's keys in canonical order, each with the value the feed would hold.
    public static func fields(of deal: Deal) -> [JSONField] {
        var w = JSONWriter(capacity: 1_536)
        FeedEncoder.write(deal, to: &w)
        let bytes = w.finish()
        // The encoder's own output always parses; an object is all it writes for a deal.
        guard let value = try? JSONReader.parse(bytes, { try $0.readValue() }), case .object(let fields) = value else {
            return []
        }
        return fields
    }

    /// The value of `key` among `fields`, nil when absent.
    public static func value(_ key: String, in fields: [JSONField]) -> JSONValue? {
        fields.first { $0.key == key }?.value
    }

    /// A deal from its keys, checked as the feed decoder checks a deal; nil with the problems
    /// (paths as `deals[0]...`) when the keys do not make a valid deal.
    public static func deal(from fields: [JSONField]) -> Result<Deal, DealFieldsError> {
        var w = JSONWriter(capacity: 1_024)
        w.raw("{\"format\": \"sovtrack-feed\", \"version\": ")
        w.integer(Feed.currentVersion)
        w.raw(", \"deals\": [")
        w.value(.object(fields))
        w.raw("]}")
        let result = FeedDecoder.decode(w.finish())
        let errors = result.issues.filter(\.isError)
        guard errors.isEmpty, let deal = result.feed.deals.first else {
            return .failure(DealFieldsError(issues: errors))
        }
        return .success(deal)
    }

    /// `fields` with `key` set to `value`, or removed (nil), keeping the canonical key order.
    public static func setting(_ key: String, to value: JSONValue?, in fields: [JSONField]) -> [JSONField] {
        var out = fields
        if let i = out.firstIndex(where: { $0.key == key }) {
            if let value { out[i].value = value } else { out.remove(at: i) }
        } else if let value {
            let rank = DealFields.rank(of: key)
            let at = out.firstIndex { DealFields.rank(of: $0.key) > rank } ?? out.count
            out.insert(JSONField(key, value), at: at)
        }
        return out
    }

    /// The keys a deal is written with, in order; a key not listed goes after them.
    public static let order = [
        "id", "title", "country", "announced", "status", "sponsor", "partners",
        "platform", "site", "capacity", "accelerators", "investment", "models",
        "milestones", "sources", "tags", "notes",
    ]

    private static func rank(of key: String) -> Int { order.firstIndex(of: key) ?? order.count }
}

/// Why keys did not make a valid deal.
public struct DealFieldsError: Error, Sendable, Equatable {
    public var issues: [FeedIssue]
}
