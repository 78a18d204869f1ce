import DealKit

/// Each deal's width in each deal-table column, measured when first asked for and kept for the feed.
///
/// A table's column widths come from the first 500 deals of its result (`ResultSet.naturalWidth`),
/// and every keystroke that changes the result asks again, mostly about the same deals; measuring
/// a cell makes its text, sanitizes it and counts its cells. Shared by the results of one feed.
final class ColumnWidths {
    let catalog: DealIndex
    /// Per column, each deal's width plus one (0: not measured yet); a width past 65,534 cells,
    /// wider than any terminal, is kept as 65,534.
    private var widths: [DealColumn: [UInt16]] = [:]

    init(catalog: DealIndex) {
        self.catalog = catalog
    }

    /// The widest of `deals`' cells in `column`, stopping at the first as wide as the column may grow.
    func widest(_ column: DealColumn, of deals: ArraySlice<Int32>) -> Int {
        let catalog = self.catalog
        let limit = column.widths.max
        return widths[column, default: [UInt16](repeating: 0, count: catalog.count)].withUnsafeMutableBufferPointer {
            known in
            var w = 0
            for i in deals {
                var cell = Int(known[Int(i)])
                if cell == 0 {
                    let text = column.value(catalog.deals[Int(i)], today: catalog.today)
                    cell = min(DisplayWidth.of(SafeText.sanitize(text)), Int(UInt16.max) - 1) + 1
                    known[Int(i)] = UInt16(cell)
                }
                w = max(w, cell - 1)
                if w >= limit { break }
            }
            return w
        }
    }
}
