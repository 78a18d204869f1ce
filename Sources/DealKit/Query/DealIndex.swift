/// The query engine: one feed's deals as columns, and the filter, search, sort and totals over them.
///
/// Names are interned to integers (countries, vendors, partners) so that filtering and
/// totalling 100,000 deals is integer work. Sort orders and the search text are built
/// on first use, since many sessions never sort by sponsor or search at all. The rules
/// themselves live with the values they apply to (`DealFilter.Compiled`, `DealSort`,
/// `MWTotals`, `DealGroups`, `VendorConcentration`), so the dashboard and the command line
/// cannot disagree.
public final class DealIndex {
    public let feed: Feed
    public var deals: [Deal] { feed.deals }
    public let count: Int
    /// The day that decides which planned milestones are overdue (the milestone sort and column).
    public let today: PartialDate

    /// The deals' countries and vendors, interned: the grouping `summary` and the vendor
    /// concentration use too. Its arrays read as the index's own, below.
    public let groups: DealGroups
    @inlinable public var countryCodes: [String] { groups.countryCodes }
    @inlinable public var countryOf: [Int32] { groups.countryOf }
    @inlinable public var vendorKeys: [String] { groups.vendorKeys }
    @inlinable public var vendorNames: [String] { groups.vendorNames }

    /// Partner keys (folded names, any role) and each deal's partners, like the vendors.
    public let partnerKeys: [String: Int32]
    public let partnerStart: [Int32]
    public let partnerIDs: [Int32]

    /// Capacity figures, NaN for unknown.
    public let ambition: [Double]
    public let committed: [Double]
    public let operational: [Double]

    /// Deals with none of the three capacity figures known.
    public let unknownMW: [Bool]
    /// Which of each deal's committed (1), ambition (2) and operational (4) figures are approximate.
    public let approxMW: [UInt8]
    /// Deals whose kind has no megawatts: their figures are left out of totals.
    public let notApplicable: [Bool]
    /// The first and last month each deal's dates (announcement and milestones) cover, as year * 12 + month - 1.
    public let firstMonth: [Int32]
    public let lastMonth: [Int32]

    /// True when some deal came from Epoch AI's dataset, whose licence asks for credit on screen.
    public let includesEpoch: Bool

    /// Each deal's rank by id, the tie-break of every sort.
    public let idRank: [Int32]
    /// The deals in id order (the inverse of `idRank`), to find an id by binary search.
    public let byID: [Int32]

    public convenience init(deals: [Deal], today: PartialDate) {
        self.init(feed: Feed(deals: deals), today: today)
    }

    /// `today` decides which planned milestones are overdue (the milestone sort).
    /// `searchInBackground`: from `SearchIndex.backgroundFrom` deals, the search index is built
    /// on another core while this index and the first frame are, so that the first search
    /// finds it ready (the dashboard); otherwise it is built on first use.
    public init(feed: Feed, today: PartialDate, searchInBackground: Bool = false) {
        self.feed = feed
        self.today = today
        pendingSearch =
            searchInBackground && feed.deals.count >= SearchIndex.backgroundFrom ? SearchBuild(deals: feed.deals) : nil
        count = feed.deals.count
        groups = feed.deals.withUnsafeBufferPointer(DealGroups.init(buffer:))
        var partners = FoldedNames()
        var pStart: [Int32] = [0]
        var pIDs: [Int32] = []
        var ambition: [Double] = []
        var committed: [Double] = []
        var operational: [Double] = []
        var unknownMW: [Bool] = []
        var first: [Int32] = []
        var last: [Int32] = []
        var approxMW: [UInt8] = []
        var notApplicable: [Bool] = []
        approxMW.reserveCapacity(count)
        notApplicable.reserveCapacity(count)
        pStart.reserveCapacity(count + 1)
        ambition.reserveCapacity(count)
        committed.reserveCapacity(count)
        operational.reserveCapacity(count)
        unknownMW.reserveCapacity(count)
        first.reserveCapacity(count)
        last.reserveCapacity(count)
        // One pass, each deal read in place: a deal taken out of the array by value is copied
        // whole (a retain and a release per string and list), which several passes over
        // 100,000 deals paid for more than the work itself.
        feed.deals.withUnsafeBufferPointer { deals in
            for i in deals.indices {
                let d = deals.baseAddress! + i
                var seenP: [Int32] = []
                d.pointee.partners.withUnsafeBufferPointer { list in
                    for p in list.indices {
                        let pid = partners.id(list[p].name)
                        if !seenP.contains(pid) { seenP.append(pid) }
                    }
                }
                pIDs += seenP
                pStart.append(Int32(pIDs.count))

                // A deal that megawatts do not apply to adds none, and is not unknown (n/a).
                let f = MWTotals.Figures(d)
                ambition.append(f.ambition ?? .nan)
                committed.append(f.committed ?? .nan)
                operational.append(f.operational ?? .nan)
                unknownMW.append(f.unknown)
                notApplicable.append(f.notApplicable)
                approxMW.append(f.approx)

                let announced = d.pointee.announced
                var a = DealIndex.month(announced, start: true)
                var b = DealIndex.month(announced, start: false)
                d.pointee.milestones.withUnsafeBufferPointer { ms in
                    for m in ms.indices {
                        a = min(a, DealIndex.month(ms[m].date, start: true))
                        b = max(b, DealIndex.month(ms[m].date, start: false))
                    }
                }
                first.append(Int32(a))
                last.append(Int32(b))
            }
        }
        partnerKeys = partners.ids
        partnerStart = pStart
        partnerIDs = pIDs
        self.ambition = ambition
        self.committed = committed
        self.operational = operational
        self.unknownMW = unknownMW
        self.approxMW = approxMW
        self.notApplicable = notApplicable
        firstMonth = first
        lastMonth = last
        includesEpoch = feed.deals.contains(where: EpochCredit.isFromEpoch)

        (byID, idRank) = feed.deals.withUnsafeBufferPointer(DealSort.idOrder)
    }

