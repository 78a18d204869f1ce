/// View 2: every deal that passes the filter, one row each, all the columns that fit.
enum DealsView {
    static func draw(into g: inout CellGrid, state: AppState, frame: FrameLayout) {
        DealTable.draw(
            into: &g, rect: frame.body, rows: state.results.rows, cursor: state.dealsCursor,
            columns: frame.dealColumns, focusColumn: frame.focusColumn, active: true, state: state)
    }
}
