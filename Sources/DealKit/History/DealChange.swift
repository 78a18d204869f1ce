/// One change to one deal, named in the domain's words: a target revised down, a milestone
/// slipped, a partner added.
public struct DealChange: Sendable, Equatable {
    /// The kinds of change, as `diff --format json` names them.
    public enum Kind: String, Sendable, CaseIterable {
        /// The whole deal appeared or disappeared (`field` is `deal`); or an item of a list.
        case added, removed
        case revisedUp = "revised-up"
        case revisedDown = "revised-down"
        case slipped
        case pulledIn = "pulled-in"
        case advanced, regressed, cancelled
        case raised, lowered
        /// A milestone marked done (or undone: `reopened`).
        case done, reopened
        /// A value where there was none, none where there was one, or another value.
        case set, cleared, changed
    }

    public var id: String
    /// The deal's key (`status`, `milestones`), a figure in an object (`capacity.targetMW`), or `deal`.
    public var field: String
    public var kind: Kind
    public var old: JSONValue?
    public var new: JSONValue?
    /// Which item of a list, when the change is to one (a milestone's event, a partner's name).
    public var item: String?
    /// By how much, in words: `+945 MW`, `1 half`, `45 days`.
    public var amount: String?
    /// For a slipped or pulled-in milestone: the months between the periods' starts (negative: earlier).
    public var months: Int?

    public init(
        id: String, field: String, kind: Kind, old: JSONValue? = nil, new: JSONValue? = nil,
        item: String? = nil, amount: String? = nil, months: Int? = nil
    ) {
        self.id = id
        self.field = field
        self.kind = kind
        self.old = old
        self.new = new
        self.item = item
        self.amount = amount
        self.months = months
    }

    /// True for the changes a reader looks for first: a slip, a cut figure, a regression, a cancellation.
    public var isSetback: Bool {
        switch kind {
        case .slipped, .revisedDown, .regressed, .cancelled, .lowered, .reopened: return true
        case .removed: return field == "deal"
        default: return false
        }
    }

    /// One line in words: `capacity.targetMW revised down by 500 MW (1000 → 500)`.
    public var sentence: String {
        let words = kind.rawValue.replacingOccurrences(of: "-", with: " ")
        if field == "deal" { return "deal \(words)" }
        var s = field
        if let item { s += " \(FeedIssue.quote(item))" }
        s += " \(words)"
        if let amount { s += " by \(amount)" }
        switch kind {
        case .added where item != nil, .removed where item != nil, .done, .reopened: break
        default:
            let o = old.map(DealChange.brief) ?? "none"
            let n = new.map(DealChange.brief) ?? "none"
            s += " (\(o) → \(n))"
        }
        return s
    }

    /// A value as a short text: strings unquoted, the rest as compact JSON.
    public static func brief(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .number(let n): return n
        case .null: return "unknown"
        default:
            var w = JSONWriter(capacity: 128)
            w.value(v)
            return String(decoding: w.finish(), as: UTF8.self)
        }
    }
}
