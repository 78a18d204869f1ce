/// A whole sovtrack feed: the deals and the document's own keys.
public struct Feed: Sendable, Equatable {
    public static let formatName = "sovtrack-feed"
    public static let currentVersion = 2

    /// The version of the file this feed was read from (the current one for a new feed).
    /// The encoder writes it back, unless the deals need a newer one; a store's save upgrades it.
    public var version: Int = Feed.currentVersion

    public var updated: PartialDate?
    public var deals: [Deal]
    /// Top-level keys this version does not know, kept and written back.
    public var extra: [JSONField]

    public init(updated: PartialDate? = nil, deals: [Deal] = [], extra: [JSONField] = []) {
        self.updated = updated
        self.deals = deals
        self.extra = extra
    }

    /// Equal content, whatever version of file each came from.
    public static func == (a: Feed, b: Feed) -> Bool {
        a.updated == b.updated && a.deals == b.deals && a.extra == b.extra
    }

    /// The version the encoder writes: the one read, or 2 when the deals need it.
    public var versionToWrite: Int {
        version >= Feed.currentVersion || !deals.contains(where: \.needsVersion2) ? version : Feed.currentVersion
    }

    /// The index of the deal with this id.
    public func index(of id: String) -> Int? { deals.firstIndex { $0.id == id } }

    /// Where a deal with `id` keeps the deals in id order, if they are (binary search).
    func insertionIndex(of id: String) -> Int {
        var lo = 0
        var hi = deals.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if deals[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Puts `deal` in place of the deal at `index`, or adds it at its place in id order
    /// (`index` nil; a saved store then needs no sort), or removes the deal at `index`
    /// (`deal` nil). Returns the indices changed: empty, at its place, for a removal.
    @discardableResult
    mutating func put(_ deal: Deal?, at index: Int?) -> Range<Int> {
        switch (index, deal) {
        case (let i?, let new?):
            deals[i] = new
            return i..<i + 1
        case (let i?, nil):
            deals.remove(at: i)
            return i..<i
        case (nil, let new?):
            let at = insertionIndex(of: new.id)
            deals.insert(new, at: at)
            return at..<at + 1
        case (nil, nil):
            return 0..<0
        }
    }
}
