extension DealIndex {
    /// One row per country of `members`, in `Summary`'s order.
    public func countryTotals(_ members: [Int32]) -> [GroupTotal] {
        let countryOf = groups.countryOf
        var byID = [GroupTotal?](repeating: nil, count: countryCodes.count)
        for i in members {
            let cid = Int(countryOf[Int(i)])
            if byID[cid] == nil {
                let code = countryCodes[cid]
                byID[cid] = GroupTotal(key: code, name: Countries.byCode(code)?.name ?? code, id: Int32(cid))
            }
            byID[cid]!.add(self, i)
        }
        return byID.compactMap { $0 }.sorted(by: GroupTotal.summaryOrder)
    }

    /// One row per vendor of `members` (a deal in each of its vendors' rows, once) and one for
    /// the deals without a vendor, in `Summary`'s order; with the members' total ambition MW.
    public func vendorTotals(_ members: [Int32]) -> (rows: [GroupTotal], ambition: Double?) {
        // Slot 0 is "no vendor", slot v + 1 vendor v; countries as one bitmap row per slot.
        let slots = groups.vendorSlots
        let nc = countryCodes.count
        let countryOf = groups.countryOf
        var bySlot = [GroupTotal?](repeating: nil, count: slots)
        var countries = [Bool](repeating: false, count: slots * nc)
        var total: Double?
        for i in members {
            let a = ambition[Int(i)]
            if !a.isNaN { total = (total ?? 0) + a }
            let c = Int(countryOf[Int(i)])
            let vs = vendors(of: i)
            func add(_ slot: Int) {
                if bySlot[slot] == nil {
                    bySlot[slot] = GroupTotal(key: groups.vendorRowKey(slot: slot), name: "", id: Int32(slot - 1))
                }
                bySlot[slot]!.add(self, i)
                countries[slot * nc + c] = true
            }
            if vs.isEmpty { add(0) } else { for v in vs { add(Int(v) + 1) } }
        }
        var rows: [GroupTotal] = []
        for slot in 0..<slots {
            guard var row = bySlot[slot] else { continue }
            row.countries = (0..<nc).filter { countries[slot * nc + $0] }.map { countryCodes[$0] }
            rows.append(row)
        }
        return (rows.sorted(by: GroupTotal.summaryOrder), total)
    }

    /// Every one of `members` totalled once: the Countries and Vendors views' totals row.
    public func total(_ members: [Int32]) -> GroupTotal {
        var t = GroupTotal(key: "total", name: "", id: -1)
        var seen = [Bool](repeating: false, count: countryCodes.count)
        let countryOf = groups.countryOf
        for i in members {
            t.add(self, i)
            seen[Int(countryOf[Int(i)])] = true
        }
        t.countries = countryCodes.indices.filter { seen[$0] }.map { countryCodes[$0] }
        return t
    }
}
