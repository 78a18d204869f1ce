import DealKit

/// An in-memory screen: the views draw here, tests read it as text, the terminal paints it.
///
/// All text goes through `SafeText.sanitize` on its way in, so nothing a feed says can
/// reach the terminal as a control sequence, and widths come from `DisplayWidth`, never
/// from counting `Character`s.
public struct CellGrid: Sendable, Equatable {
    public let rows: Int
    public let cols: Int
    public private(set) var cells: [Cell]

    public init(rows: Int, cols: Int) {
        self.rows = max(rows, 0)
        self.cols = max(cols, 0)
        cells = Array(repeating: .blank, count: self.rows * self.cols)
    }

    public subscript(y: Int, x: Int) -> Cell {
        cells[y * cols + x]
    }

    /// Sets one cell, repairing any wide glyph it cuts in half.
    private mutating func set(_ y: Int, _ x: Int, _ cell: Cell) {
        let i = y * cols + x
        let old = cells[i]
        if old.isContinuation, x > 0 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
        if old.width == 2, x + 1 < cols, cell.width != 2 { cells[i + 1] = Cell(" ", style: old.style) }
        cells[i] = cell
    }

    /// Writes text at (y, x) within `limit` columns (to the right edge if nil); returns the columns used.
    ///
    /// The text is sanitized and never split inside a glyph: a wide glyph that would
    /// cross the limit is replaced by a space. Callers that want "…" truncate first with
    /// `DisplayWidth.truncate`.
    @discardableResult
    public mutating func put(_ text: String, y: Int, x: Int, limit: Int? = nil, style: Style = .normal) -> Int {
        guard y >= 0, y < rows, x < cols else { return 0 }
        let end = min(cols, limit.map { x + max($0, 0) } ?? cols)
        var col = x
        let safe = SafeText.sanitize(text)
        for ch in safe {
            if col >= end { break }
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // A lone combining mark: keep it on the glyph before, it has no cell of its own.
                if col > x, col - 1 >= 0 {
                    var prev = col - 1
                    if cells[y * cols + prev].isContinuation, prev > 0 { prev -= 1 }
                    cells[y * cols + prev].text.append(ch)
                }
                continue
            }
            if col < 0 {
                col += w
                continue
            }
            if w == 2 {
                if col + 1 >= end {
                    set(y, col, Cell(" ", style: style))
                    col += 1
                    break
                }
                set(y, col, Cell(String(ch), width: 2, style: style))
                set(y, col + 1, Cell("", width: 0, style: style))
                col += 2
            } else {
                set(y, col, Cell(String(ch), style: style))
                col += 1
            }
        }
        return col - x
    }

    /// Writes text cut with "…" and padded with spaces to exactly `width` columns.
    public mutating func putFitted(
        _ text: String, y: Int, x: Int, width: Int, style: Style = .normal, alignRight: Bool = false
    ) {
        guard width > 0 else { return }
        let fitted = DisplayWidth.fit(SafeText.sanitize(text), to: width, alignRight: alignRight)
        let used = put(fitted, y: y, x: x, limit: width, style: style)
        if used < width { fill(y: y, x: x + used, width: width - used, style: style) }
    }

    /// Fills a run of cells in one row with a character (a space by default).
    public mutating func fill(y: Int, x: Int, width: Int, style: Style = .normal, with char: String = " ") {
        guard y >= 0, y < rows else { return }
        let start = max(x, 0)
        let end = min(cols, x + width)
        guard start < end else { return }
        for c in start..<end { set(y, c, Cell(char, style: style)) }
    }

    /// Fills a rectangle.
    public mutating func fill(_ r: Rect, style: Style = .normal) {
        for y in r.y..<(r.y + r.height) { fill(y: y, x: r.x, width: r.width, style: style) }
    }

    /// Changes the style of existing cells in one row, keeping their text.
    public mutating func restyle(y: Int, x: Int, width: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < rows else { return }
        let start = max(x, 0)
        let end = min(cols, x + width)
        guard start < end else { return }
        for c in start..<end { change(&cells[y * cols + c].style) }
    }

    /// The grid as lines of text, trailing spaces removed: what a snapshot compares.
    public func text() -> String {
        var out = ""
        for y in 0..<rows {
            var line = ""
            for x in 0..<cols {
                let c = cells[y * cols + x]
                if !c.isContinuation { line += c.text }
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// One row as text (for tests and mouse hit-testing helpers).
    public func line(_ y: Int) -> String {
        var line = ""
        for x in 0..<cols where !cells[y * cols + x].isContinuation { line += cells[y * cols + x].text }
        return line
    }
}

/// A rectangle of cells.
public struct Rect: Sendable, Equatable {
    public var y: Int, x: Int, height: Int, width: Int
    public init(y: Int, x: Int, height: Int, width: Int) {
        self.y = y
        self.x = x
        self.height = max(height, 0)
        self.width = max(width, 0)
    }
    public func contains(y py: Int, x px: Int) -> Bool {
        py >= y && py < y + height && px >= x && px < x + width
    }
}
