/// Where each part of the screen goes for a size: shared by the views (to draw) and the reducer (to scroll and hit-test).
struct Layout: Sendable, Equatable {
    /// Below this the dashboard shows only a note asking for a larger terminal.
    static let minRows = 10
    static let minCols = 40

    let rows: Int
    let cols: Int

    init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
    }
    init(_ s: AppState) { self.init(rows: s.rows, cols: s.cols) }

    var tooSmall: Bool { rows < Layout.minRows || cols < Layout.minCols }

    /// Between the two header rows and the footer row.
    var body: Rect { Rect(y: 2, x: 0, height: rows - 3, width: cols) }

    /// The Countries view's parts: the country list and the selected country's deal table.
    ///
    /// Side by side when there is room for both tables to be readable; on a narrow
    /// terminal the list goes on top so the deal table keeps the full width.
    func countries(countryCount: Int) -> (list: Rect, table: Rect, sideBySide: Bool) {
        let b = body
        if cols >= 110 {
            // A wide terminal gives the list (and so its bars) more room: half of it.
            let lw = min(110, max(58, cols / 2))
            return (
                Rect(y: b.y, x: 0, height: b.height, width: lw),
                Rect(y: b.y, x: lw + 1, height: b.height, width: cols - lw - 1), true
            )
        }
        let most = max(3, (b.height - 1) * 2 / 5)
        let lh = min(countryCount + 2, most)
        let listH = max(lh, 2)
        return (
            Rect(y: b.y, x: 0, height: listH, width: cols),
            Rect(y: b.y + listH + 1, x: 0, height: b.height - listH - 1, width: cols), false
        )
    }

    /// Rows of data a table rect shows below its column header.
    static func dataRows(_ r: Rect) -> Int { max(r.height - 1, 1) }

    /// Rows of data a Countries or Vendors list shows between its header and its totals row.
    static func listRows(_ r: Rect) -> Int { max(r.height - 2, 1) }

    /// The timeline's axis rows, lane rows and the legend row below them.
    var timeline: (axis: Rect, lanes: Rect, legend: Rect) {
        let b = body
        return (
            Rect(y: b.y, x: 0, height: 2, width: cols), Rect(y: b.y + 2, x: 0, height: b.height - 3, width: cols),
            Rect(y: b.y + b.height - 1, x: 0, height: 1, width: cols)
        )
    }

    /// The box of an overlay: centred, at most `width` x `height`, inside the body.
    func overlay(width: Int, height: Int) -> Rect {
        let w = min(width, cols - 2)
        let h = min(height, rows - 2)
        return Rect(y: max(1, (rows - h) / 2), x: max(1, (cols - w) / 2), height: h, width: w)
    }
}
