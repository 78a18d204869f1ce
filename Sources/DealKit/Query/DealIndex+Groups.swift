extension DealIndex {
    /// One row per country of `members`, in `Summary`'s order, and the totals row (every member
    /// once, with the codes of its countries): the Countries list, in one pass over the columns.
    public func countryTotals(_ members: [Int32]) -> (rows: [GroupTotal], total: GroupTotal) {
        DealIndex.countryTotals(members, FigureColumns(self), groups)
    }

    /// `countryTotals` and `VendorConcentration.Leaders` of the same members: the Countries and
    /// Vendors views show both (the totals row, the HHI or "top in" column), and each keystroke
    /// that changes the result makes both anew. Each is a pass of its own over the members, so
    /// from `parallelFrom` members they run at once, one on each core.
    public func countryTotalsAndLeaders(
        _ members: [Int32]
    ) -> (totals: (rows: [GroupTotal], total: GroupTotal), leaders: VendorConcentration.Leaders) {
        let figures = FigureColumns(self)
        let groups = self.groups
        guard members.count >= DealIndex.parallelFrom, Parallel.cores > 1 else {
            return (
                DealIndex.countryTotals(members, figures, groups),
                VendorConcentration.Leaders(groups: groups, ambition: figures.ambition, members: members)
            )
        }
        let parts = Parallel.map(2) { k -> ((rows: [GroupTotal], total: GroupTotal)?, VendorConcentration.Leaders?) in
            k == 0
                ? (DealIndex.countryTotals(members, figures, groups), nil)
                : (nil, VendorConcentration.Leaders(groups: groups, ambition: figures.ambition, members: members))
        }
        return (parts[0].0!, parts[1].1!)
    }

    /// Members from which `countryTotalsAndLeaders` runs its two passes on two cores: below
    /// it, handing one to the other core costs about what it saves.
    static let parallelFrom = 4_096

    /// `countryTotals` of the columns `figures` and the grouping `groups` (values, so that it
    /// can run on any core).
    static func countryTotals(
        _ members: [Int32], _ figures: FigureColumns, _ groups: DealGroups
    ) -> (rows: [GroupTotal], total: GroupTotal) {
        let countryCodes = groups.countryCodes
        var byID = [MWTotals](repeating: MWTotals(), count: countryCodes.count)
        var all = MWTotals()
        // Through pointers: each write to an element of an array checks first that it is not shared.
        groups.countryOf.withUnsafeBufferPointer { countryOf in
            byID.withUnsafeMutableBufferPointer { byID in
                for i in members {
                    let k = Int(i)
                    figures.add(k, to: &byID[Int(countryOf[k])])
                    figures.add(k, to: &all)
                }
            }
        }
        var rows: [GroupTotal] = []
        var total = GroupTotal(key: "total", name: "", id: -1)
        total.totals = all
        for (cid, totals) in byID.enumerated() where totals.deals > 0 {
            let code = countryCodes[cid]
            var row = GroupTotal(key: code, name: Countries.byCode(code)?.name ?? code, id: Int32(cid))
            row.totals = totals
            rows.append(row)
            total.countries.append(code)
        }
        return (rows.sorted(by: GroupTotal.summaryOrder), total)
    }

    /// One row per vendor of `members` (a deal in each of its vendors' rows, once) and one for
    /// the deals without a vendor, in `Summary`'s order; with the members' total ambition MW.
    public func vendorTotals(_ members: [Int32]) -> (rows: [GroupTotal], ambition: Double?) {
        // Slot 0 is "no vendor", slot v + 1 vendor v; countries as one bitmap row per slot.
        let slots = groups.vendorSlots
        let nc = countryCodes.count
        let figures = FigureColumns(self)
        let countryOf = groups.countryOf
        var bySlot = [MWTotals](repeating: MWTotals(), count: slots)
        var countries = [Bool](repeating: false, count: slots * nc)
        var total: Double?
        for i in members {
            let k = Int(i)
            let a = figures.ambition[k]
            if !a.isNaN { total = (total ?? 0) + a }
            let c = Int(countryOf[k])
            let vs = vendors(of: i)
            if vs.isEmpty {
                figures.add(k, to: &bySlot[0])
                countries[c] = true
            } else {
                for v in vs {
                    let slot = Int(v) + 1
                    figures.add(k, to: &bySlot[slot])
                    countries[slot * nc + c] = true
                }
            }
        }
        var rows: [GroupTotal] = []
        for slot in 0..<slots where bySlot[slot].deals > 0 {
            var row = GroupTotal(
                key: groups.vendorRowKey(slot: slot), name: "", id: Int32(slot - 1))
            row.totals = bySlot[slot]
            row.countries = (0..<nc).filter { countries[slot * nc + $0] }.map { countryCodes[$0] }
            rows.append(row)
        }
        return (rows.sorted(by: GroupTotal.summaryOrder), total)
    }

    /// The capacity columns taken out of the index once for a pass over many deals: read
    /// through the index for each deal, every column is retained and released again.
    struct FigureColumns: Sendable {
        let committed: [Double], ambition: [Double], operational: [Double]
        let unknown: [Bool], notApplicable: [Bool]
        let approx: [UInt8]

        init(_ index: DealIndex) {
            committed = index.committed
            ambition = index.ambition
            operational = index.operational
            unknown = index.unknownMW
            notApplicable = index.notApplicable
            approx = index.approxMW
        }

        /// Adds deal `k`'s figures to `totals`.
        @inline(__always)
        func add(_ k: Int, to totals: inout MWTotals) {
            totals.add(
                committed: committed[k], ambition: ambition[k], operational: operational[k], unknown: unknown[k],
                notApplicable: notApplicable[k], approx: approx[k])
        }
    }
}
