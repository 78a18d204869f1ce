extension Summary {
    /// What one row of a summary by country is made of, when its deals were totalled
    /// elsewhere (a database server's `GROUP BY`) rather than here deal by deal.
    public struct Group: Sendable {
        /// The country code; unused for the total.
        public var key: String
        /// The deal count and the MW totals, each sum added in deal (id) order.
        public var figures: MWTotals
        /// Each name once per folded spelling, as first written among the group's deals (in
        /// any order: the row sorts them).
        public var vendors: [String], partners: [String], models: [String]
        /// The country codes of the deals.
        public var countries: [String]
        /// The milestone that needs attention first (`Milestone.next`), first of equals.
        public var next: Milestone?

        public init(
            key: String, figures: MWTotals, vendors: [String], partners: [String], models: [String],
            countries: [String], next: Milestone?
        ) {
            self.key = key
            self.figures = figures
            self.vendors = vendors
            self.partners = partners
            self.models = models
            self.countries = countries
            self.next = next
        }
    }

    /// A summary by country of groups totalled elsewhere: the same rows, in the same order,
    /// as `init(deals:by:today:)` makes of the deals themselves.
    public init(countries groups: [Group], total: Group, concentration: VendorConcentration, today: PartialDate?) {
        func row(_ g: Group, name: String) -> Row {
            var t = Tally(today: today)
            t.figures = g.figures
            // Each name is the first of its spelling already: added in any order, they are kept.
            for n in g.vendors { t.vendors.add(n, at: 0) }
            for n in g.partners { t.partners.add(n, at: 0) }
            for n in g.models { t.models.add(n, at: 0) }
            t.countries = Set(g.countries)
            t.next = g.next.map { (milestone: $0, deal: 0) }
            return t.row(key: g.key, name: name)
        }
        grouping = .country
        rows = groups.map { row($0, name: Countries.byCode($0.key)?.name ?? $0.key) }.sorted {
            Summary.rowOrder(key: $0.key, ambitionMW: $0.ambitionMW, before: $1.key, $1.ambitionMW)
        }
        self.total = row(total, name: "")
        self.concentration = concentration
    }
}
