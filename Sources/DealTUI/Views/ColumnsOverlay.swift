/// The `|` overlay: every column of the deal table, ticked when shown, in the order drawn.
enum ColumnsOverlay {
    static func rect(_ s: AppState) -> Rect {
        Layout(s).overlay(width: 52, height: s.columnChoice.order.count + 4)
    }

    static func draw(into g: inout CellGrid, state: AppState, cursor: ListCursor) {
        let table = state.view == .countries ? "the country's deals" : "the Deals view"
        let inner = Box.draw(into: &g, rect: rect(state), title: "columns of \(table)")
        let choice = state.columnChoice
        let height = max(1, inner.height - 2)
        let cur = cursor.settled(count: choice.order.count, height: height)
        for row in 0..<min(height, choice.order.count - cur.top) {
            let c = choice.order[cur.top + row]
            let y = inner.y + row
            let shown = !choice.hidden.contains(c)
            g.put(shown ? "[x]" : "[ ]", y: y, x: inner.x, style: Style(shown ? .key : .dim, bold: shown))
            var label = c.header
            if c.sort == state.shownSort { label += state.descending ? "  ▼ sorted" : "  ▲ sorted" }
            g.putFitted(
                label, y: y, x: inner.x + 4, width: inner.width - 4, style: Style(shown ? .normal : .dim, bold: shown))
            if cur.top + row == cur.index {
                g.restyle(y: y, x: inner.x - 1, width: inner.width + 2) { $0.reverse = true }
            }
        }
        g.putFitted(
            "space show/hide · [ ] move · r reset", y: inner.y + inner.height - 1, x: inner.x, width: inner.width,
            style: Style(.dim))
    }
}
