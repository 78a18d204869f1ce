import DealKit

/// The facts about one feed that the dashboard reads on every filter change, computed once per feed.
///
/// Names are interned to integers (countries, vendors, partners) so that filtering and
/// totalling 100,000 deals is integer work. Sort orders and the search text are built
/// on first use, since many sessions never sort by sponsor or search at all.
public final class DealCatalog {
    public let feed: Feed
    public var deals: [Deal] { feed.deals }
    public let count: Int
    /// The day that decides which planned milestones are overdue (the milestone sort and column).
    public let today: PartialDate

    /// Distinct country codes of the feed, sorted; `countryOf[i]` indexes this.
    let countryCodes: [String]
    let countryOf: [Int32]

    /// Vendor keys (folded names) and the spelling shown for each (the first seen).
    let vendorKeys: [String]
    let vendorNames: [String]
    /// Deal i's distinct vendors are `vendorIDs[vendorStart[i]..<vendorStart[i + 1]]`.
    let vendorStart: [Int32]
    let vendorIDs: [Int32]

    /// Partner keys (folded names, any role) and each deal's partners, like the vendors.
    let partnerKeys: [String: Int32]
    let partnerStart: [Int32]
    let partnerIDs: [Int32]

    /// Capacity figures, NaN for unknown.
    let ambition: [Double]
    let committed: [Double]
    let operational: [Double]

    /// Deals with none of the three capacity figures known.
    let unknownMW: [Bool]
    /// Which of each deal's committed (1), ambition (2) and operational (4) figures are approximate.
    let approxMW: [UInt8]
    /// The first and last month each deal's dates (announcement and milestones) cover, as year * 12 + month - 1.
    let firstMonth: [Int32]
    let lastMonth: [Int32]

    /// True when some deal came from Epoch AI's dataset, whose licence asks for credit on screen.
    let includesEpoch: Bool

    /// Each deal's rank by id, the tie-break of every sort.
    let idRank: [Int32]
    /// The deals in id order (the inverse of `idRank`), to find an id by binary search.
    let byID: [Int32]

