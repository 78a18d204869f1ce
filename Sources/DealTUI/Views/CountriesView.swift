import DealKit

/// View 1: the countries with their totals and a bar each, beside the selected country's deals.
enum CountriesView {
    static func draw(into g: inout CellGrid, state: AppState) {
        let countries = state.results.countries
        let layout = Layout(state).countries(countryCount: countries.count)
        drawList(into: &g, rect: layout.list, countries: countries, state: state)
        if layout.sideBySide {
            for y in layout.list.y..<(layout.list.y + layout.list.height) {
                g.put("│", y: y, x: layout.list.x + layout.list.width, style: Style(.border))
            }
        } else {
            let y = layout.list.y + layout.list.height
            g.fill(y: y, x: 0, width: state.cols, style: Style(.border), with: "─")
            if let c = state.selectedCountry {
                g.put(" \(c.key) \(c.name) · \(c.deals) deal\(c.deals == 1 ? "" : "s") ", y: y, x: 2, style: Style(.border, bold: true))
            }
        }
        let rows = state.currentDealRows
        DealTable.draw(into: &g, rect: layout.table, rows: rows, cursor: state.countryDealCursor,
                       columns: DealColumn.countryDeals, focusColumn: focusColumn(state),
                       active: state.focus == .table, state: state)
    }

    static func focusColumn(_ s: AppState) -> DealColumn {
        DealColumn.countryDeals[min(max(s.countryColumn, 0), DealColumn.countryDeals.count - 1)]
    }

    /// The list's column widths: code, name, deals, committed, ambition, then the bar takes what is left.
    static func listColumns(width: Int) -> (name: Int, bar: Int) {
        let fixed = 2 + 2 + 5 + 2 + 9 + 2 + 9 + 2
        // The name comes first (a cut "United…" reads worse than a shorter bar); the bar keeps 10.
        let name = min(20, max(6, width - fixed - 1 - 10))
        return (name, max(0, width - fixed - name - 1))
    }

    private static func drawList(into g: inout CellGrid, rect: Rect, countries: [GroupTotal], state: AppState) {
        let (nameW, barW) = listColumns(width: rect.width)
        let head = Style(.columnHeader, bold: true)
        g.fill(y: rect.y, x: rect.x, width: rect.width, style: head)
        var x = rect.x
        func cell(_ text: String, _ w: Int, y: Int, style: Style, right: Bool = false) {
            g.putFitted(text, y: y, x: x, width: w, style: style, alignRight: right)
            x += w + 2
        }
        cell("cc", 2, y: rect.y, style: head)
        cell("country", nameW, y: rect.y, style: head)
        cell("deals", 5, y: rect.y, style: head, right: true)
        cell("committed", 9, y: rect.y, style: head, right: true)
        cell("ambition", 9, y: rect.y, style: head, right: true)
        if barW > 0 { cell("MW", barW, y: rect.y, style: head) }
        let height = Layout.dataRows(rect)
        let cur = state.countryCursor.settled(count: countries.count, height: height)
        if countries.isEmpty {
            g.put("(no countries)", y: rect.y + 1, x: rect.x + 1, limit: rect.width - 1, style: Style(.dim))
            return
        }
        let maximum = countries.compactMap { $0.ambitionMW ?? $0.committedMW }.max() ?? 0
        let active = state.focus == .list
        for line in 0..<min(height, countries.count - cur.top) {
            let at = cur.top + line
            let c = countries[at]
            let y = rect.y + 1 + line
            x = rect.x
            cell(c.key, 2, y: y, style: Style(.normal, bold: true))
            cell(c.name, nameW, y: y, style: .normal)
            cell(String(c.deals), 5, y: y, style: .normal, right: true)
            cell(MWText.figure(c.committedMW, approx: c.approx & 1 != 0), 9, y: y, style: Style(c.committedMW == nil ? .dim : .normal), right: true)
            cell(MWText.figure(c.ambitionMW, approx: c.approx & 2 != 0), 9, y: y, style: Style(c.ambitionMW == nil ? .dim : .normal), right: true)
            if barW > 0 {
                let bar = Bar.text(solid: c.committedMW, value: c.ambitionMW ?? c.committedMW, maximum: maximum, width: barW)
                let used = g.put(bar.solid, y: y, x: x, limit: barW, style: Style(.bar))
                g.put(bar.shade, y: y, x: x + used, limit: barW - used, style: Style(.bar))
            }
            if at == cur.index {
                g.restyle(y: y, x: rect.x, width: rect.width) { s in
                    if active { s.reverse = true } else { s.bold = true; s.underline = true }
                }
            }
        }
    }
}
