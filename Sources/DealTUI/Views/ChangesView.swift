import DealKit

/// The `C` overlay: the store's changes over the last days, setbacks (slips, cuts,
/// regressions, cancellations) highlighted.
enum ChangesView {
    static func rect(_ s: AppState) -> Rect { Layout(s).overlay(width: 110, height: s.rows - 2) }

    /// Rows of changes the box shows at once.
    static func listHeight(_ s: AppState) -> Int { max(1, rect(s).height - 2) }

    static func draw(into g: inout CellGrid, state: AppState, changes c: ChangesState) {
        let title =
            "Changes in the last \(c.days) days: \(c.changes.count) · ⏎ opens · +/- a week more/less · Esc closes"
        let inner = Box.draw(into: &g, rect: rect(state), title: title)
        if let problem = c.problem {
            g.put(problem, y: inner.y, x: inner.x, limit: inner.width, style: Style(.error))
            return
        }
        if c.changes.isEmpty {
            g.put("no change recorded in this period", y: inner.y, x: inner.x, limit: inner.width, style: Style(.dim))
            return
        }
        let cur = c.cursor.settled(count: c.changes.count, height: inner.height)
        let idW = min(34, inner.width / 3)
        for row in 0..<min(inner.height, c.changes.count - cur.top) {
            let i = cur.top + row
            let change = c.changes[i]
            let selected = i == cur.index
            let first = i == 0 || c.changes[i - 1].id != change.id
            let y = inner.y + row
            g.putFitted(first ? change.id : "", y: y, x: inner.x, width: idW, style: Style(.dim, reverse: selected))
            let style =
                change.isSetback ? Style(.error, bold: true, reverse: selected) : Style(.normal, reverse: selected)
            g.putFitted(
                (change.isSetback ? "! " : "  ") + change.sentence, y: y, x: inner.x + idW + 1,
                width: inner.width - idW - 1, style: style)
        }
    }
}
