/// One sovereign-AI infrastructure deal: who builds what capacity, with whom, when.
public struct Deal: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var country: String
    public var announced: PartialDate
    public var status: DealStatus
    public var sponsor: String?
    public var partners: [Partner]
    public var platform: String?
    public var site: String?
    public var capacity: Capacity?
    public var accelerators: Accelerators?
    public var investment: Investment?
    public var models: [String]
    public var milestones: [Milestone]
    public var sources: [Source]
    public var tags: [String]
    public var notes: String?
    /// What sort of deal; nil is unspecified (every version-1 deal).
    public var kind: DealKind?
    /// False when no source states the date: `announced` is then only the date by which it
    /// was public (`announcedBy` in the feed, shown `≤2026-06-07`).
    public var announcedStated: Bool
    /// Products and technologies the deal names (Vera Rubin, CUDA-X, GB300).
    public var products: [String]
    /// The sources that state each figure.
    public var cite: Citations
    /// Keys this version does not know, in their original order, written back on save.
    public var extra: [JSONField]

    public init(
        id: String, title: String, country: String, announced: PartialDate,
        status: DealStatus = .announced, sponsor: String? = nil, partners: [Partner] = [],
        platform: String? = nil, site: String? = nil, capacity: Capacity? = nil,
        accelerators: Accelerators? = nil, investment: Investment? = nil, models: [String] = [],
        milestones: [Milestone] = [], sources: [Source] = [], tags: [String] = [],
        notes: String? = nil, extra: [JSONField] = [], kind: DealKind? = nil, announcedStated: Bool = true,
        products: [String] = [], cite: Citations = Citations()
    ) {
        self.id = id
        self.title = title
        self.country = country
        self.announced = announced
        self.status = status
        self.sponsor = sponsor
        self.partners = partners
        self.platform = platform
        self.site = site
        self.capacity = capacity
        self.accelerators = accelerators
        self.investment = investment
        self.models = models
        self.milestones = milestones
        self.sources = sources
        self.tags = tags
        self.notes = notes
        self.extra = extra
        self.kind = kind
        self.announcedStated = announcedStated
        self.products = products
        self.cite = cite
    }

    /// The partners whose role is `vendor`.
    public var vendors: [String] { partners.lazy.filter { $0.role == .vendor }.map(\.name) }

    /// The partners in any other role.
    public var otherPartners: [Partner] { partners.filter { $0.role != .vendor } }

    /// The larger of the known initial and operational MW; nil when both are unknown.
    public var committedMW: Double? { capacity?.committedMW }

    /// The target MW if known, else the committed MW.
    public var ambitionMW: Double? { capacity?.ambitionMW }

    public var operationalMW: Double? { capacity?.operationalMW }

    /// True when megawatts apply to the deal and none of the three figures is known.
    public var hasUnknownMW: Bool { mwApplies && (capacity?.hasNoFigure ?? true) }
    /// False when the deal's kind has no megawatts by nature (shown `n/a`, not `-`).
    public var mwApplies: Bool { kind?.hasMegawatts ?? true }
    /// The announcement date as tables show it: `2026-06-07`, or `≤2026-06-07` when not stated.
    public var announcedText: String { announcedStated ? announced.description : "≤" + announced.description }
    /// True when the deal uses something feed version 1 cannot say.
    public var needsVersion2: Bool {
        kind != nil || !announcedStated || !products.isEmpty || !cite.isEmpty
            || !(capacity?.approx.isEmpty ?? true)
            || partners.contains { $0.supplies != nil || $0.to != nil }
            || milestones.contains { !$0.cite.isEmpty }
    }

    /// The milestone its `next milestone` shows on `today`: the longest overdue, else the earliest to come.
    public func nextMilestone(today: PartialDate?) -> Milestone? { Milestone.next(in: milestones, today: today) }
}