    public init(feed: Feed, today: PartialDate) {
        self.feed = feed
        self.today = today
        count = feed.deals.count
        var countryIDs: [String: Int32] = [:], countriesSeen: [String] = [], countryOf: [Int32] = []
        // Interning by exact spelling first means each distinct name is folded once.
        var spellingToVendor: [String: Int32] = [:], keyToVendor: [String: Int32] = [:]
        var vKeys: [String] = [], vNames: [String] = []
        var spellingToPartner: [String: Int32] = [:], pKeys: [String: Int32] = [:]
        var vStart: [Int32] = [0], vIDs: [Int32] = []
        var pStart: [Int32] = [0], pIDs: [Int32] = []
        var ambition: [Double] = [], committed: [Double] = [], operational: [Double] = [], unknownMW: [Bool] = []
        var first: [Int32] = [], last: [Int32] = []
        var approxMW: [UInt8] = []
        approxMW.reserveCapacity(count)
        countryOf.reserveCapacity(count); vStart.reserveCapacity(count + 1); pStart.reserveCapacity(count + 1)
        ambition.reserveCapacity(count); committed.reserveCapacity(count); operational.reserveCapacity(count)
        unknownMW.reserveCapacity(count); first.reserveCapacity(count); last.reserveCapacity(count)
        var idsAscending = true
        // One pass, each deal read in place: a deal taken out of the array by value is copied
        // whole (a retain and a release per string and list), which several passes over
        // 100,000 deals paid for more than the work itself.
        feed.deals.withUnsafeBufferPointer { deals in
            for i in deals.indices {
                let d = deals.baseAddress! + i
                let code = d.pointee.country
                if let c = countryIDs[code] {
                    countryOf.append(c)
                } else {
                    countryIDs[code] = Int32(countriesSeen.count); countryOf.append(Int32(countriesSeen.count))
                    countriesSeen.append(code)
                }
                var seenV: [Int32] = [], seenP: [Int32] = []
                d.pointee.partners.withUnsafeBufferPointer { partners in
                    for p in partners.indices {
                        let name = partners[p].name
                        let pid: Int32
                        if let id = spellingToPartner[name] {
                            pid = id
                        } else {
                            let key = DealFilter.fold(name)
                            if let id = pKeys[key] { pid = id } else { pid = Int32(pKeys.count); pKeys[key] = pid }
                            spellingToPartner[name] = pid
                        }
                        if !seenP.contains(pid) { seenP.append(pid) }
                        guard partners[p].role == .vendor else { continue }
                        let vid: Int32
                        if let id = spellingToVendor[name] {
                            vid = id
                        } else {
                            let key = DealFilter.fold(name)
                            if let id = keyToVendor[key] {
                                vid = id
                            } else {
                                vid = Int32(vKeys.count); keyToVendor[key] = vid
                                vKeys.append(key); vNames.append(name)
                            }
                            spellingToVendor[name] = vid
                        }
                        if !seenV.contains(vid) { seenV.append(vid) }
                    }
                }
                vIDs += seenV; vStart.append(Int32(vIDs.count))
                pIDs += seenP; pStart.append(Int32(pIDs.count))

                // A deal that megawatts do not apply to adds none, and is not unknown (n/a).
                let applies = d.pointee.kind?.hasMegawatts ?? true
                let c = applies ? d.pointee.capacity : nil
                ambition.append(c?.ambitionMW ?? .nan)
                committed.append(c?.committedMW ?? .nan)
                operational.append(c?.operationalMW ?? .nan)
                unknownMW.append(applies && (c?.hasNoFigure ?? true))
                var approx: UInt8 = 0
                if let c, !c.approx.isEmpty {
                    if c.committedIsApprox { approx |= 1 }
                    if c.ambitionIsApprox { approx |= 2 }
                    if c.approx.contains(.operational) && c.operationalMW != nil { approx |= 4 }
                }
                approxMW.append(approx)

                let announced = d.pointee.announced
                var a = TimelineModel.month(announced, start: true), b = TimelineModel.month(announced, start: false)
                d.pointee.milestones.withUnsafeBufferPointer { ms in
                    for m in ms.indices {
                        a = min(a, TimelineModel.month(ms[m].date, start: true))
                        b = max(b, TimelineModel.month(ms[m].date, start: false))
                    }
                }
                first.append(Int32(a)); last.append(Int32(b))
                if i > 0 && idsAscending && !(deals[i - 1].id < d.pointee.id) { idsAscending = false }
            }
        }
        // Country ids in code order, as the views list them.
        let codes = countriesSeen.sorted()
        var renumber = [Int32](repeating: 0, count: codes.count)
        for (sorted, code) in codes.enumerated() { renumber[Int(countryIDs[code]!)] = Int32(sorted) }
        countryCodes = codes
        self.countryOf = countryOf.map { renumber[Int($0)] }
        vendorKeys = vKeys; vendorNames = vNames; vendorStart = vStart; vendorIDs = vIDs
        partnerKeys = pKeys; partnerStart = pStart; partnerIDs = pIDs
        self.ambition = ambition; self.committed = committed; self.operational = operational; self.unknownMW = unknownMW
        self.approxMW = approxMW
        firstMonth = first; lastMonth = last
        includesEpoch = feed.deals.contains(where: EpochCredit.isFromEpoch)

        // A saved store is in id order already: no sort then.
        var byID = (0..<Int32(count)).map { $0 }
        if !idsAscending {
            feed.deals.withUnsafeBufferPointer { deals in byID.sort { deals[Int($0)].id < deals[Int($1)].id } }
        }
        var rank = [Int32](repeating: 0, count: count)
        for (r, i) in byID.enumerated() { rank[Int(i)] = Int32(r) }
        idRank = rank
        self.byID = byID
    }

    // MARK: - Built on first use

    private var searchStorage: SearchIndex?
    private var sortStorage: [DealSort: SortIndex] = [:]

