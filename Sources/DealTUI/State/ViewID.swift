/// The dashboard's main views, in tab order; the raw value is the number key that opens each.
public enum ViewID: Int, Sendable, CaseIterable {
    case countries = 1
    case deals, vendors, timeline

    public var title: String {
        switch self {
        case .countries: return "Countries"
        case .deals: return "Deals"
        case .vendors: return "Vendors"
        case .timeline: return "Timeline"
        }
    }

    var next: ViewID { ViewID(rawValue: rawValue % ViewID.allCases.count + 1)! }
    var previous: ViewID { ViewID(rawValue: (rawValue + ViewID.allCases.count - 2) % ViewID.allCases.count + 1)! }
}
