/// A whole sovtrack feed: the deals and the document's own keys.
public struct Feed: Sendable, Equatable {
    public static let formatName = "sovtrack-feed"
    public static let currentVersion = 1

    public var updated: PartialDate?
    public var deals: [Deal]
    /// Top-level keys this version does not know, kept and written back.
    public var extra: [JSONField]

    public init(updated: PartialDate? = nil, deals: [Deal] = [], extra: [JSONField] = []) {
        self.updated = updated; self.deals = deals; self.extra = extra
    }

    /// The index of the deal with this id.
    public func index(of id: String) -> Int? { deals.firstIndex { $0.id == id } }
}
