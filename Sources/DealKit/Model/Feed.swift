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

    /// Where a deal with `id` keeps the deals in id order, if they are (binary search).
    func insertionIndex(of id: String) -> Int {
        var lo = 0, hi = deals.count
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
