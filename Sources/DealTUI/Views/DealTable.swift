import DealKit
import Foundation

/// Draws a table of deals with a column header, only the visible rows, the selection and the column cursor.
enum DealTable {
    /// The columns that fit `width` for this result.
    static func placed(_ columns: [DealColumn], width: Int, state: AppState, focus: DealColumn? = nil) -> [TableFit
        .Placed]
    {
        let sorted = columns.first { $0.sort == state.shownSort }
        let choice = state.columnChoice
        return TableFit.fit(
            columns, width: width, sortedBy: sorted, focus: focus, priority: choice.priority,
            natural: { state.results.naturalWidth($0) })
    }

    /// `text` in `width` columns with the middle taken out (`OpenAI/Micro…Phase 2`): what tells
    /// apart titles that share their start.
    static func middleCut(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width, width >= 5 else { return text }
        var tail = ""
        var tailWidth = 0
        for c in text.reversed() {
            let w = DisplayWidth.of(String(c))
            if tailWidth + w > (width - 1) / 2 { break }
            tail = String(c) + tail
            tailWidth += w
        }
        return DisplayWidth.truncate(text, to: width - tailWidth).dropLastEllipsis + "…" + tail
    }

    /// Marks where the search text occurs in a cell as drawn (case and accents ignored, as the search does).
    static func highlight(_ needle: String, in text: String, width: Int, y: Int, x: Int, into g: inout CellGrid) {
        let shown = DisplayWidth.truncate(SafeText.sanitize(text), to: width)
        var from = shown.startIndex
        while let r = shown.range(
            of: needle, options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
            range: from..<shown.endIndex)
        {
            let start = DisplayWidth.of(String(shown[..<r.lowerBound]))
            g.restyle(y: y, x: x + start, width: DisplayWidth.of(String(shown[r]))) {
                $0.role = .search
                $0.bold = true
            }
            from = r.upperBound
        }
    }

    static func draw(
        into g: inout CellGrid, rect: Rect, rows: [Int32], cursor: ListCursor, columns: [DealColumn],
        focusColumn: DealColumn?, active: Bool, state: AppState
    ) {
        let placed = placed(columns, width: rect.width, state: state, focus: focusColumn)
        // A table the keys do not act on (the Countries view's, while the list has them) has a dim header.
        let headerStyle = active ? Style(.columnHeader, bold: true) : Style(.dim)
        g.fill(y: rect.y, x: rect.x, width: rect.width, style: headerStyle)
        for p in placed {
            var title = p.column.header
            if p.column.sort == state.shownSort { title += state.descending ? " ▼" : " ▲" }
            var s = headerStyle
            if active && p.column == focusColumn {
                s.underline = true
                s.reverse = true
            }
            g.putFitted(title, y: rect.y, x: rect.x + p.x, width: p.width, style: s, alignRight: p.column.alignRight)
        }
        let height = Layout.dataRows(rect)
        let cur = cursor.settled(count: rows.count, height: height)
        if rows.isEmpty {
            g.put(
                state.filter.isEmpty ? "(no deals)" : "(no deals match the filter · F clears it)",
                y: rect.y + 1, x: rect.x + 1, limit: rect.width - 1, style: Style(.dim))
            return
        }
        let deals = state.catalog.deals
        let shown = cur.top..<min(rows.count, cur.top + height)
        let search = state.filter.search.trimmingCharacters(in: .whitespaces)
        // Titles that would read the same once cut ("OpenAI/Microsoft Mt Ple…" twice) are cut in the middle instead, keeping their ends.
        var cutTitles: [String: Int] = [:]
        let titleWidth = placed.first { $0.column == .title }?.width ?? 0
        for at in shown {
            cutTitles[DisplayWidth.fit(SafeText.sanitize(deals[Int(rows[at])].title), to: titleWidth), default: 0] += 1
        }
        for at in shown {
            let line = at - cur.top
            let d = deals[Int(rows[at])]
            let y = rect.y + 1 + line
            let selected = at == cur.index
            for p in placed {
                var s = Style(p.column.role(d, today: state.today))
                if p.column == .title { s.bold = selected && active }
                if selected && active && p.column == focusColumn { s.underline = true }
                var text = p.column.value(d, today: state.today)
                if p.column == .title, cutTitles[DisplayWidth.fit(SafeText.sanitize(text), to: p.width), default: 0] > 1
                {
                    text = middleCut(SafeText.sanitize(text), to: p.width)
                }
                g.putFitted(text, y: y, x: rect.x + p.x, width: p.width, style: s, alignRight: p.column.alignRight)
                if !search.isEmpty, p.column.isText {
                    highlight(search, in: text, width: p.width, y: y, x: rect.x + p.x, into: &g)
                }
            }
            if selected && active {
                g.restyle(y: y, x: rect.x, width: rect.width) { $0.reverse = true }
            }
        }
    }
}

extension String {
    /// Without the `…` that `DisplayWidth.truncate` ends a cut text with.
    fileprivate var dropLastEllipsis: String { hasSuffix("…") ? String(dropLast()) : self }
}
