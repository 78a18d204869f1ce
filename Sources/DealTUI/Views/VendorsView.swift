import DealKit

/// View 3: the deals totalled per vendor, with each vendor's share of all ambition MW.
///
/// Shares add up to more than 100% when deals have several vendors: each is the part
/// of the total ambition that the vendor takes part in.
enum VendorsView {
    static func draw(into g: inout CellGrid, state: AppState) {
        let rect = Layout(state).body
        let vendors = state.vendorRows, total = state.results.vendors.ambition
        let head = Style(.columnHeader, bold: true)
        let fixed = 6 + 10 + 10 + 6 + 7 + 2 * 6
        let nameW = min(28, max(8, (rect.width - fixed) / 3))
        let countriesW = min(30, max(10, (rect.width - fixed - nameW) / 3))
        let barW = max(0, rect.width - fixed - nameW - countriesW - 2)
        var x = 0
        func cell(_ text: String, _ w: Int, y: Int, style: Style, right: Bool = false) {
            guard w > 0 else { return }
            g.putFitted(text, y: y, x: x, width: w, style: style, alignRight: right)
            x += w + 2
        }
        g.fill(y: rect.y, x: 0, width: rect.width, style: head)
        // `top in`: the countries where the vendor has the largest share of the ambition MW.
        for (column, w) in zip(GroupColumn.vendorsView, [nameW, countriesW, 6, 10, 10, 6, 7]) {
            cell(CountriesView.header(column, countries: false, state: state), w, y: rect.y, style: head, right: column.alignRight)
        }
        if barW >= 24 { cell("of all ambition MW", barW, y: rect.y, style: head) }
        if vendors.isEmpty {
            g.put("(no deals)", y: rect.y + 1, x: 1, limit: rect.width - 1, style: Style(.dim))
            return
        }
        let height = Layout.listRows(rect)
        let cur = state.vendorsCursor.settled(count: vendors.count, height: height)
        let leads = state.results.vendorShares.leads
        for line in 0..<min(height, vendors.count - cur.top) {
            let at = cur.top + line
            let v = vendors[at]
            let y = rect.y + 1 + line
            x = 0
            let share = share(v, total: total)
            cell(v.key, nameW, y: y, style: Style(v.key == Summary.noVendor ? .dim : .normal, bold: true))
            cell(v.countries.joined(separator: " "), countriesW, y: y, style: .normal)
            cell(CountText.grouped(v.deals), 6, y: y, style: .normal, right: true)
            cell(MWText.figure(v.committedMW, approx: v.approx & 1 != 0), 10, y: y, style: Style(v.committedMW == nil ? .dim : .normal), right: true)
            cell(MWText.figure(v.ambitionMW, approx: v.approx & 2 != 0), 10, y: y, style: Style(v.ambitionMW == nil ? .dim : .normal), right: true)
            cell(share.map { percent($0) } ?? "-", 6, y: y, style: Style(share == nil ? .dim : .normal), right: true)
            // The countries where this vendor has the largest share of the ambition MW.
            let top = v.id >= 0 ? leads[Int(v.id)] : 0
            cell(String(top), 7, y: y, style: Style(top == 0 ? .dim : .normal), right: true)
            if barW > 0, let share {
                let bar = Bar.text(solid: share, value: share, maximum: 1, width: barW)
                g.put(bar.solid, y: y, x: x, limit: barW, style: Style(.bar))
            }
            if at == cur.index { g.restyle(y: y, x: 0, width: rect.width) { $0.reverse = true } }
        }
        // The totals row: each deal once, however many vendors it has, so the vendors' rows add up to more.
        guard rect.height >= 3 else { return }
        let t = state.results.total
        let y = rect.y + rect.height - 1
        let bold = Style(.normal, bold: true)
        x = 0
        // The longer labels where they fit whole, the short ones where not.
        func fitting(_ long: String, _ short: String, _ w: Int) -> String { DisplayWidth.of(long) <= w ? long : short }
        let count = vendors.filter { $0.key != Summary.noVendor }.count
        cell(fitting("Σ total, \(CountText.of(count, "vendor"))", "Σ total", nameW), nameW, y: y, style: bold)
        cell(fitting(CountText.of(t.countries.count, "country", plural: "countries"), CountText.grouped(t.countries.count), countriesW),
             countriesW, y: y, style: bold)
        cell(CountText.grouped(t.deals), 6, y: y, style: bold, right: true)
        cell(MWText.figure(t.committedMW, approx: t.approx & 1 != 0), 10, y: y, style: bold, right: true)
        cell(MWText.figure(t.ambitionMW, approx: t.approx & 2 != 0), 10, y: y, style: bold, right: true)
        cell(t.ambitionMW == nil ? "-" : "100%", 6, y: y, style: bold, right: true)
    }

    /// The vendor's ambition MW over the total, nil when either is unknown.
    static func share(_ v: GroupTotal, total: Double?) -> Double? {
        guard let a = v.ambitionMW, let t = total, t > 0 else { return nil }
        return a / t
    }

    /// One decimal; a share that is not zero never reads `0%` (`<0.1%`), nor a part `100%` (`>99.9%`).
    static func percent(_ x: Double) -> String { VendorConcentration.percent(x) }
}
