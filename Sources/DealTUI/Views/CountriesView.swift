import DealKit

/// View 1: the countries with their totals and a bar each, beside the selected country's deals.
enum CountriesView {
    static func draw(into g: inout CellGrid, state: AppState, frame: FrameLayout) {
        let countries = state.countryRows
        let layout = frame.countries
        drawList(into: &g, rect: layout.list, countries: countries, state: state)
        if layout.sideBySide {
            for y in layout.list.y..<(layout.list.y + layout.list.height) {
                g.put("│", y: y, x: layout.list.x + layout.list.width, style: Style(.border))
            }
        } else {
            let y = layout.list.y + layout.list.height
            g.fill(y: y, x: 0, width: state.cols, style: Style(.border), with: "─")
            if let c = state.selectedCountry {
                g.put(
                    " \(c.key) \(c.name) · \(CountText.of(c.deals, "deal")) ", y: y, x: 2,
                    style: Style(.border, bold: true))
            }
        }
        let rows = state.currentDealRows
        DealTable.draw(
            into: &g, rect: layout.table, rows: rows, cursor: state.countryDealCursor,
            columns: frame.dealColumns, focusColumn: frame.focusColumn,
            active: state.focus == .table, state: state)
    }

    /// A list column's header, with the sort's arrow on the sorted one.
    static func header(_ c: GroupColumn, countries: Bool, state: AppState) -> String {
        let sorted = countries ? state.countrySort : state.vendorSort
        let down = countries ? state.countryDescending : state.vendorDescending
        let h = c.header(countries: countries)
        guard c == sorted else { return h }
        // Figures are right-aligned, so their arrow goes first to stay beside the digits' edge.
        return c.alignRight ? (down ? "▼" : "▲") + h : h + (down ? "▼" : "▲")
    }

    /// The list's column widths: code (3, room for the sort's arrow), name, deals, committed,
    /// ambition, the HHI when there is room (always while the list is `sortedByHHI`: the sorted
    /// column is never the one left out), then the bar takes what is left.
    /// Committed and ambition take 10 cells, 8 on a list too narrow for that (40 columns), so
    /// a figure is never cut at the screen's edge into another number (`1,900` read as `1,`).
    static func listColumns(width: Int, sortedByHHI: Bool = false) -> (name: Int, figure: Int, hhi: Bool, bar: Int) {
        let figure = width >= 3 + 2 + 6 + 2 + 2 * 12 + 6 ? 10 : 8
        let base = 3 + 2 + 6 + 2 + figure + 2 + figure + 2
        // The HHI only where it leaves a name of 14 ("United Kingdom") and a bar of 10.
        let hhi = sortedByHHI || width - base - 8 - 1 - 10 >= 14
        let fixed = base + (hhi ? 8 : 0)
        // The name comes first (a cut "United…" reads worse than a shorter bar); the bar keeps 10.
        let name = min(20, max(6, width - fixed - 2 - 10))
        return (name, figure, hhi, max(0, width - fixed - name - 2))
    }

    private static func drawList(into g: inout CellGrid, rect: Rect, countries: [GroupTotal], state: AppState) {
        let (nameW, figW, showHHI, barW) = listColumns(width: rect.width, sortedByHHI: state.countrySort == .hhi)
        // The pane the keys act on has a bright header; the other one's is dimmed.
        let active = state.focus == .list
        let head = active ? Style(.columnHeader, bold: true) : Style(.dim)
        g.fill(y: rect.y, x: rect.x, width: rect.width, style: head)
        var x = rect.x
        func cell(_ text: String, _ w: Int, y: Int, style: Style, right: Bool = false) {
            g.putFitted(text, y: y, x: x, width: w, style: style, alignRight: right)
            x += w + 2
        }
        // The HHI is the vendor concentration of the ambition MW (docs/report.md).
        for (column, w) in zip(GroupColumn.countriesList, [3, nameW, 6, figW, figW, showHHI ? 6 : 0]) where w > 0 {
            cell(header(column, countries: true, state: state), w, y: rect.y, style: head, right: column.alignRight)
        }
        if barW > 0 { cell(barHeader(width: barW, log: state.logScale), barW, y: rect.y, style: head) }
        let height = Layout.listRows(rect)
        let cur = state.countryCursor.settled(count: countries.count, height: height)
        if countries.isEmpty {
            g.put("(no countries)", y: rect.y + 1, x: rect.x + 1, limit: rect.width - 1, style: Style(.dim))
            return
        }
        let maximum = countries.compactMap { $0.ambitionMW ?? $0.committedMW }.max() ?? 0
        let hhi = state.results.leaders.ambitionHHIByCountry
        for line in 0..<min(height, countries.count - cur.top) {
            let at = cur.top + line
            let c = countries[at]
            let y = rect.y + 1 + line
            x = rect.x
            cell(c.key, 3, y: y, style: Style(.normal, bold: true))
            cell(c.name, nameW, y: y, style: .normal)
            cell(CountText.grouped(c.deals), 6, y: y, style: .normal, right: true)
            cell(
                MWText.figure(c.committedMW, approx: c.approx & 1 != 0), figW, y: y,
                style: Style(c.committedMW == nil ? .dim : .normal), right: true)
            cell(
                MWText.figure(c.ambitionMW, approx: c.approx & 2 != 0), figW, y: y,
                style: Style(c.ambitionMW == nil ? .dim : .normal), right: true)
            // Bold when highly concentrated (above 2,500).
            let h = hhi[Int(c.id)]
            if showHHI {
                cell(
                    VendorConcentration.index(h), 6, y: y,
                    style: Style(h == nil ? .dim : .normal, bold: (h ?? 0) > 2_500), right: true)
            }
            if barW > 0 {
                let bar = Bar.text(
                    solid: c.committedMW, value: c.ambitionMW ?? c.committedMW, maximum: maximum, width: barW,
                    log: state.logScale)
                let used = g.put(bar.solid, y: y, x: x, limit: barW, style: Style(.bar))
                g.put(bar.shade, y: y, x: x + used, limit: barW - used, style: Style(.bar))
            }
            if at == cur.index {
                g.restyle(y: y, x: rect.x, width: rect.width) { s in
                    if active {
                        s.reverse = true
                    } else {
                        s.bold = true
                        s.underline = true
                    }
                }
            }
        }
        // The totals row: every deal shown, counted once.
        let t = state.results.total
        let y = rect.y + rect.height - 1
        guard rect.height >= 3 else { return }
        x = rect.x
        let bold = Style(.normal, bold: true)
        cell("Σ", 3, y: y, style: bold)
        let many = "total, \(CountText.of(countries.count, "country", plural: "countries"))"
        cell(DisplayWidth.of(many) <= nameW ? many : "total", nameW, y: y, style: bold)
        cell(CountText.grouped(t.deals), 6, y: y, style: bold, right: true)
        cell(MWText.figure(t.committedMW, approx: t.approx & 1 != 0), figW, y: y, style: bold, right: true)
        cell(MWText.figure(t.ambitionMW, approx: t.approx & 2 != 0), figW, y: y, style: bold, right: true)
        g.restyle(y: y, x: rect.x, width: rect.width) { $0.underline = false }
    }

    /// The bar column's header: what its two shades mean, and the scale.
    static func barHeader(width: Int, log: Bool) -> String {
        let scale = log ? " (log)" : ""
        for text in ["MW █ committed ░ ambition" + scale, "█ committed ░ ambition" + scale, "MW" + scale, "MW"]
        where DisplayWidth.of(text) <= width { return text }
        return ""
    }
}
