/// A bordered box for overlays, drawn with Unicode box-drawing characters.
enum Box {
    /// Clears `r`, draws its border with a title in the top edge, and returns the inside.
    @discardableResult
    static func draw(into g: inout CellGrid, rect r: Rect, title: String) -> Rect {
        guard r.width >= 2, r.height >= 2 else { return Rect(y: r.y, x: r.x, height: 0, width: 0) }
        let b = Style(.border)
        g.fill(r)
        g.put("╭" + String(repeating: "─", count: r.width - 2) + "╮", y: r.y, x: r.x, style: b)
        for y in (r.y + 1)..<(r.y + r.height - 1) {
            g.put("│", y: y, x: r.x, style: b)
            g.put("│", y: y, x: r.x + r.width - 1, style: b)
        }
        g.put("╰" + String(repeating: "─", count: r.width - 2) + "╯", y: r.y + r.height - 1, x: r.x, style: b)
        g.put(" \(title) ", y: r.y, x: r.x + 2, limit: r.width - 4, style: Style(.title, bold: true))
        return Rect(y: r.y + 1, x: r.x + 2, height: r.height - 2, width: r.width - 4)
    }
}
