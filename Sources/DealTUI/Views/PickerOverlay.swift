/// The `c`/`v` overlay: a list to tick countries or vendors from, each with how many deals it has.
enum PickerOverlay {
    static func rect(_ s: AppState, _ p: PickerState) -> Rect {
        Layout(s).overlay(width: 56, height: min(max(p.items.count, 1), 30) + 3)
    }

    /// Rows of items the box shows.
    static func listHeight(_ s: AppState, _ p: PickerState) -> Int { max(1, rect(s, p).height - 3) }

    static func draw(into g: inout CellGrid, state: AppState, picker p: PickerState) {
        let inner = Box.draw(into: &g, rect: rect(state, p), title: "\(p.title) · space ticks · ⏎ applies")
        guard inner.height > 1 else { return }
        g.put("type to narrow: ", y: inner.y, x: inner.x, limit: inner.width, style: Style(.dim))
        g.put(p.query + "▏", y: inner.y, x: inner.x + 16, limit: inner.width - 16, style: Style(.search, bold: true))
        let visible = p.visible
        let height = inner.height - 1
        let cur = p.cursor.settled(count: visible.count, height: height)
        if visible.isEmpty {
            g.put("(nothing matches)", y: inner.y + 1, x: inner.x, limit: inner.width, style: Style(.dim))
        }
        for row in 0..<min(height, visible.count - cur.top) {
            let item = p.items[visible[cur.top + row]]
            let y = inner.y + 1 + row
            let ticked = p.chosen.contains(item.value)
            g.put(ticked ? "[x]" : "[ ]", y: y, x: inner.x, style: Style(ticked ? .key : .dim, bold: ticked))
            g.putFitted(
                item.label, y: y, x: inner.x + 4, width: inner.width - 4 - 7, style: Style(.normal, bold: ticked))
            g.putFitted(
                String(item.count), y: y, x: inner.x + inner.width - 6, width: 6,
                style: Style(item.count == 0 ? .dim : .normal), alignRight: true)
            if cur.top + row == cur.index {
                g.restyle(y: y, x: inner.x - 1, width: inner.width + 2) { $0.reverse = true }
            }
        }
    }
}
