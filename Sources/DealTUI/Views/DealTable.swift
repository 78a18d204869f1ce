import DealKit

/// Draws a table of deals with a column header, only the visible rows, the selection and the column cursor.
enum DealTable {
    /// The columns that fit `width` for this result.
    static func placed(_ columns: [DealColumn], width: Int, state: AppState) -> [TableFit.Placed] {
        let sorted = columns.first { $0.sort == state.shownSort }
        return TableFit.fit(columns, width: width, sortedBy: sorted, natural: { state.results.naturalWidth($0) })
    }

    static func draw(into g: inout CellGrid, rect: Rect, rows: [Int32], cursor: ListCursor, columns: [DealColumn],
                     focusColumn: DealColumn?, active: Bool, state: AppState) {
        let placed = placed(columns, width: rect.width, state: state)
        // A table the keys do not act on (the Countries view's, while the list has them) has a dim header.
        let headerStyle = active ? Style(.columnHeader, bold: true) : Style(.dim)
        g.fill(y: rect.y, x: rect.x, width: rect.width, style: headerStyle)
        for p in placed {
            var title = p.column.header
            if p.column.sort == state.shownSort { title += state.descending ? " ▼" : " ▲" }
            var s = headerStyle
            if active && p.column == focusColumn { s.underline = true; s.reverse = true }
            g.putFitted(title, y: rect.y, x: rect.x + p.x, width: p.width, style: s, alignRight: p.column.alignRight)
        }
        let height = Layout.dataRows(rect)
        let cur = cursor.settled(count: rows.count, height: height)
        if rows.isEmpty {
            g.put(state.filter.isEmpty ? "(no deals)" : "(no deals match the filter · F clears it)",
                  y: rect.y + 1, x: rect.x + 1, limit: rect.width - 1, style: Style(.dim))
            return
        }
        let deals = state.catalog.deals
        for line in 0..<min(height, rows.count - cur.top) {
            let at = cur.top + line
            let d = deals[Int(rows[at])]
            let y = rect.y + 1 + line
            let selected = at == cur.index
            for p in placed {
                var s = Style(p.column.role(d))
                if p.column == .title { s.bold = selected && active }
                if selected && active && p.column == focusColumn { s.underline = true }
                g.putFitted(p.column.value(d), y: y, x: rect.x + p.x, width: p.width, style: s, alignRight: p.column.alignRight)
            }
            if selected && active {
                g.restyle(y: y, x: rect.x, width: rect.width) { $0.reverse = true }
            }
        }
    }
}
