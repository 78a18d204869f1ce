import DealKit

/// Which part of a deal one row of the edit form holds.
///
/// List parts (partners, models, milestones, sources, tags) take one row per item, so an
/// item may contain any text, commas included.
public enum FieldKind: String, Sendable, Equatable, CaseIterable {
    case id, title, country, announced, status, sponsor, partner, platform, site
    case initialMW, targetMW, operationalMW, confidence
    case acceleratorCount, acceleratorType, investmentAmount, currency
    case model, milestone, source, tag, notes

    /// The row's label in the form.
    public var label: String {
        switch self {
        case .initialMW: return "initial MW"
        case .targetMW: return "target MW"
        case .operationalMW: return "operational MW"
        case .acceleratorCount: return "chips"
        case .acceleratorType: return "chip type"
        case .investmentAmount: return "investment"
        default: return rawValue
        }
    }

    /// True for the parts that hold a list, one row per item.
    public var isList: Bool {
        switch self {
        case .partner, .model, .milestone, .source, .tag: return true
        default: return false
        }
    }

    /// True for the keys every deal must have.
    public var isRequired: Bool {
        switch self {
        case .id, .title, .country, .announced: return true
        default: return false
        }
    }

    /// The allowed values offered for the row, when it has a fixed set (country codes are looked up as typed).
    public var choices: [String]? {
        switch self {
        case .status: return DealStatus.allCases.map(\.rawValue)
        case .confidence: return Confidence.allCases.map(\.rawValue)
        default: return nil
        }
    }

    /// True when Ctrl-N / Ctrl-P step through suggested values.
    public var offersValues: Bool { choices != nil || self == .country }

    /// What to type, shown under the form while the row has the focus and nothing is wrong.
    public var hint: String {
        switch self {
        case .id: return "lower-case letters, digits and '-', e.g. kr-naver-sejong"
        case .title: return "one-line headline"
        case .country: return "ISO code or English name (KR, South Korea); Enter takes the first match"
        case .status: return "empty is announced"
        case .sponsor: return "the national champion or government body leading it"
        case .partner: return "NAME:ROLE, role one of \(PartnerRole.allowedList)"
        case .platform: return "reference platform, e.g. NVIDIA DSX"
        case .site: return "data-center site"
        case .initialMW, .targetMW, .operationalMW: return "megawatts; empty is unknown (never zero)"
        case .confidence: return "how sure the target is; empty is unknown"
        case .acceleratorCount: return "how many accelerators; empty is unknown"
        case .acceleratorType: return "e.g. GB300"
        case .investmentAmount: return "stated amount of money; needs a currency"
        case .currency: return "ISO 4217 code, e.g. USD, KRW, EUR"
        case .model: return "a model built or served on it"
        case .milestone: return "DATE:EVENT, '!' first marks it done (!2026-H2:Phase 1 online)"
        case .source: return "the URL a fact comes from"
        case .tag: return "a free label"
        case .notes: return "free text"
        case .announced: return "YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD"
        }
    }
}
