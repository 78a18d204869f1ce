/// How each country's megawatts split among vendors, and how concentrated they are.
///
/// The rule, for committed and for ambition MW separately (docs/report.md):
/// - a deal with several vendors gives each an equal part of its MW (vendors
///   compared without case, each counted once per deal);
/// - a deal whose MW of that kind is unknown is left out of that kind's shares and
///   counted (`unknownMWDeals`), never taken as zero;
/// - a deal with no vendor is left out of the shares and counted (`noVendorDeals`):
///   shares are of the MW whose vendor is known;
/// - the Herfindahl–Hirschman index is the sum of the squared shares in percent
///   (0–10,000; 10,000 is one vendor), nil when no MW of that kind is attributed.
public struct VendorConcentration: Sendable, Equatable {
    /// The MW of one kind attributed to one vendor.
    public struct Share: Sendable, Equatable {
        public var vendor: String
        /// Nil when none of the vendor's deals states a figure of this kind.
        public var mw: Double?
        /// `mw` over the split's total (0–1); nil when either is unknown or the total is 0.
        public var share: Double?
    }

    /// How one kind of MW (committed or ambition) of a group of deals splits among vendors.
    public struct Split: Sendable, Equatable {
        /// Every vendor of the group's deals, largest share first (unknown last), then name.
        public var shares: [Share]
        /// The MW attributed to vendors, nil when no deal with a vendor states one.
        public var totalMW: Double?
        /// Deals of the group with a vendor but no figure of this kind.
        public var unknownMWDeals: Int
        /// Sum of the squared shares in percent, 0–10,000.
        public var hhi: Double?

        /// The largest vendor and its share, nil when no share is known.
        public var top: Share? { shares.first.flatMap { $0.share == nil ? nil : $0 } }
    }

    /// A country (or, for `total`, every deal) and its two splits.
    public struct Row: Sendable, Equatable {
        /// The country code, or "total".
        public var key: String
        public var deals: Int
        /// Deals with no vendor: in no share.
        public var noVendorDeals: Int
        public var committed: Split
        public var ambition: Split
    }

    /// One row per country, in country-code order.
    public var rows: [Row]
    /// Every deal together: each vendor's share of all the MW.
    public var total: Row

    public init(deals: [Deal]) {
        self = deals.withUnsafeBufferPointer { VendorConcentration(buffer: $0) }
    }

    /// Reads through a buffer: a deal taken out of an array by value is copied whole first.
    init(buffer: UnsafeBufferPointer<Deal>) {
        var groups: [String: Tally] = [:]
        var all = Tally()
        var names: [String: String] = [:]
        for i in buffer.indices {
            let part = Tally.Part(buffer[i].partners, buffer[i].capacity, names: &names)
            groups[buffer[i].country, default: Tally()].add(part)
            all.add(part)
        }
        rows = groups.keys.sorted().map { groups[$0]!.row(key: $0, names: names) }
        total = all.row(key: "total", names: names)
    }

    /// The rows of groups totalled elsewhere (a database's `GROUP BY`), one per country code,
    /// as `init(deals:)` makes them of the deals; `names`: each folded vendor name as first
    /// written among the deals.
    public init(tallies: [String: Tally], total: Tally, names: [String: String]) {
        rows = tallies.keys.sorted().map { tallies[$0]!.row(key: $0, names: names) }
        self.total = total.row(key: "total", names: names)
    }

