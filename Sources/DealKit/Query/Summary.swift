import Foundation

/// Deals totalled per country or per vendor, with unknown figures kept apart from zero.
public struct Summary: Sendable, Equatable {
    public enum Grouping: String, Sendable, CaseIterable { case country, vendor }

    /// One row: a country (or vendor) and the totals of its deals.
    public struct Row: Sendable, Equatable {
        /// The country code, or the vendor's name.
        public var key: String
        /// The country's English name; for a vendor row, unused.
        public var name: String
        /// For a vendor row, the codes of the countries it supplies.
        public var countries: [String]
        public var deals: Int
        public var committedMW: Double?
        public var ambitionMW: Double?
        public var operationalMW: Double?
        /// Deals with none of the three figures known, among those megawatts apply to.
        public var unknownMWDeals: Int
        /// Deals whose kind has no megawatts (a partnership, a model): not unknown, not applicable.
        public var noMWDeals: Int = 0
        /// Which totals add at least one approximate figure (shown `≈2,000`).
        public var approxCommitted = false, approxAmbition = false, approxOperational = false
        public var vendors: [String]
        public var partners: [String]
        public var models: [String]
        /// The milestone that needs attention first (`Milestone.next(in:today:)`).
        public var nextMilestone: Milestone?
        /// Whether `nextMilestone` was overdue on the summary's day.
        public var nextMilestoneOverdue = false

        /// `DATE event`, marked `overdue DATE event` when it is: what every format prints.
        public var nextMilestoneText: String? {
            nextMilestone.map { nextMilestoneOverdue ? Milestone.overdueMark + $0.summary : $0.summary }
        }
    }

    /// The name of the row holding deals that have no vendor, in a vendor summary.
    public static let noVendor = "(none)"

    public var grouping: Grouping
    public var rows: [Row]
    /// The totals over every deal summarised (each deal counted once).
    public var total: Row
    /// How each country's MW splits among vendors, over the same deals.
    public var concentration: VendorConcentration

    /// Summarises `deals`, rows ordered by ambition MW (largest first, unknown last), then key.
    ///
    /// `today` decides which planned milestones are overdue (shown first, marked); nil: none is.
    public init(deals: [Deal], by grouping: Grouping = .country, today: PartialDate? = nil) {
        self.init(deals: deals, by: grouping, today: today, twoCoresFrom: 10_000)
    }

    /// Keeps of a deal only what a summary reads: its country, partners, models, capacity
    /// and milestones (and its id, date and status, which cost nothing).
    ///
    /// `summary` keeps its deals so trimmed while the store is read, which frees the larger
    /// part of each (title, sources, notes) at once for the next deals to reuse. Built from
    /// what is kept, not by clearing the rest, so a field added to `Deal` is let go too.
    public static func trim(_ deal: inout Deal) {
        deal = Deal(
            id: deal.id, title: "", country: deal.country, announced: deal.announced, status: deal.status,
            partners: deal.partners, capacity: deal.capacity, models: deal.models, milestones: deal.milestones,
            kind: deal.kind)
    }

    /// `twoCoresFrom`: the number of deals from which both cores are used (tests compare the two ways).
    init(deals: [Deal], by grouping: Grouping, today: PartialDate? = nil, twoCoresFrom: Int) {
        // Read through a buffer: every `let d = deals[i]` or `for d in deals` copied a whole
        // deal (a retain per string and array), which cost more than the totals themselves.
        // The parts on other cores take the array (Sendable) and read it through a buffer of their own.
        self = deals.withUnsafeBufferPointer {
            Summary(buffer: $0, of: deals, by: grouping, today: today, twoCoresFrom: twoCoresFrom)
        }
    }

