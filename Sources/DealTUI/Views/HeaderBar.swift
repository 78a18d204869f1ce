import DealKit

/// The top two rows: the store, the count shown of the total and the filter; then the view tabs and the sort.
enum HeaderBar {
    /// Where each tab label sits on row 1, for drawing and for mouse clicks.
    static func tabs(cols: Int) -> [(view: ViewID, x: Int, width: Int)] {
        var x = 0
        var out: [(ViewID, Int, Int)] = []
        for v in ViewID.allCases {
            let w = DisplayWidth.of(label(v, cols: cols))
            out.append((v, x, w))
            x += w + 1
        }
        return out
    }

    /// A tab's label; unpadded on a narrow terminal so all four still fit in 40 columns.
    static func label(_ v: ViewID, cols: Int) -> String {
        cols < 100 ? "\(v.rawValue) \(v.title)" : " \(v.rawValue) \(v.title) "
    }

    static func draw(into g: inout CellGrid, state: AppState) {
        let bar = Style(.headerBar, reverse: true)
        g.fill(y: 0, x: 0, width: state.cols, style: bar)
        var x = g.put(" sovtrack ", y: 0, x: 0, style: bar.with(bold: true))
        let count = "\(CountText.grouped(state.shownCount)) of \(CountText.of(state.totalCount, "deal"))"
        let filter = state.filter.isEmpty ? "no filter" : "filter: " + state.filter.summary
        // Epoch AI's licence (CC BY 4.0) asks for credit wherever its data is shown.
        let credit = state.catalog.includesEpoch ? "  │  data: Epoch AI GPU Clusters, CC BY 4.0" : ""
        let rest = "  \(count)  │  \(filter)\(credit)"
        // Where the cursor is, at the right end; on a narrow screen it gives way to the filter.
        let position = state.position.map { " \($0) " } ?? ""
        let pw = DisplayWidth.of(position)
        let fitsPosition = state.cols - x - DisplayWidth.of(rest) - 1 >= pw
        if fitsPosition { g.put(position, y: 0, x: state.cols - pw, style: bar.with(bold: true)) }
        let right = fitsPosition ? pw : 0
        // The store path gives way first: the count and the filter matter more on a narrow screen.
        let storeRoom = state.cols - x - DisplayWidth.of(rest) - 1 - right
        if storeRoom >= 8 {
            x += g.put("│ " + DisplayWidth.truncate(state.storeName, to: storeRoom - 2), y: 0, x: x, style: bar)
        }
        g.put(rest, y: 0, x: x, limit: state.cols - x - right, style: bar)

        g.fill(y: 1, x: 0, width: state.cols, style: Style(.tabInactive))
        let active = state.detail == nil ? state.view : nil
        var end = 0
        for t in tabs(cols: state.cols) {
            let on = t.view == active || (state.detail != nil && t.view == state.view)
            let s = t.view == active ? Style(.tabActive, bold: true, reverse: true) : Style(.tabInactive, bold: on)
            g.put(label(t.view, cols: state.cols), y: 1, x: t.x, limit: state.cols - t.x, style: s)
            end = t.x + t.width + 1
        }
        if state.detail != nil {
            g.put(
                " › Detail ", y: 1, x: end, limit: state.cols - end, style: Style(.tabActive, bold: true, reverse: true)
            )
        }
        let sort = state.sortLabel + " "
        let sw = DisplayWidth.of(sort)
        if state.cols - sw > end { g.put(sort, y: 1, x: state.cols - sw, style: Style(.dim)) }
    }
}
