import DealKit

/// One row of the Countries or Vendors list: a group of deals and their totals.
///
/// The dashboard's own light version of `Summary.Row`: the same sums and order, computed
/// from interned data in one pass, so that a search keystroke can refresh it within a frame.
struct GroupTotal: Sendable, Equatable {
    /// The country code or the vendor's name (`Summary.noVendor` for deals without one).
    var key: String
    /// The country's English name; empty for a vendor.
    var name: String
    var deals: Int = 0
    var committedMW: Double?
    var ambitionMW: Double?
    var operationalMW: Double?
    var unknownMWDeals: Int = 0
    /// Which totals add an approximate figure: committed (1), ambition (2), operational (4); shown `≈`.
    var approx: UInt8 = 0
    /// For a vendor: the codes of the countries it supplies.
    var countries: [String] = []
    /// The country's id in the catalog, or the vendor's id (-1 for no vendor).
    var id: Int32

    mutating func add(_ catalog: DealCatalog, _ i: Int32) {
        deals += 1
        func plus(_ total: Double?, _ v: Double) -> Double? { v.isNaN ? total : (total ?? 0) + v }
        let ii = Int(i)
        committedMW = plus(committedMW, catalog.committed[ii])
        ambitionMW = plus(ambitionMW, catalog.ambition[ii])
        operationalMW = plus(operationalMW, catalog.operational[ii])
        if catalog.unknownMW[ii] { unknownMWDeals += 1 }
        approx |= catalog.approxMW[ii]
    }

    /// `Summary`'s order: the no-vendor row last, then ambition MW largest first (unknown last), then key.
    static func summaryOrder(_ a: GroupTotal, _ b: GroupTotal) -> Bool {
        Summary.rowOrder(key: a.key, ambitionMW: a.ambitionMW, before: b.key, b.ambitionMW)
    }
}
