/// How each country's megawatts split among vendors, and how concentrated they are.
///
/// The rule, for committed and for ambition MW separately (docs/report.md):
/// - a deal with several vendors gives each an equal part of its MW (vendors
///   compared without case, each counted once per deal);
/// - a deal whose MW of that kind is unknown is left out of that kind's shares and
///   counted (`unknownMWDeals`), never taken as zero; so is a deal whose kind has no
///   megawatts (a partnership, a model), whatever figure it gives, as in every total (`MWTotals`);
/// - a deal with no vendor is left out of the shares and counted (`noVendorDeals`):
///   shares are of the MW whose vendor is known;
/// - the Herfindahl–Hirschman index is the sum of the squared shares in percent
///   (0–10,000; 10,000 is one vendor), nil when no MW of that kind is attributed.
///
/// The groups are `DealGroups`': `summary`, the report and the dashboard all compute it here.
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
        self = deals.withUnsafeBufferPointer { VendorConcentration(groups: DealGroups(buffer: $0), buffer: $0) }
    }

    /// The deals of `buffer`, as `groups` (made from the same deals) groups them; read in place,
    /// since a deal taken out of an array by value is copied whole first.
    init(groups: DealGroups, buffer: UnsafeBufferPointer<Deal>) {
        var committed: [Double] = []
        var ambition: [Double] = []
        committed.reserveCapacity(buffer.count)
        ambition.reserveCapacity(buffer.count)
        for i in buffer.indices {
            let f = MWTotals.Figures(buffer.baseAddress! + i)
            committed.append(f.committed ?? .nan)
            ambition.append(f.ambition ?? .nan)
        }
        self.init(groups: groups, committed: committed, ambition: ambition, members: Array(0..<Int32(buffer.count)))
    }

    /// The one computation behind `summary`, the report and the dashboard. `committed[i]` and
    /// `ambition[i]` are deal i's figures as `MWTotals` counts them: NaN when unknown, and for a
    /// deal whose kind has no megawatts (a partnership, a model), whatever figure it gives.
    init(groups g: DealGroups, committed: [Double], ambition: [Double], members: [Int32]) {
        var tally = Tally(vendors: g.vendorKeys.count)
        var rows: [Row] = []
        for (c, group) in g.byCountry(members).enumerated() where !group.isEmpty {
            rows.append(tally.row(key: g.countryCodes[c], group, g, committed, ambition))
        }
        self.rows = rows
        total = tally.row(key: "total", members, g, committed, ambition)
    }

    /// What the dashboard's lists show of the concentration: each country's ambition HHI and
    /// each vendor's count of countries it leads, made by the same tally as `VendorConcentration`
    /// (so the same figures as its rows' `ambition.hhi` and `topVendorCountries`), without the
    /// committed split, the total row or the shares' names, which a keystroke that changes the
    /// matching deals would otherwise make for nothing.
    public struct Leaders: Sendable, Equatable {
        /// Per country id of the index's `DealGroups`: the HHI of the ambition MW (the Countries
        /// column), nil where no share is known or the country has no matching deals.
        public var ambitionHHIByCountry: [Double?]
        /// Per vendor id of the index's `DealGroups`: the number of countries in which the vendor
        /// has the largest ambition share (the `top in` column).
        public var leadsByVendor: [Int]

        /// The deals `members` of `index`: the dashboard's Countries and Vendors views.
        public init(index: DealIndex, members: [Int32]) {
            self.init(groups: index.groups, ambition: index.ambition, members: members)
        }

        /// The deals `members` of the grouping `g`, with `ambition` their figures as the index holds them.
        init(groups g: DealGroups, ambition: [Double], members: [Int32]) {
            var tally = Tally(vendors: g.vendorKeys.count)
            var hhi = [Double?](repeating: nil, count: g.countryCodes.count)
            var leads = [Int](repeating: 0, count: g.vendorKeys.count)
            let (grouped, start) = g.groupedByCountry(members)
            for c in g.countryCodes.indices where start[c] < start[c + 1] {
                _ = tally.add(grouped[start[c]..<start[c + 1]], g, committed: nil, ambition: ambition)
                let (split, top) = tally.ambition.split(tally.touched, g)
                tally.reset()
                hhi[c] = split.hhi
                if let top { leads[Int(top)] += 1 }
            }
            ambitionHHIByCountry = hhi
            leadsByVendor = leads
        }
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

    /// What a group of deals adds up to, per vendor id: memory over every vendor, reused from
    /// group to group (only the vendors a group touched are read and cleared), so that no
    /// dictionary is hashed per deal. Read and written through pointers: a write to an array
    /// that a struct holds first checks that the array is not shared, which cost more than the adding.
    private struct Tally {
        var committed: KindTally
        var ambition: KindTally
        /// Whether the group so far has the vendor.
        let inGroup: UnsafeMutableBufferPointer<Bool>
        /// The vendors of the group so far, in the order first met.
        var touched: [Int32] = []
        /// The memory the pointers point into, freed with the last copy of the tally.
        private let memory: TallyMemory

        init(vendors: Int) {
            memory = TallyMemory(vendors: vendors)
            committed = KindTally(mw: memory.part(memory.figures, 0), has: memory.part(memory.flags, 0))
            ambition = KindTally(mw: memory.part(memory.figures, 1), has: memory.part(memory.flags, 1))
            inGroup = memory.part(memory.flags, 2)
        }

        /// The row of the deals `members`.
        mutating func row(key: String, _ members: [Int32], _ g: DealGroups, _ c: [Double], _ a: [Double]) -> Row {
            let noVendor = add(members, g, committed: c, ambition: a)
            let (committedSplit, _) = committed.split(touched, g)
            let (ambitionSplit, _) = ambition.split(touched, g)
            reset()
            return Row(
                key: key, deals: members.count, noVendorDeals: noVendor, committed: committedSplit,
                ambition: ambitionSplit)
        }

        /// Adds the deals `members` (the committed figures only when given); returns how many have no vendor.
        ///
        /// The vendor lists are read through pointers: a slice of them per deal costs a retain
        /// and a release, more than the adding.
        mutating func add(
            _ members: some Collection<Int32>, _ g: DealGroups, committed c: [Double]?, ambition a: [Double]
        ) -> Int {
            var noVendor = 0
            g.vendorStart.withUnsafeBufferPointer { starts in
                g.vendorIDs.withUnsafeBufferPointer { ids in
                    for i in members {
                        let vs = UnsafeBufferPointer(rebasing: ids[Int(starts[Int(i)])..<Int(starts[Int(i) + 1])])
                        guard !vs.isEmpty else {
                            noVendor += 1
                            continue
                        }
                        for v in vs where !inGroup[Int(v)] {
                            inGroup[Int(v)] = true
                            touched.append(v)
                        }
                        if let c { committed.add(c[Int(i)], to: vs) }
                        ambition.add(a[Int(i)], to: vs)
                    }
                }
            }
            return noVendor
        }

        /// Clears what `add` added, for the next group.
        mutating func reset() {
            committed.clear(touched)
            ambition.clear(touched)
            for v in touched { inGroup[Int(v)] = false }
            touched.removeAll(keepingCapacity: true)
        }
    }

    /// A tally's memory: two figures and three flags per vendor, zeroed once.
    private final class TallyMemory {
        let vendors: Int
        let figures: UnsafeMutableBufferPointer<Double>
        let flags: UnsafeMutableBufferPointer<Bool>

        init(vendors: Int) {
            self.vendors = vendors
            figures = .allocate(capacity: 2 * vendors)
            figures.initialize(repeating: 0)
            flags = .allocate(capacity: 3 * vendors)
            flags.initialize(repeating: false)
        }

        deinit {
            figures.deallocate()
            flags.deallocate()
        }

        /// The `k`th run of `vendors` elements of `all`.
        func part<T>(_ all: UnsafeMutableBufferPointer<T>, _ k: Int) -> UnsafeMutableBufferPointer<T> {
            UnsafeMutableBufferPointer(rebasing: all[(k * vendors)..<((k + 1) * vendors)])
        }
    }

    /// One kind of MW (committed or ambition) of a group, per vendor id, in a tally's memory.
    private struct KindTally {
        let mw: UnsafeMutableBufferPointer<Double>
        let has: UnsafeMutableBufferPointer<Bool>
        /// Deals with a vendor but no figure of this kind.
        var unknown = 0

        /// Adds a deal's figure (NaN: unknown), an equal part to each of its vendors.
        mutating func add(_ figure: Double, to vendors: UnsafeBufferPointer<Int32>) {
            guard !figure.isNaN else {
                unknown += 1
                return
            }
            let part = figure / Double(vendors.count)
            for v in vendors {
                mw[Int(v)] += part
                has[Int(v)] = true
            }
        }

        mutating func clear(_ touched: [Int32]) {
            for v in touched {
                mw[Int(v)] = 0
                has[Int(v)] = false
            }
            unknown = 0
        }

        /// The split among the `touched` vendors, and the id of the largest share's vendor.
        func split(_ touched: [Int32], _ g: DealGroups) -> (Split, top: Int32?) {
            // Sums of decimal figures pick up binary noise; no source is that precise. (Figures
            // beyond 10¹⁵ MW, which only a hostile feed gives, are left as they are.)
            func tidy(_ v: Double) -> Double { abs(v) < 1e15 ? (v * 1e6).rounded() / 1e6 : v }
            var sum: Double?
            for v in touched where has[Int(v)] { sum = (sum ?? 0) + mw[Int(v)] }
            let total = sum.map(tidy)
            var shares = touched.map { v -> (id: Int32, share: Share) in
                let m = has[Int(v)] ? tidy(mw[Int(v)]) : nil
                // A total too large for a Double (1e308 twice) has no shares.
                let s: Double? = m.flatMap { m in total.flatMap { $0 > 0 && $0.isFinite ? m / $0 : nil } }
                return (v, Share(vendor: g.vendorNames[Int(v)], mw: m, share: s))
            }
            // Ties by name compared folded: the vendor's key.
            shares.sort { a, b in
                switch (a.share.share, b.share.share) {
                case (let x?, let y?) where x != y: return x > y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return g.vendorKeys[Int(a.id)] < g.vendorKeys[Int(b.id)]
                }
            }
            let known = shares.compactMap(\.share.share)
            let hhi = known.isEmpty ? nil : (known.reduce(0) { $0 + ($1 * 100) * ($1 * 100) } * 1e6).rounded() / 1e6
            let top = shares.first.flatMap { $0.share.share == nil ? nil : $0.id }
            return (Split(shares: shares.map(\.share), totalMW: total, unknownMWDeals: unknown, hhi: hhi), top)
        }
    }
}
