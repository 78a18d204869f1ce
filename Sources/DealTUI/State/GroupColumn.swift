import DealKit

/// A column of the Countries list or the Vendors view, and the order it sorts the rows in.
///
/// Text sorts A to Z, figures smallest first; a row with an unknown figure comes last
/// either way, ties go by key, and the vendors' `(none)` row is always last, since it is
/// not a vendor.
public enum GroupColumn: String, Sendable, CaseIterable {
    case key, name, countries, deals, committed, ambition, share
    /// A country's vendor concentration (HHI of its ambition MW); a vendor's count of countries it leads.
    case hhi, topIn

    /// The Countries list's columns, in display order (the HHI only where it fits, or while sorted by it).
    static let countriesList: [GroupColumn] = [.key, .name, .deals, .committed, .ambition, .hhi]
    /// The Vendors view's columns, in display order.
    static let vendorsView: [GroupColumn] = [.key, .countries, .deals, .committed, .ambition, .share, .topIn]

    /// Whether sorting by it reads the vendor concentration (`VendorConcentration`), which the rows do not hold.
    var needsShares: Bool { self == .hhi || self == .topIn }

    /// The header text in a list of `countries` or vendors.
    func header(countries: Bool) -> String {
        switch self {
        case .key: return countries ? "cc" : "vendor"
        case .name: return "country"
        case .countries: return "countries"
        case .deals: return "deals"
        case .committed: return "committed"
        case .ambition: return "ambition"
        case .share: return "share"
        case .hhi: return "HHI"
        case .topIn: return "top in"
        }
    }

    var alignRight: Bool { startsDescending && self != .countries }

    /// Figures start largest first, text from A.
    var startsDescending: Bool {
        switch self {
        case .key, .name: return false
        default: return true
        }
    }

    /// `rows` in this column's order; `shares` gives `.hhi` (per country id) and `.topIn` (per vendor id).
    func sorted(_ rows: [GroupTotal], descending: Bool, shares: VendorConcentration.Leaders? = nil) -> [GroupTotal] {
        func hhi(_ r: GroupTotal) -> Double? { r.id >= 0 ? shares?.ambitionHHIByCountry[Int(r.id)] : nil }
        func leads(_ r: GroupTotal) -> Double? {
            r.id >= 0 ? (shares?.leadsByVendor[Int(r.id)]).map(Double.init) : nil
        }
        func known(_ a: Double?, _ b: Double?) -> Int {
            switch (a, b) {
            case (let x?, let y?): return x < y ? -1 : (y < x ? 1 : 0)
            case (nil, nil): return 0
            case (nil, _): return 2
            case (_, nil): return -2
            }
        }
        func order(_ a: GroupTotal, _ b: GroupTotal) -> Int {
            switch self {
            case .key:
                return a.key.lowercased() < b.key.lowercased() ? -1 : (a.key.lowercased() == b.key.lowercased() ? 0 : 1)
            case .name:
                return a.name.lowercased() < b.name.lowercased()
                    ? -1 : (a.name.lowercased() == b.name.lowercased() ? 0 : 1)
            case .countries:
                return a.countries.count < b.countries.count ? -1 : (a.countries.count == b.countries.count ? 0 : 1)
            case .deals: return a.deals < b.deals ? -1 : (a.deals == b.deals ? 0 : 1)
            case .committed: return known(a.committedMW, b.committedMW)
            case .ambition, .share: return known(a.ambitionMW, b.ambitionMW)
            case .hhi: return known(hhi(a), hhi(b))
            case .topIn: return known(leads(a), leads(b))
            }
        }
        return rows.sorted { a, b in
            let aNone = a.key == Summary.noVendor && a.name.isEmpty
            let bNone = b.key == Summary.noVendor && b.name.isEmpty
            if aNone != bNone { return bNone }
            let c = order(a, b)
            // ±2: one side unknown, which goes last in both directions.
            if c == 2 || c == -2 { return c < 0 }
            if c != 0 { return descending ? c > 0 : c < 0 }
            return a.key < b.key
        }
    }
}