    private init(
        buffer deals: UnsafeBufferPointer<Deal>, of array: [Deal], by grouping: Grouping, today: PartialDate?,
        twoCoresFrom: Int
    ) {
        self.grouping = grouping
        // The grouping rule is `DealGroups`', shared with the dashboard's lists. Groups hold
        // indices: copying 100,000 deals into groups cost more than totalling them.
        let g = DealGroups(buffer: deals)
        let all = 0..<Int32(deals.count)
        let both = deals.count >= twoCoresFrom
        var rows: [Row]
        var total: Row
        switch grouping {
        case .country:
            // Each deal is in one country: the rows are totalled on both cores, and the total
            // is the rows' names merged plus one cheap pass for the figures.
            let groups = g.byCountry(Array(all)).enumerated().filter { !$0.element.isEmpty }.map {
                (key: g.countryCodes[$0.offset], value: $0.element)
            }
            let halves = Summary.split(groups, into: both ? 2 : 1)
            let parts = Parallel.map(halves.count) { part in
                array.withUnsafeBufferPointer { deals in
                    var rows: [Row] = []
                    var tallies: [Tally] = []
                    for (k, members) in halves[part] {
                        var t = Tally(today: today)
                        for i in members { t.add(Int(i), deals, excludingVendor: nil) }
                        rows.append(t.row(key: k, name: Countries.byCode(k)?.name ?? k))
                        tallies.append(t)
                    }
                    return (rows: rows, tallies: tallies)
                }
            }
            var sum = Tally(today: today)
            for i in deals.indices { sum.addFigures(i, deals) }
            for t in parts.lazy.flatMap(\.tallies) { sum.mergeNames(t) }
            rows = parts.flatMap(\.rows)
            total = sum.row(key: "total", name: "")
        case .vendor:
            // A deal can be in several vendors' rows: the total walks every deal again, on the other core.
            let slots = g.byVendor(all)
            let parts = Parallel.map(both ? 2 : 1) { part -> (rows: [Row], total: Row?) in
                array.withUnsafeBufferPointer { deals in
                    let rows = part == 0 ? Summary.vendorRows(slots, g, deals, today: today) : []
                    guard part == 1 || !both else { return (rows, nil) }
                    var t = Tally(today: today)
                    for i in deals.indices { t.add(i, deals, excludingVendor: nil) }
                    return (rows, t.row(key: "total", name: ""))
                }
            }
            rows = parts[0].rows
            total = parts.compactMap(\.total)[0]
        }
        self.rows = rows.sorted {
            Summary.rowOrder(key: $0.key, ambitionMW: $0.ambitionMW, before: $1.key, $1.ambitionMW)
        }
        self.total = total
        concentration = VendorConcentration(groups: g, buffer: deals)
    }

    /// Groups split into `parts` runs of about as many deals each.
    private static func split(_ groups: [(key: String, value: [Int32])], into parts: Int) -> [[(
        key: String, value: [Int32]
    )]] {
        guard parts > 1 else { return [groups] }
        var out: [[(key: String, value: [Int32])]] = Array(repeating: [], count: parts)
        var load = Array(repeating: 0, count: parts)
        // Largest first, each to the lightest part so far.
        for g in groups.sorted(by: { $0.value.count > $1.value.count }) {
            let p = load.indices.min { load[$0] < load[$1] }!
            out[p].append(g)
            load[p] += g.value.count
        }
        return out
    }

    /// One row per vendor slot with deals (`DealGroups.byVendor`), a vendor's own name left out of its row's vendors.
    private static func vendorRows(
        _ slots: [[Int32]], _ g: DealGroups, _ deals: UnsafeBufferPointer<Deal>, today: PartialDate?
    ) -> [Row] {
        slots.indices.compactMap { slot in
            guard !slots[slot].isEmpty else { return nil }
            var t = Tally(today: today)
            let own = slot == 0 ? nil : g.vendorKeys[slot - 1]
            for i in slots[slot] { t.add(Int(i), deals, excludingVendor: own) }
            return t.row(key: g.vendorRowKey(slot: slot), name: "")
        }
    }

