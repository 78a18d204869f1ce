import DealKit

/// The column chooser (`|`) over the Deals view's table or the Countries view's deal table:
/// `Space` shows or hides the column under the cursor, `[` `]` move it earlier or later,
/// `r` restores the table's own columns; the table behind changes as you go.
enum ColumnKeys {
    /// Opens the chooser on the table the keys act on, its cursor on the column cursor's column.
    static func open(_ s: inout AppState) {
        guard s.view == .deals || s.view == .countries else {
            s.message = "columns: the Deals view and the Countries view's deals have a column chooser"
            return
        }
        if s.view == .countries { s.focus = .table }
        let focus = s.frame.focusColumn
        s.overlay = .columns(ListCursor(index: s.columnChoice.order.firstIndex(of: focus) ?? 0))
    }

    static func key(_ s: inout AppState, _ cursor: ListCursor, _ e: InputEvent) {
        var cur = cursor
        var choice = s.columnChoice
        let count = choice.order.count
        let column = choice.order[min(cur.index, count - 1)]
        // The column cursor stays on the column it was on, wherever that column moves.
        let focus = s.frame.focusColumn
        switch e {
        case .up, .char("k"), .wheelUp: cur.move(-1, count: count)
        case .down, .char("j"), .wheelDown: cur.move(1, count: count)
        case .home, .char("g"): cur.move(-count, count: count)
        case .end, .char("G"): cur.move(count, count: count)
        case .char(" "), .click:
            if case .click(let y, _) = e {
                let row = y - ColumnsOverlay.rect(s).y - 1
                guard row >= 0, row < count else { return }
                cur.index = row
            }
            let c = choice.order[cur.index]
            if !choice.hidden.contains(c) && c.sort == s.shownSort {
                s.message = "the table is sorted by \(c.header): sort by another column (s) before hiding it"
            } else if !choice.hidden.contains(c) && choice.shown.count == 1 {
                s.message = "one column stays shown"
            } else {
                choice.toggle(c)
                s.message = "\(c.header) \(choice.hidden.contains(c) ? "hidden" : "shown")"
            }
        case .char("["), .char("]"):
            choice.move(column, by: e == .char("[") ? -1 : 1)
            cur.index = choice.order.firstIndex(of: column) ?? cur.index
        case .char("r"):
            choice.reset()
            s.message = "columns as they were"
        case .escape, .enter, .char("|"), .char("q"):
            s.overlay = nil
            return
        default:
            return
        }
        s.columnChoice = choice
        let shown = choice.shown
        let at = shown.firstIndex(of: focus) ?? 0
        if s.view == .countries { s.countryColumn = at } else { s.dealsColumn = at }
        s.overlay = .columns(cur)
    }
}