    /// The folded search text of every deal.
    var search: SearchIndex {
        if let s = searchStorage { return s }
        let s = SearchIndex(deals: deals)
        searchStorage = s
        return s
    }

    /// Installs a search index built elsewhere (on a background thread after the first frame).
    func adoptSearchIndex(_ index: SearchIndex) {
        if searchStorage == nil { searchStorage = index }
    }

    var hasSearchIndex: Bool { searchStorage != nil }

    /// Installs a sort order built elsewhere.
    func adoptSortIndex(_ index: SortIndex, for sort: DealSort) {
        if sortStorage[sort] == nil { sortStorage[sort] = index }
    }

    /// Every deal in `sort` order.
    func sortIndex(_ sort: DealSort) -> SortIndex {
        if let s = sortStorage[sort] { return s }
        let s = SortIndex(sort, deals: deals, idRank: idRank, today: today)
        sortStorage[sort] = s
        return s
    }

    /// The index of the deal with this id (the first, were an id used twice).
    func index(ofID id: String) -> Int32? {
        deals.withUnsafeBufferPointer { d in
            var lo = 0, hi = byID.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if d[Int(byID[mid])].id < id { lo = mid + 1 } else { hi = mid }
            }
            return lo < byID.count && d[Int(byID[lo])].id == id ? byID[lo] : nil
        }
    }

    func vendors(of i: Int32) -> ArraySlice<Int32> {
        vendorIDs[Int(vendorStart[Int(i)])..<Int(vendorStart[Int(i) + 1])]
    }

    func partners(of i: Int32) -> ArraySlice<Int32> {
        partnerIDs[Int(partnerStart[Int(i)])..<Int(partnerStart[Int(i) + 1])]
    }

    func countryCode(_ i: Int32) -> String { countryCodes[Int(countryOf[Int(i)])] }

    // MARK: - Filtering

    /// The deals that pass `filter`, in feed order: the same answer as `DealFilter.apply`, from interned data.
    func members(_ filter: DealFilter) -> [Int32] {
        let base = baseMembers(filter)
        let needle = SearchIndex.needle(filter.search)
        return needle.isEmpty ? base : search.filter(base, needle: needle)
    }

    /// The deals that pass every criterion of `filter` except the search text.
    func baseMembers(_ filter: DealFilter) -> [Int32] {
        var f = filter
        f.search = ""
        if f.isEmpty { return (0..<Int32(count)).map { $0 } }
        let codes = Set(f.countries)
        let countryIDs = Set(countryCodes.indices.filter { codes.contains(countryCodes[$0]) }.map { Int32($0) })
        let wantedVendors = Set(f.vendors.map(DealFilter.fold))
        let vendorSet = Set(vendorKeys.indices.filter { wantedVendors.contains(vendorKeys[$0]) }.map { Int32($0) })
        let wantNoVendor = wantedVendors.contains(DealFilter.noVendorKey)
        let partnerSet = Set(f.partners.compactMap { partnerKeys[DealFilter.fold($0)] })
        let statuses = Set(f.statuses)
        let since = f.since?.startKey, until = f.until?.endKey
        let deals = self.deals
        var out: [Int32] = []
        for i in 0..<Int32(count) {
            let ii = Int(i)
            if !f.countries.isEmpty && !countryIDs.contains(countryOf[ii]) { continue }
            if !statuses.isEmpty && !statuses.contains(deals[ii].status) { continue }
            if since != nil || until != nil {
                let k = deals[ii].announced.startKey
                if let since, k < since { continue }
                if let until, k > until { continue }
            }
            if let minMW = f.minMW {
                let a = ambition[ii]
                if a.isNaN || a < minMW { continue }
            }
            if !f.vendors.isEmpty && !vendors(of: i).contains(where: vendorSet.contains)
                && !(wantNoVendor && vendors(of: i).isEmpty) { continue }
            if !f.partners.isEmpty && !partners(of: i).contains(where: partnerSet.contains) { continue }
            out.append(i)
        }
        return out
    }
}