    /// The order of rows: the no-vendor row last, then ambition MW largest first (unknown last), then key.
    /// Shared with the dashboard, whose totals must list in the same order.
    public static func rowOrder(key a: String, ambitionMW x: Double?, before b: String, _ y: Double?) -> Bool {
        if (a == noVendor) != (b == noVendor) { return b == noVendor }
        switch (x, y) {
        case (let x?, let y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.lowercased() < b.lowercased()
        }
    }

    /// What totalling some deals gathers. Tallies of deals in no common row merge into
    /// theirs together, exactly as if totalled in one pass: names and the next milestone
    /// remember the deal they first came from.
    struct Tally {
        /// The day that decides which milestones are overdue.
        let today: PartialDate?
        var figures = MWTotals()
        var countries = Set<String>()
        var vendors = UniqueNames(), partners = UniqueNames(), models = UniqueNames()
        /// The milestone needing attention first (`Milestone.precedes`), first of equals, and the deal it is in.
        var next: (milestone: Milestone, deal: Int)?

        mutating func add(_ i: Int, _ deals: UnsafeBufferPointer<Deal>, excludingVendor: String?) {
            addFigures(i, deals)
            countries.insert(deals[i].country)
            for p in deals[i].partners {
                if p.role == .vendor {
                    if excludingVendor == nil || DealFilter.fold(p.name) != excludingVendor {
                        vendors.add(p.name, at: i)
                    }
                } else {
                    partners.add(p.name, at: i)
                }
            }
            for m in deals[i].models { models.add(m, at: i) }
            // From the stored list: a computed property called on a deal in a buffer copies the whole deal first.
            if let m = Milestone.next(in: deals[i].milestones, today: today),
                next == nil || Milestone.precedes(m, next!.milestone, today: today)
            {
                next = (m, i)
            }
        }

        /// The deal count, the MW sums and the unknown count: cheap, so the total runs them over every deal in order.
        mutating func addFigures(_ i: Int, _ deals: UnsafeBufferPointer<Deal>) {
            figures.add(MWTotals.Figures(deals.baseAddress! + i))
        }

        /// Takes in the countries, names and next milestone of a tally over other deals.
        mutating func mergeNames(_ other: Tally) {
            countries.formUnion(other.countries)
            vendors.merge(other.vendors)
            partners.merge(other.partners)
            models.merge(other.models)
            if let o = other.next,
                next == nil || Milestone.precedes(o.milestone, next!.milestone, today: today)
                    || (!Milestone.precedes(next!.milestone, o.milestone, today: today) && o.deal < next!.deal)
            {
                next = o
            }
        }

        func row(key: String, name: String) -> Row {
            // Sums of decimal figures pick up binary noise (61.2659695999...); no source is that precise.
            // (Beyond 10¹⁵ MW, which only a hostile feed gives, the product would overflow to infinity.)
            func tidy(_ v: Double?) -> Double? { v.map { abs($0) < 1e15 ? ($0 * 1e6).rounded() / 1e6 : $0 } }
            var row = Row(
                key: key, name: name, countries: countries.sorted(), deals: figures.deals,
                committedMW: tidy(figures.committed), ambitionMW: tidy(figures.ambition),
                operationalMW: tidy(figures.operational), unknownMWDeals: figures.unknown,
                vendors: vendors.sorted, partners: partners.sorted, models: models.sorted,
                nextMilestone: next?.milestone)
            row.nextMilestoneOverdue = today.map { next?.milestone.isOverdue(on: $0) ?? false } ?? false
            row.noMWDeals = figures.notApplicable
            row.approxCommitted = figures.approx & 1 != 0
            row.approxAmbition = figures.approx & 2 != 0
            row.approxOperational = figures.approx & 4 != 0
            return row
        }
    }
}

/// Names kept once each, compared without case, shown as first written.
struct UniqueNames {
    /// The folded name, the name as first written and the deal it was first seen in.
    private var seen: [String: (name: String, at: Int)] = [:]
    /// Names already added as written: most repeats are exact, and skip the folding.
    private var exact: Set<String> = []

    /// Adds a name from deal `at`; deals are added in increasing order.
    mutating func add(_ name: String, at i: Int) {
        guard exact.insert(name).inserted else { return }
        let k = DealFilter.fold(name)
        if seen[k] == nil { seen[k] = (name, i) }
    }

    /// Takes in the names of other deals: the spelling from the earlier deal wins.
    mutating func merge(_ other: UniqueNames) {
        for (k, v) in other.seen where seen[k].map({ v.at < $0.at }) ?? true { seen[k] = v }
    }

    var sorted: [String] {
        seen.sorted { $0.key < $1.key }.map(\.value.name)
    }
}