    // MARK: - Built on first use

    private var searchStorage: SearchIndex?
    private let pendingSearch: SearchBuild?
    private var sortStorage: [DealSort: SortIndex] = [:]

    /// The folded search text of every deal; waits for the build under way, if one is.
    public var search: SearchIndex {
        if let s = searchStorage, s.hasTable { return s }
        // The table of bytes, made after the text, as soon as it is there.
        if let t = pendingSearch?.withTable {
            searchStorage = t
            return t
        }
        if let s = searchStorage { return s }
        let s = pendingSearch?.wait() ?? SearchIndex(deals: deals)
        searchStorage = s
        return s
    }

    /// Whether a search would find the index ready, without building or waiting.
    public var searchIsReady: Bool { searchStorage != nil || pendingSearch?.isDone == true }

    /// Whether the background build is over, its table of bytes made too: what a keystroke
    /// typed a moment after the first frame finds (no build left beside it on the other core).
    public var searchIsComplete: Bool { searchStorage?.hasTable == true || pendingSearch?.withTable != nil }

    /// Installs a sort order built elsewhere.
    public func adoptSortIndex(_ index: SortIndex, for sort: DealSort) {
        if sortStorage[sort] == nil { sortStorage[sort] = index }
    }

    /// Every deal in `sort` order.
    public func sortIndex(_ sort: DealSort) -> SortIndex {
        if let s = sortStorage[sort] { return s }
        let s = SortIndex(sort, deals: deals, idRank: idRank, today: today)
        sortStorage[sort] = s
        return s
    }

    /// The index of the deal with this id (the first, were an id used twice).
    public func index(ofID id: String) -> Int32? {
        deals.withUnsafeBufferPointer { d in
            var lo = 0
            var hi = byID.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if d[Int(byID[mid])].id < id { lo = mid + 1 } else { hi = mid }
            }
            return lo < byID.count && d[Int(byID[lo])].id == id ? byID[lo] : nil
        }
    }

    public func vendors(of i: Int32) -> ArraySlice<Int32> { groups.vendors(of: i) }

    public func partners(of i: Int32) -> ArraySlice<Int32> {
        partnerIDs[Int(partnerStart[Int(i)])..<Int(partnerStart[Int(i) + 1])]
    }

    public func countryCode(_ i: Int32) -> String { countryCodes[Int(countryOf[Int(i)])] }

    /// A partial date's first or last month as year * 12 + (month - 1).
    public static func month(_ d: PartialDate, start: Bool) -> Int {
        d.year * 12 + (start ? d.firstMonth : d.lastMonth) - 1
    }

    // MARK: - Filtering

    /// The deals that pass `filter`, in feed order: `DealFilter.apply`'s answer, from interned data.
    public func members(_ filter: DealFilter) -> [Int32] {
        let base = baseMembers(filter)
        let needle = SearchIndex.needle(filter.search)
        return needle.isEmpty ? base : search.filter(base, needle: needle)
    }

    /// The deals that pass every criterion of `filter` except the search text.
    ///
    /// The criteria are `DealFilter.Compiled`'s, with the names resolved once to this index's
    /// ids, so that a deal is tested with integer work only.
    public func baseMembers(_ filter: DealFilter) -> [Int32] {
        var f = filter
        f.search = ""
        if f.isEmpty { return (0..<Int32(count)).map { $0 } }
        let c = f.compiled()
        let names = c.names.resolved(
            countries: { code in countryCodes.firstIndex(of: code).map(Int32.init) },
            vendors: { key in vendorKeys.firstIndex(of: key).map(Int32.init) },
            partners: { key in partnerKeys[key] })
        let countryOf = groups.countryOf
        let countryTable = names.countries.map { IDTable($0, count: countryCodes.count) }
        let vendorTable = names.vendors.map { IDTable($0, count: vendorKeys.count) }
        let partnerTable = names.partners.map { IDTable($0, count: partnerKeys.count) }
        // Each deal's vendors and partners as pointers into the lists: as slices of the arrays
        // (`vendors(of:)`), each cost a retain and a release, more than the test.
        return feed.deals.withUnsafeBufferPointer { deals in
            IDLists(start: groups.vendorStart, ids: groups.vendorIDs).with { vendors in
                IDLists(start: partnerStart, ids: partnerIDs).with { partners in
                    var out: [Int32] = []
                    for i in 0..<count {
                        guard NameCriteria.passes(country: countryOf[i], countryTable),
                            c.passesFields(at: deals.baseAddress! + i),
                            NameCriteria.passes(
                                vendors: vendors(i), partners: partners(i), vendorTable, noVendor: names.noVendor,
                                partnerTable)
                        else { continue }
                        out.append(Int32(i))
                    }
                    return out
                }
            }
        }
    }
}
