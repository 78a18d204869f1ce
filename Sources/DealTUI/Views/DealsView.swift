/// View 2: every deal that passes the filter, one row each, all the columns that fit.
enum DealsView {
    static func draw(into g: inout CellGrid, state: AppState) {
        DealTable.draw(into: &g, rect: Layout(state).body, rows: state.results.rows, cursor: state.dealsCursor,
                       columns: DealColumn.dealsView, focusColumn: focusColumn(state), active: true, state: state)
    }

    static func focusColumn(_ s: AppState) -> DealColumn {
        DealColumn.dealsView[min(max(s.dealsColumn, 0), DealColumn.dealsView.count - 1)]
    }
}
