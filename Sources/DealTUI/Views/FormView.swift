import DealKit

/// Draws the add / edit form over the body: one row per field with its text, cursor and
/// problem, then the focused row's hint and the values it may take.
enum FormView {
    /// Columns of the label (the longest, "operational MW *", fits).
    static let labelWidth = 16

    /// The box the form fills: the whole body.
    static func rect(rows: Int, cols: Int) -> Rect { Rect(y: 2, x: 0, height: rows - 3, width: cols) }

    /// How many field rows fit on a screen of `rows` rows (the rest: borders and two hint lines).
    static func fieldRows(rows: Int) -> Int { max(1, rows - 3 - 2 - 2) }

    /// The columns of a field's text box for a width of screen.
    static func fieldWidth(cols: Int) -> Int {
        let inner = cols - 4
        return min(56, max(16, (inner - labelWidth - 2) * 3 / 5))
    }

    static func draw(into g: inout CellGrid, state: AppState, form f: FormState) {
        let title: String
        if let o = f.original { title = "Edit \(o.id)" } else { title = "Add a deal" }
        let status = f.problemCount == 0 ? "ready to save (Ctrl-S)" : "\(f.problemCount) to fix"
        let inner = Box.draw(into: &g, rect: rect(rows: state.rows, cols: state.cols), title: "\(title) · \(status)")
        guard inner.height >= 3, inner.width >= 20 else { return }
        let height = fieldRows(rows: state.rows)
        let fw = fieldWidth(cols: state.cols)
        let fieldX = inner.x + labelWidth + 2
        let messageX = fieldX + fw + 1
        let messageW = inner.x + inner.width - messageX
        for row in 0..<min(height, f.fields.count - f.top) {
            let i = f.top + row
            let field = f.fields[i]
            let y = inner.y + row
            let focused = i == f.focus
            if focused { g.put("›", y: y, x: inner.x, style: Style(.key, bold: true)) }
            let label = field.kind.label + (field.kind.isRequired ? " *" : "")
            g.putFitted(
                label, y: y, x: inner.x + 1, width: labelWidth, style: Style(focused ? .key : .normal, bold: focused),
                alignRight: true)
            drawText(&g, field.line, y: y, x: fieldX, width: fw, focused: focused)
            if messageW > 2 {
                if let m = field.message {
                    g.put(
                        DisplayWidth.truncate("✗ " + m, to: messageW), y: y, x: messageX,
                        style: Style(.error, bold: focused))
                } else if field.kind == .country,
                    let c = Countries.byCode(field.text.trimmingCharacters(in: .whitespaces).uppercased())
                        ?? Countries.lookup(field.text)
                {
                    g.put(
                        DisplayWidth.truncate("✓ \(c.code) \(c.name)", to: messageW), y: y, x: messageX,
                        style: Style(.dim))
                }
            }
        }
        let r = rect(rows: state.rows, cols: state.cols)
        let up = f.top > 0
        let down = f.top + height < f.fields.count
        if up || down {
            let more = " \(up ? "↑" : "")\(down ? "↓" : "") more "
            g.put(more, y: r.y + r.height - 1, x: r.x + r.width - DisplayWidth.of(more) - 2, style: Style(.dim))
        }
        drawHints(&g, f, y: inner.y + inner.height - 2, x: inner.x, width: inner.width)
    }

    /// The text box of one field: underlined, scrolled so the cursor shows, the cursor in reverse.
    private static func drawText(_ g: inout CellGrid, _ line: TextLine, y: Int, x: Int, width: Int, focused: Bool) {
        let box = Style(.normal, underline: true)
        g.fill(y: y, x: x, width: width, style: box)
        let chars = Array(line.text)
        guard focused else {
            g.put(DisplayWidth.truncate(line.text, to: width), y: y, x: x, limit: width, style: box)
            return
        }
        // Scroll so the cursor's glyph (a space at the end) fits whole inside the box.
        let cw = line.cursor < chars.count ? max(1, DisplayWidth.of(chars[line.cursor])) : 1
        var start = 0
        while start < line.cursor, DisplayWidth.of(String(chars[start..<line.cursor])) + cw > width { start += 1 }
        g.put(String(chars[start...]), y: y, x: x, limit: width, style: box.with(bold: true))
        let cx = x + DisplayWidth.of(String(chars[start..<line.cursor]))
        if cx < x + width { g.restyle(y: y, x: cx, width: min(cw, x + width - cx)) { $0.reverse = true } }
    }

    /// The two lines under the fields: the focused row's problem (or what to type), and the values it may take.
    private static func drawHints(_ g: inout CellGrid, _ f: FormState, y: Int, x: Int, width: Int) {
        let field = f.current
        if let m = field.message {
            g.put(
                DisplayWidth.truncate("✗ \(field.kind.label): \(m)", to: width), y: y, x: x,
                style: Style(.error, bold: true))
        } else {
            g.put(
                DisplayWidth.truncate("\(field.kind.label): \(field.kind.hint)", to: width), y: y, x: x,
                style: Style(.dim))
        }
        if field.kind.offersValues {
            let values = FormReducer.suggestions(field.kind, f.choiceQuery ?? field.text)
            let current = field.text.trimmingCharacters(in: .whitespaces)
            var cx = x
            cx += g.put("^N ^P ", y: y + 1, x: cx, style: Style(.key, bold: true))
            cx += g.put(field.kind == .country ? "matches: " : "values: ", y: y + 1, x: cx, style: Style(.dim))
            for (k, value) in values.prefix(40).enumerated() {
                let part = field.kind == .country ? "\(value) \(Countries.byCode(value)?.name ?? "")" : value
                let on = value == current
                if k > 0 { cx += g.put(" · ", y: y + 1, x: cx, limit: x + width - cx, style: Style(.dim)) }
                cx += g.put(part, y: y + 1, x: cx, limit: x + width - cx, style: Style(on ? .key : .dim, bold: on))
                if cx >= x + width { break }
            }
            return
        }
        var line = ""
        if field.kind.isList { line = "^N adds another \(field.kind.label)" }
        g.put(DisplayWidth.truncate(line, to: width), y: y + 1, x: x, style: Style(.dim))
    }
}
