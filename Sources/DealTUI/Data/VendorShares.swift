import DealKit

/// Each country's ambition MW split among its vendors, from the catalog's interned figures:
/// the dashboard's light version of `VendorConcentration`, with the same rule (a deal's MW
/// split equally among its vendors; deals without MW or without a vendor left out).
struct VendorShares: Sendable {
    /// Per country id: the HHI (0–10,000) of its vendors' ambition shares, nil when none is known.
    let hhi: [Double?]
    /// Per vendor id: the countries in which it has the largest ambition share.
    let leads: [Int]

    init(catalog: DealIndex, members: [Int32]) {
        var mw = [[Int32: Double]](repeating: [:], count: catalog.countryCodes.count)
        for i in members {
            let a = catalog.ambition[Int(i)]
            let vs = catalog.vendors(of: i)
            guard !a.isNaN, !vs.isEmpty else { continue }
            let c = Int(catalog.countryOf[Int(i)])
            for v in vs { mw[c][v, default: 0] += a / Double(vs.count) }
        }
        var hhi = [Double?](repeating: nil, count: mw.count)
        var leads = [Int](repeating: 0, count: catalog.vendorNames.count)
        for (c, byVendor) in mw.enumerated() {
            let total = byVendor.values.reduce(0, +)
            guard total > 0, total.isFinite else { continue }
            hhi[c] = byVendor.values.reduce(0) { $0 + ($1 / total * 100) * ($1 / total * 100) }
            // Ties go to the first name, as in VendorConcentration.
            let top = byVendor.max { a, b in
                a.value != b.value ? a.value < b.value : catalog.vendorKeys[Int(a.key)] > catalog.vendorKeys[Int(b.key)]
            }!
            leads[Int(top.key)] += 1
        }
        self.hhi = hhi
        self.leads = leads
    }
}
