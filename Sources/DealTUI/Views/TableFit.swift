import DealKit

/// Chooses which deal columns fit a width and how wide each is drawn.
enum TableFit {
    /// A column placed at `x` (relative to the table) with `width` cells.
    struct Placed: Sendable, Equatable {
        var column: DealColumn
        var x: Int
        var width: Int
    }

    static let gap = 2

    /// Columns whose values are short codes or figures: cut, they would say nothing, so they are shown whole or not at all.
    static func isWhole(_ c: DealColumn) -> Bool {
        switch c {
        case .mw, .operational, .status, .confidence, .announced, .country: return true
        default: return false
        }
    }

    /// Adds columns in priority order while each fits at its narrowest, stopping at the first
    /// that does not (so columns appear in the same order as the terminal widens), then widens
    /// them toward their content in the same order.
    ///
    /// `natural` is a column's content width; columns are drawn in `columns`' order.
    /// `focus` (the column cursor's column) is placed like the sorted one, so `→` past the last
    /// column shown brings the next one on screen: every column is reachable at any width.
    /// Once every column has its `widths.max`, what is left goes to the title, then the other
    /// long texts, up to their content: on a wide terminal nothing is cut that need not be.
    /// `priority` says which columns stay longest (lower first): the columns' own, or the
    /// order a user chose (`ColumnChoice.priority`).
    static func fit(
        _ columns: [DealColumn], width: Int, sortedBy: DealColumn? = nil, focus: DealColumn? = nil,
        priority: (DealColumn) -> Int = \.priority, natural: (DealColumn) -> Int
    ) -> [Placed] {
        // The sorted column's header carries " ▲", which must not push the header into "…".
        func header(_ c: DealColumn) -> Int { DisplayWidth.of(c.header) + (c == sortedBy ? 2 : 0) }
        func want(_ c: DealColumn) -> Int { max(header(c), min(natural(c), c.widths.max)) }
        func floor(_ c: DealColumn) -> Int {
            if isWhole(c) { return want(c) }
            if c == .title { return min(want(c), max(c.widths.min, width * 3 / 10)) }
            // The column the cursor is on is read whole where the width allows.
            if c == focus { return min(want(c), max(c.widths.min, width - floor(.title) - gap)) }
            return min(want(c), max(c.widths.min, header(c)))
        }
        // The sorted column comes right after the title, so the column the order is by is never the one left out.
        func rank(_ c: DealColumn) -> Double { c == focus ? 0.25 : c == sortedBy ? 0.5 : Double(priority(c)) }
        let byPriority = columns.sorted { rank($0) < rank($1) }
        var chosen: [DealColumn: Int] = [:]
        var used = 0
        for c in byPriority {
            let need = floor(c) + (chosen.isEmpty ? 0 : gap)
            if used + need > width {
                if chosen.isEmpty {
                    chosen[c] = max(width, 1)
                    used = width
                }
                break
            }
            chosen[c] = floor(c)
            used += need
        }
        var spare = width - used
        for c in byPriority where spare > 0 {
            guard let w = chosen[c] else { continue }
            let grow = min(spare, max(0, want(c) - w))
            chosen[c] = w + grow
            spare -= grow
        }
        for c in byPriority where spare > 0 && !isWhole(c) {
            guard let w = chosen[c] else { continue }
            let grow = min(spare, max(0, natural(c) - w))
            chosen[c] = w + grow
            spare -= grow
        }
        var placed: [Placed] = []
        var x = 0
        for c in columns {
            guard let w = chosen[c] else { continue }
            placed.append(Placed(column: c, x: x, width: w))
            x += w + gap
        }
        return placed
    }
}
