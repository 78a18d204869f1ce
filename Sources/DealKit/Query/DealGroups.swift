/// Which deals make up each country's and each vendor's group: the one grouping rule behind
/// `summary`'s rows, the vendor concentration and the dashboard's Countries and Vendors lists.
///
/// A deal is in its country's group (the code as written) and in the group of each of its
/// vendors (partners of role vendor, names compared folded, each vendor once per deal),
/// which is shown as first written in the feed. A deal without a vendor is in the vendor
/// slot 0 (`Summary.noVendor`'s row); vendor `v` is slot `v + 1`. Names are interned to
/// integers so that grouping 100,000 deals is integer work.
public struct DealGroups: Sendable, Equatable {
    /// Distinct country codes, sorted; `countryOf[i]` indexes this.
    public let countryCodes: [String]
    public let countryOf: [Int32]
    /// Vendor keys (folded names) and the spelling shown for each (the first seen).
    public let vendorKeys: [String]
    public let vendorNames: [String]
    /// Deal i's distinct vendors are `vendorIDs[vendorStart[i]..<vendorStart[i + 1]]`.
    public let vendorStart: [Int32]
    public let vendorIDs: [Int32]

    public init(deals: [Deal]) {
        self = deals.withUnsafeBufferPointer { DealGroups(buffer: $0) }
    }

    /// Reads each deal in place: a deal taken out of an array by value is copied whole
    /// (a retain and a release per string and list), which cost more than the grouping.
    init(buffer deals: UnsafeBufferPointer<Deal>) {
        var countryIDs: [String: Int32] = [:]
        var countriesSeen: [String] = []
        var countryOf: [Int32] = []
        var vendors = FoldedNames()
        var start: [Int32] = [0]
        var ids: [Int32] = []
        countryOf.reserveCapacity(deals.count)
        start.reserveCapacity(deals.count + 1)
        for i in deals.indices {
            let d = deals.baseAddress! + i
            let code = d.pointee.country
            if let c = countryIDs[code] {
                countryOf.append(c)
            } else {
                countryIDs[code] = Int32(countriesSeen.count)
                countryOf.append(Int32(countriesSeen.count))
                countriesSeen.append(code)
            }
            let first = ids.count
            d.pointee.partners.withUnsafeBufferPointer { partners in
                for p in partners.indices where partners[p].role == .vendor {
                    let vid = vendors.id(partners[p].name)
                    if !ids[first...].contains(vid) { ids.append(vid) }
                }
            }
            start.append(Int32(ids.count))
        }
        // Country ids in code order, as the lists show them.
        let codes = countriesSeen.sorted()
        var renumber = [Int32](repeating: 0, count: codes.count)
        for (sorted, code) in codes.enumerated() { renumber[Int(countryIDs[code]!)] = Int32(sorted) }
        countryCodes = codes
        self.countryOf = countryOf.map { renumber[Int($0)] }
        vendorKeys = vendors.keys
        vendorNames = vendors.names
        vendorStart = start
        vendorIDs = ids
    }

    /// Deal i's distinct vendors, in the order the deal names them.
    @inline(__always)
    public func vendors(of i: Int32) -> ArraySlice<Int32> {
        vendorIDs[Int(vendorStart[Int(i)])..<Int(vendorStart[Int(i) + 1])]
    }

    /// The number of vendor slots: one per vendor, and slot 0 for deals without one.
    public var vendorSlots: Int { vendorNames.count + 1 }

    /// `members` (deal indices, increasing) split by country id, each in the order given:
    /// `groupedByCountry`, an array per country.
    public func byCountry(_ members: [Int32]) -> [[Int32]] {
        let (grouped, start) = groupedByCountry(members)
        return countryCodes.indices.map { Array(grouped[start[$0]..<start[$0 + 1]]) }
    }

    /// `members` split by country id in one array: country c's members, in the order given, are
    /// `members[start[c]..<start[c + 1]]`. A count and a placing pass of integer work, instead
    /// of an array per country grown one member at a time.
    public func groupedByCountry(_ members: [Int32]) -> (members: [Int32], start: [Int]) {
        var start = [Int](repeating: 0, count: countryCodes.count + 1)
        // Through pointers: each write to an array checks first that it is not shared.
        let out = countryOf.withUnsafeBufferPointer { countryOf in
            start.withUnsafeMutableBufferPointer { start in
                for i in members { start[Int(countryOf[Int(i)]) + 1] += 1 }
                for c in countryCodes.indices { start[c + 1] += start[c] }
            }
            var next = start
            return next.withUnsafeMutableBufferPointer { next in
                [Int32](unsafeUninitializedCapacity: members.count) { out, count in
                    for i in members {
                        let c = Int(countryOf[Int(i)])
                        out[next[c]] = i
                        next[c] += 1
                    }
                    count = members.count
                }
            }
        }
        return (out, start)
    }

    /// `members` split by vendor slot (slot 0: no vendor), a deal in each of its vendors' slots once.
    public func byVendor(_ members: some Sequence<Int32>) -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: vendorSlots)
        for i in members {
            let vs = vendors(of: i)
            if vs.isEmpty {
                out[0].append(i)
            } else {
                for v in vs { out[Int(v) + 1].append(i) }
            }
        }
        return out
    }

    /// How many of `members` each vendor slot holds, as `byVendor` groups them (slot 0: the
    /// deals without a vendor), without making the groups: the vendor picker's counts.
    public func vendorSlotCounts(_ members: [Int32]) -> [Int] {
        var counts = [Int](repeating: 0, count: vendorSlots)
        // In place: through `vendors(of:)` each deal cost a slice of the ids, retained and released.
        vendorStart.withUnsafeBufferPointer { start in
            vendorIDs.withUnsafeBufferPointer { ids in
                counts.withUnsafeMutableBufferPointer { counts in
                    for i in members {
                        let from = Int(start[Int(i)])
                        let to = Int(start[Int(i) + 1])
                        if from == to {
                            counts[0] += 1
                        } else {
                            for k in from..<to { counts[Int(ids[k]) + 1] += 1 }
                        }
                    }
                }
            }
        }
        return counts
    }

    /// How many of `members` each country id holds: the sizes of `byCountry`'s groups.
    public func countryCounts(_ members: [Int32]) -> [Int] {
        var counts = [Int](repeating: 0, count: countryCodes.count)
        countryOf.withUnsafeBufferPointer { countryOf in
            counts.withUnsafeMutableBufferPointer { counts in
                for i in members { counts[Int(countryOf[Int(i)])] += 1 }
            }
        }
        return counts
    }

    /// The key of a vendor slot's row: the vendor as first written, or `Summary.noVendor`.
    public func vendorRowKey(slot: Int) -> String { slot == 0 ? Summary.noVendor : vendorNames[slot - 1] }
}
