import DealKit

/// A column of a deal table: its header, its value for a deal, how wide it may be and how it sorts.
public enum DealColumn: String, Sendable, CaseIterable {
    case title, country, announced, sponsor, vendors, partners, mw, operational, status, confidence, models, milestone,
        id

    /// Columns of the Deals view, in display order.
    static let dealsView: [DealColumn] = [
        .title, .country, .announced, .sponsor, .vendors, .partners, .mw, .operational,
        .status, .confidence, .models, .milestone, .id,
    ]
    /// Columns of the Countries view's deal table (the country is the selected one).
    static let countryDeals: [DealColumn] = [
        .title, .announced, .sponsor, .vendors, .partners, .mw, .operational,
        .status, .confidence, .models, .milestone,
    ]

    var header: String {
        switch self {
        case .title: return "title"
        case .country: return "cc"
        case .announced: return "announced"
        case .sponsor: return "sponsor"
        case .vendors: return "vendors"
        case .partners: return "partners"
        case .mw: return "MW"
        case .operational: return "op MW"
        case .status: return "status"
        case .confidence: return "confidence"
        case .models: return "models"
        case .milestone: return "next milestone"
        case .id: return "id"
        }
    }

    /// The narrowest the column may be drawn, and the widest it grows to.
    var widths: (min: Int, max: Int) {
        switch self {
        case .title: return (14, 52)
        case .country: return (2, 2)
        case .announced: return (10, 11)
        case .sponsor: return (8, 18)
        case .vendors: return (8, 22)
        case .partners: return (8, 28)
        case .mw: return (5, 16)
        case .operational: return (5, 8)
        case .status: return (9, 18)
        case .confidence: return (7, 12)
        case .models: return (8, 32)
        case .milestone: return (12, 36)
        case .id: return (8, 36)
        }
    }

    /// Which columns stay when the width runs out: lower first.
    var priority: Int {
        switch self {
        case .title: return 0
        case .mw: return 1
        case .status: return 2
        case .country: return 3
        case .sponsor: return 4
        case .vendors: return 5
        case .announced: return 6
        case .confidence: return 7
        case .milestone: return 8
        case .partners: return 9
        case .operational: return 10
        case .models: return 11
        case .id: return 12
        }
    }

    var alignRight: Bool { self == .mw || self == .operational }

    /// Columns of free text, where a search match is highlighted.
    var isText: Bool {
        switch self {
        case .title, .sponsor, .vendors, .partners, .models, .milestone, .id: return true
        default: return false
        }
    }

    /// The sort this column's header shows, if any.
    var sort: DealSort {
        switch self {
        case .title: return .title
        case .country: return .country
        case .announced: return .announced
        case .sponsor: return .sponsor
        case .mw: return .mw
        case .operational: return .operational
        case .status: return .status
        case .confidence: return .confidence
        case .milestone: return .milestone
        case .id: return .id
        case .vendors: return .vendors
        case .partners: return .partners
        case .models: return .models
        }
    }

    /// The cell text for a deal (unsanitized; the grid sanitizes); `today` decides which milestone is overdue.
    func value(_ d: Deal, today: PartialDate) -> String {
        switch self {
        case .title: return d.title
        case .country: return d.country
        case .announced: return d.announcedText
        case .sponsor: return d.sponsor ?? "-"
        case .vendors:
            let v = d.vendors
            return v.isEmpty ? "-" : v.joined(separator: ", ")
        case .partners:
            let p = d.otherPartners
            return p.isEmpty ? "-" : p.map(\.name).joined(separator: ", ")
        case .mw: return MWText.range(d)
        case .operational:
            return d.mwApplies
                ? MWText.figure(d.operationalMW, approx: d.capacity?.approx.contains(.operational) ?? false)
                : MWText.notApplicable
        case .status: return d.status.rawValue
        case .confidence: return d.capacity?.confidence?.rawValue ?? "-"
        case .models: return d.models.isEmpty ? "-" : d.models.joined(separator: ", ")
        case .milestone: return d.nextMilestone(today: today)?.summary(today: today) ?? "-"
        case .id: return d.id
        }
    }

    /// The role of a cell: status and confidence are coloured, an overdue milestone is an error, unknowns dimmed.
    func role(_ d: Deal, today: PartialDate) -> Role {
        switch self {
        case .status: return .status(d.status)
        case .confidence: return .confidence(d.capacity?.confidence)
        case .title: return .normal
        case .milestone:
            guard let m = d.nextMilestone(today: today) else { return .dim }
            return m.isOverdue(on: today) ? .error : .normal
        default: return value(d, today: today) == "-" ? .dim : .normal
        }
    }
}
