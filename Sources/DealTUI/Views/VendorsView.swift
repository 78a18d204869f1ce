import DealKit

/// View 3: the deals totalled per vendor, with each vendor's share of all ambition MW.
///
/// Shares add up to more than 100% when deals have several vendors: each is the part
/// of the total ambition that the vendor takes part in.
enum VendorsView {
    /// The columns drawn at `width` and how wide each is, then the bar's width: the figures at
    /// their width, vendor and countries sharing what is left. On a narrow terminal columns are
    /// left out whole (`top in` first, then committed, share, deals, countries), never the
    /// vendor nor the sorted column, so no figure is cut at the screen's edge.
    static func columns(width: Int, sortedBy sorted: GroupColumn) -> (columns: [(GroupColumn, Int)], bar: Int) {
        let fixed: [GroupColumn: Int] = [.deals: 6, .committed: 10, .ambition: 10, .share: 6, .topIn: 7]
        var shown = GroupColumn.vendorsView
        func need(_ cs: [GroupColumn]) -> Int {
            cs.reduce(0) { $0 + ($1 == .key ? 8 : $1 == .countries ? 10 : fixed[$1] ?? 0) } + 2 * (cs.count - 1)
        }
        for drop in [GroupColumn.topIn, .committed, .share, .deals, .countries, .ambition]
        where need(shown) > width && drop != sorted {
            shown.removeAll { $0 == drop }
        }
        let fixedW = shown.reduce(0) { $0 + (fixed[$1] ?? 0) } + 2 * shown.count
        let nameW = min(28, max(8, (width - fixedW) / 3))
        let countriesW = shown.contains(.countries) ? min(30, max(10, (width - fixedW - nameW) / 3)) : 0
        let widths = shown.map { c in (c, c == .key ? nameW : c == .countries ? countriesW : fixed[c]!) }
        let used = widths.reduce(0) { $0 + $1.1 + 2 }
        return (widths, max(0, width - used))
    }

    static func draw(into g: inout CellGrid, state: AppState) {
        let rect = Layout(state).body
        let vendors = state.vendorRows
        let total = state.results.vendors.ambition
        let head = Style(.columnHeader, bold: true)
        let (columns, barW) = columns(width: rect.width, sortedBy: state.vendorSort)
        var x = 0
        func cell(_ text: String, _ w: Int, y: Int, style: Style, right: Bool = false) {
            guard w > 0 else { return }
            g.putFitted(text, y: y, x: x, width: w, style: style, alignRight: right)
            x += w + 2
        }
        g.fill(y: rect.y, x: 0, width: rect.width, style: head)
        // `top in`: the countries where the vendor has the largest share of the ambition MW.
        for (column, w) in columns {
            cell(
                CountriesView.header(column, countries: false, state: state), w, y: rect.y, style: head,
                right: column.alignRight)
        }
        if barW >= 24 { cell("of all ambition MW", barW, y: rect.y, style: head) }
        if vendors.isEmpty {
            g.put("(no deals)", y: rect.y + 1, x: 1, limit: rect.width - 1, style: Style(.dim))
            return
        }
        let height = Layout.listRows(rect)
        let cur = state.vendorsCursor.settled(count: vendors.count, height: height)
        let leads = state.results.leaders.leadsByVendor
        for line in 0..<min(height, vendors.count - cur.top) {
            let at = cur.top + line
            let v = vendors[at]
            let y = rect.y + 1 + line
            x = 0
            let share = share(v, total: total)
            for (column, w) in columns {
                switch column {
                case .key: cell(v.key, w, y: y, style: Style(v.key == Summary.noVendor ? .dim : .normal, bold: true))
                case .countries: cell(v.countries.joined(separator: " "), w, y: y, style: .normal)
                case .deals: cell(CountText.grouped(v.deals), w, y: y, style: .normal, right: true)
                case .committed:
                    cell(
                        MWText.figure(v.committedMW, approx: v.approx & 1 != 0), w, y: y,
                        style: Style(v.committedMW == nil ? .dim : .normal), right: true)
                case .ambition:
                    cell(
                        MWText.figure(v.ambitionMW, approx: v.approx & 2 != 0), w, y: y,
                        style: Style(v.ambitionMW == nil ? .dim : .normal), right: true)
                case .share:
                    cell(
                        share.map { percent($0) } ?? "-", w, y: y, style: Style(share == nil ? .dim : .normal),
                        right: true)
                case .topIn:
                    let top = v.id >= 0 ? leads[Int(v.id)] : 0
                    cell(String(top), w, y: y, style: Style(top == 0 ? .dim : .normal), right: true)
                case .name, .hhi: break
                }
            }
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
        for (column, w) in columns {
            switch column {
            case .key: cell(fitting("Σ total, \(CountText.of(count, "vendor"))", "Σ total", w), w, y: y, style: bold)
            case .countries:
                cell(
                    fitting(
                        CountText.of(t.countries.count, "country", plural: "countries"),
                        CountText.grouped(t.countries.count), w),
                    w, y: y, style: bold)
            case .deals: cell(CountText.grouped(t.deals), w, y: y, style: bold, right: true)
            case .committed:
                cell(MWText.figure(t.committedMW, approx: t.approx & 1 != 0), w, y: y, style: bold, right: true)
            case .ambition:
                cell(MWText.figure(t.ambitionMW, approx: t.approx & 2 != 0), w, y: y, style: bold, right: true)
            case .share: cell(t.ambitionMW == nil ? "-" : "100%", w, y: y, style: bold, right: true)
            case .topIn, .name, .hhi: break
            }
        }
    }

    /// The vendor's ambition MW over the total, nil when either is unknown.
    static func share(_ v: GroupTotal, total: Double?) -> Double? {
        guard let a = v.ambitionMW, let t = total, t > 0 else { return nil }
        return a / t
    }

    /// One decimal; a share that is not zero never reads `0%` (`<0.1%`), nor a part `100%` (`>99.9%`).
    static func percent(_ x: Double) -> String { VendorConcentration.percent(x) }
}
