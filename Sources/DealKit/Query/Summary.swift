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
        /// Deals with none of the three figures known.
        public var unknownMWDeals: Int
        public var vendors: [String]
        public var partners: [String]
        public var models: [String]
        public var nextMilestone: Milestone?
    }

    /// The name of the row holding deals that have no vendor, in a vendor summary.
    public static let noVendor = "(none)"

    public var grouping: Grouping
    public var rows: [Row]
    /// The totals over every deal summarised (each deal counted once).
    public var total: Row

    /// Summarises `deals`, rows ordered by ambition MW (largest first, unknown last), then key.
    public init(deals: [Deal], by grouping: Grouping = .country) {
        // Read through a buffer: every `let d = deals[i]` or `for d in deals` copied a whole
        // deal (a retain per string and array), which cost more than the totals themselves.
        self = deals.withUnsafeBufferPointer { Summary(buffer: $0, by: grouping) }
    }

    private init(buffer deals: UnsafeBufferPointer<Deal>, by grouping: Grouping) {
        self.grouping = grouping
        // Groups hold indices: copying 100,000 deals into groups cost more than totalling them.
        var groups: [String: [Int]] = [:]
        var displayName: [String: String] = [:]
        var folded: [String: String] = [:]
        for i in deals.indices {
            switch grouping {
            case .country:
                groups[deals[i].country, default: []].append(i)
            case .vendor:
                var seen = Set<String>()
                for p in deals[i].partners where p.role == .vendor {
                    let k: String
                    if let f = folded[p.name] { k = f } else { k = DealFilter.fold(p.name); folded[p.name] = k }
                    guard seen.insert(k).inserted else { continue }
                    if displayName[k] == nil { displayName[k] = p.name }
                    groups[k, default: []].append(i)
                }
                if seen.isEmpty { groups["\u{0}none", default: []].append(i); displayName["\u{0}none"] = Summary.noVendor }
            }
        }
        final class Results: @unchecked Sendable { var rows: [Row] = []; var total: Row? }
        let results = Results()
        let shared = UnsafeSendable(deals), names = displayName, grouped = groups
        let both = deals.count >= 10_000
        // The total walks every deal a second time: on another core it costs no wall time.
        DispatchQueue.concurrentPerform(iterations: both ? 2 : 1) { part in
            if part == 0 { results.rows = Summary.rows(grouped, names, grouping, shared.value) }
            if part == 1 || !both {
                results.total = Summary.row(key: "total", name: "", deals: shared.value, Array(shared.value.indices), excludingVendor: nil)
            }
        }
        self.rows = results.rows
        self.total = results.total!
    }

    /// One row per group, in `rowOrder`.
    private static func rows(_ groups: [String: [Int]], _ displayName: [String: String], _ grouping: Grouping,
                             _ deals: UnsafeBufferPointer<Deal>) -> [Row] {
        var rows: [Row] = []
        for (k, members) in groups {
            switch grouping {
            case .country:
                rows.append(Summary.row(key: k, name: Countries.byCode(k)?.name ?? k, deals: deals, members, excludingVendor: nil))
            case .vendor:
                let vendor = displayName[k] ?? k
                rows.append(Summary.row(key: vendor, name: "", deals: deals, members, excludingVendor: k))
            }
        }
        rows.sort { Summary.rowOrder(key: $0.key, ambitionMW: $0.ambitionMW, before: $1.key, $1.ambitionMW) }
        return rows
    }

    /// The order of rows: the no-vendor row last, then ambition MW largest first (unknown last), then key.
    /// Shared with the dashboard, whose totals must list in the same order.
    public static func rowOrder(key a: String, ambitionMW x: Double?, before b: String, _ y: Double?) -> Bool {
        if (a == noVendor) != (b == noVendor) { return b == noVendor }
        switch (x, y) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.lowercased() < b.lowercased()
        }
    }

    /// Totals the deals at `members`, in one pass.
    private static func row(key: String, name: String, deals: UnsafeBufferPointer<Deal>, _ members: [Int], excludingVendor: String?) -> Row {
        var committed: Double?, ambition: Double?, operational: Double?
        func add(_ total: inout Double?, _ v: Double?) { if let v { total = (total ?? 0) + v } }
        // Sums of decimal figures pick up binary noise (61.2659695999...); no source is that precise.
        func tidy(_ v: Double?) -> Double? { v.map { ($0 * 1e6).rounded() / 1e6 } }
        var countries = Set<String>()
        var vendors = UniqueNames(), partners = UniqueNames(), models = UniqueNames()
        var next: Milestone?
        var unknown = 0
        for i in members {
            countries.insert(deals[i].country)
            // Stored properties only: calling a computed one (`hasUnknownMW`, `nextMilestone`)
            // on a deal in a buffer copies the whole deal first.
            if let c = deals[i].capacity {
                add(&committed, c.committedMW)
                add(&ambition, c.ambitionMW)
                add(&operational, c.operationalMW)
                if c.initialMW == nil && c.targetMW == nil && c.operationalMW == nil { unknown += 1 }
            } else {
                unknown += 1
            }
            for p in deals[i].partners {
                if p.role == .vendor {
                    if excludingVendor == nil || DealFilter.fold(p.name) != excludingVendor { vendors.add(p.name) }
                } else {
                    partners.add(p.name)
                }
            }
            for m in deals[i].models { models.add(m) }
            // The earliest milestone not done, the first of equals (as `Deal.nextMilestone`).
            for m in deals[i].milestones where !m.done && (next == nil || m.date < next!.date) { next = m }
        }
        return Row(key: key, name: name, countries: countries.sorted(), deals: members.count,
                   committedMW: tidy(committed), ambitionMW: tidy(ambition),
                   operationalMW: tidy(operational), unknownMWDeals: unknown,
                   vendors: vendors.sorted, partners: partners.sorted, models: models.sorted,
                   nextMilestone: next)
    }
}

/// Names kept once each, compared without case, shown as first written.
struct UniqueNames {
    private var seen: [String: String] = [:]
    /// Names already added as written: most repeats are exact, and skip the folding.
    private var exact: Set<String> = []

    mutating func add(_ name: String) {
        guard exact.insert(name).inserted else { return }
        let k = DealFilter.fold(name)
        if seen[k] == nil { seen[k] = name }
    }

    var sorted: [String] {
        seen.sorted { $0.key < $1.key }.map(\.value)
    }
}