    /// The row of a country code, if it has deals.
    public func row(_ country: String) -> Row? {
        var lo = 0
        var hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid].key < country { lo = mid + 1 } else { hi = mid }
        }
        return lo < rows.count && rows[lo].key == country ? rows[lo] : nil
    }

    /// The number of countries in which each vendor (folded name) has the largest ambition share.
    public var topVendorCountries: [String: Int] {
        var out: [String: Int] = [:]
        for r in rows { if let t = r.ambition.top { out[DealFilter.fold(t.vendor), default: 0] += 1 } }
        return out
    }

    /// A share in percent with one decimal: `62.5%`; "-" for unknown. A share that is not
    /// zero never reads `0%` (`<0.1%`), nor a part `100%` (`>99.9%`).
    public static func percent(_ share: Double?) -> String {
        guard let s = share else { return "-" }
        let p = (s * 1000).rounded() / 10
        if p == 0 && s > 0 { return "<0.1%" }
        if p == 100 && s < 1 { return ">99.9%" }
        return JSONWriter.format(p) + "%"
    }

    /// Each vendor with its share of the committed and of the ambition MW, largest ambition
    /// share first: `NVIDIA 80% / 75%`; a vendor whose deals state no MW of a kind shows `-`
    /// for it, and `(no MW)` when they state none at all.
    public static func vendorList(_ row: Row, limit: Int) -> (items: [(vendor: String, shares: String)], more: Int) {
        let committed = Dictionary(
            row.committed.shares.map { (DealFilter.fold($0.vendor), $0.share) }, uniquingKeysWith: { a, _ in a })
        let items = row.ambition.shares.prefix(limit).map { s -> (vendor: String, shares: String) in
            let c = committed[DealFilter.fold(s.vendor)] ?? nil
            return (s.vendor, c == nil && s.share == nil ? "(no MW)" : "\(percent(c)) / \(percent(s.share))")
        }
        return (items, max(0, row.ambition.shares.count - limit))
    }

    /// An index rounded to a whole number: `5,000`; "-" for unknown.
    public static func index(_ hhi: Double?) -> String { MWText.figure(hhi.map { $0.rounded() }) }

    /// What a group of deals adds up to, per folded vendor name: made here deal by deal
    /// (`add`), or summed by a database server and given whole (`init(tallies:total:names:)`).
    public struct Tally: Sendable {
        /// One deal's vendors (folded, once each) and figures.
        struct Part {
            var vendors: [String] = []
            var committed: Double?
            var ambition: Double?

            init(_ partners: [Partner], _ capacity: Capacity?, names: inout [String: String]) {
                for p in partners where p.role == .vendor {
                    let k = DealFilter.fold(p.name)
                    if names[k] == nil { names[k] = p.name }
                    if !vendors.contains(k) { vendors.append(k) }
                }
                committed = capacity?.committedMW
                ambition = capacity?.ambitionMW
            }
        }

        /// The deals, those with no vendor, and those with a vendor but no figure of a kind.
        public var deals = 0, noVendor = 0, unknownCommitted = 0, unknownAmbition = 0
        /// Per folded vendor name: its equal part of each deal's MW, added in deal order.
        public var committed: [String: Double] = [:], ambition: [String: Double] = [:]
        /// Every folded vendor name of the deals, with a figure or not.
        public var vendors = Set<String>()

        public init() {}

        mutating func add(_ p: Part) {
            deals += 1
            guard !p.vendors.isEmpty else {
                noVendor += 1
                return
            }
            vendors.formUnion(p.vendors)
            let n = Double(p.vendors.count)
            if let c = p.committed {
                for v in p.vendors { committed[v, default: 0] += c / n }
            } else {
                unknownCommitted += 1
            }
            if let a = p.ambition {
                for v in p.vendors { ambition[v, default: 0] += a / n }
            } else {
                unknownAmbition += 1
            }
        }

        func row(key: String, names: [String: String]) -> Row {
            Row(
                key: key, deals: deals, noVendorDeals: noVendor,
                committed: split(committed, unknown: unknownCommitted, names),
                ambition: split(ambition, unknown: unknownAmbition, names))
        }

        private func split(_ mw: [String: Double], unknown: Int, _ names: [String: String]) -> Split {
            // Sums of decimal figures pick up binary noise; no source is that precise. (Figures
            // beyond 10¹⁵ MW, which only a hostile feed gives, are left as they are.)
            func tidy(_ v: Double) -> Double { abs(v) < 1e15 ? (v * 1e6).rounded() / 1e6 : v }
            let total = mw.isEmpty ? nil : tidy(mw.values.reduce(0, +))
            var shares = vendors.map { v -> Share in
                let m = mw[v].map(tidy)
                // A total too large for a Double (1e308 twice) has no shares.
                let s: Double? = m.flatMap { m in total.flatMap { $0 > 0 && $0.isFinite ? m / $0 : nil } }
                return Share(vendor: names[v] ?? v, mw: m, share: s)
            }
            shares.sort { a, b in
                switch (a.share, b.share) {
                case (let x?, let y?) where x != y: return x > y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return DealFilter.fold(a.vendor) < DealFilter.fold(b.vendor)
                }
            }
            let known = shares.compactMap(\.share)
            let hhi = known.isEmpty ? nil : (known.reduce(0) { $0 + ($1 * 100) * ($1 * 100) } * 1e6).rounded() / 1e6
            return Split(shares: shares, totalMW: total, unknownMWDeals: unknown, hhi: hhi)
        }
    }
}
