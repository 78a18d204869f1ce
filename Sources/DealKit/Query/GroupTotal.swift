/// One row of the dashboard's Countries or Vendors list: a group of deals and their totals.
///
/// The light version of `Summary.Row`: the same totals (`MWTotals`) and order, added up from
/// a `DealIndex`'s columns in one pass, so that a search keystroke can refresh it within a frame.
public struct GroupTotal: Sendable, Equatable {
    /// The country code or the vendor's name (`Summary.noVendor` for deals without one).
    public var key: String
    /// The country's English name; empty for a vendor.
    public var name: String
    public var totals = MWTotals()
    /// For a vendor: the codes of the countries it supplies.
    public var countries: [String] = []
    /// The country's id in the index, or the vendor's id (-1 for no vendor).
    public var id: Int32

    public init(key: String, name: String, id: Int32) {
        self.key = key
        self.name = name
        self.id = id
    }

    public var deals: Int { totals.deals }
    public var committedMW: Double? { totals.committed }
    public var ambitionMW: Double? { totals.ambition }
    public var operationalMW: Double? { totals.operational }
    public var unknownMWDeals: Int { totals.unknown }
    /// Which totals add an approximate figure: committed (1), ambition (2), operational (4); shown `≈`.
    public var approx: UInt8 { totals.approx }

    /// Adds deal `i` of `index`.
    public mutating func add(_ index: DealIndex, _ i: Int32) {
        let k = Int(i)
        totals.add(
            committed: index.committed[k], ambition: index.ambition[k], operational: index.operational[k],
            unknown: index.unknownMW[k], notApplicable: index.notApplicable[k], approx: index.approxMW[k])
    }

    /// `Summary`'s order: the no-vendor row last, then ambition MW largest first (unknown last), then key.
    public static func summaryOrder(_ a: GroupTotal, _ b: GroupTotal) -> Bool {
        Summary.rowOrder(key: a.key, ambitionMW: a.ambitionMW, before: b.key, b.ambitionMW)
    }
}
