import DealKit

/// The `?` overlay: every key, in a box over the current view.
enum HelpOverlay {
    static func rect(_ s: AppState) -> Rect { Layout(s).overlay(width: 78, height: KeyHelp.lines.count + 2) }

    static func draw(into g: inout CellGrid, state: AppState, scroll: Int) {
        let inner = Box.draw(into: &g, rect: rect(state), title: "Keys · Esc closes")
        let lines = KeyHelp.lines
        let top = min(max(scroll, 0), max(0, lines.count - inner.height))
        let keyW = min(16, inner.width / 3)
        if lines.count > inner.height {
            let more = top + inner.height < lines.count ? " ↓ more " : " ↑ top "
            let r = rect(state)
            g.put(more, y: r.y + r.height - 1, x: r.x + r.width - DisplayWidth.of(more) - 2, style: Style(.dim))
        }
        for row in 0..<min(inner.height, lines.count - top) {
            let l = lines[top + row]
            let y = inner.y + row
            if l.isTitle {
                g.putFitted(l.keys, y: y, x: inner.x, width: inner.width, style: Style(.columnHeader, bold: true))
            } else {
                g.putFitted(l.keys, y: y, x: inner.x, width: keyW, style: Style(.key, bold: true))
                // Cut with "…", so a line cut on a small screen reads as cut.
                g.putFitted(l.action, y: y, x: inner.x + keyW + 1, width: inner.width - keyW - 1)
            }
        }
    }
}
