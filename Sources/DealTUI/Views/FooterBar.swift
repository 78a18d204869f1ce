import DealKit

/// The last row: the search prompt, the export choice, a message, or the keys that matter in this view.
enum FooterBar {
    static func keys(_ s: AppState, frame: FrameLayout) -> [(String, String)] {
        if case .picker = s.overlay { return [("↑↓", "move"), ("space", "tick"), ("⏎", "apply"), ("Esc", "cancel")] }
        if case .help = s.overlay { return [("↑↓", "scroll"), ("Esc", "close")] }
        if case .columns = s.overlay {
            return [("↑↓", "move"), ("space", "show/hide"), ("[ ]", "earlier/later"), ("r", "reset"), ("Esc", "close")]
        }
        if case .changes = s.overlay {
            return [("↑↓", "move"), ("⏎", "open"), ("+/-", "a week more/less"), ("Esc", "close")]
        }
        if let d = s.detail, let total = frame.detailLines?.count {
            let height = frame.body.height
            let position =
                total > height ? [("lines", "\(d.scroll + 1)-\(min(d.scroll + height, total)) of \(total)")] : []
            return [("↑↓", "scroll"), ("Esc", "back"), KeyMap.footer(.export), KeyMap.footer(.help)] + position
        }
        var k: [(String, String)] = [KeyMap.footer(.down)]
        switch s.view {
        case .countries:
            k += s.focus == .list ? [("⏎/→", "deals")] : [("⏎", "detail"), ("←→", "column"), ("Esc", "countries")]
        case .deals: k += [("⏎", "detail"), ("←→", "column")] + (s.drilledFrom.map { [("Esc", $0.view.title)] } ?? [])
        case .vendors: k += [("⏎", "its deals")]
        case .timeline: k += [("⏎", "detail")]
        }
        k += [
            KeyMap.footer(.search), KeyMap.footer(.filterHere), KeyMap.footer(.clearFilters),
            KeyMap.footer(.pickCountries),
            (KeyMap.footer(.sort).0, sortWord(s)),
        ]
        if s.view == .deals || (s.view == .countries && s.focus == .table) { k.append(KeyMap.footer(.columns)) }
        k += [KeyMap.footer(.export), KeyMap.footer(.view(.countries)), KeyMap.footer(.help), KeyMap.footer(.quit)]
        return k
    }

    /// What `s` sorts here: "sort" alone where the view has one list.
    private static func sortWord(_ s: AppState) -> String {
        guard s.view == .countries else { return "sort" }
        return s.focus == .list ? "sort countries" : "sort deals"
    }

    static func draw(into g: inout CellGrid, state: AppState, frame: FrameLayout) {
        let y = state.rows - 1
        let bar = Style(.footerBar)
        g.fill(y: y, x: 0, width: state.cols, style: bar)
        var x = 0
        if let p = state.prompt {
            x += g.put("/", y: y, x: 0, style: Style(.search, bold: true))
            x += g.put(p.text, y: y, x: x, limit: state.cols - x - 1, style: Style(.search, bold: true))
            x += g.put("▏", y: y, x: x, style: Style(.search))
            let hint = "  \(CountText.of(state.shownCount, "match", plural: "matches")) · ⏎ keep · Esc cancel"
            g.put(hint, y: y, x: x, limit: state.cols - x, style: Style(.dim))
            return
        }
        if state.overlay == .export {
            let what = state.detail != nil ? "this deal" : "the \(state.view.title) view"
            x += g.put("Export \(what) as:  ", y: y, x: 0, style: Style(.message, bold: true))
            for (k, label) in [
                ("m", "Markdown"), ("c", "CSV"), ("j", "JSON"), ("r", "report (HTML)"), ("Esc", "cancel"),
            ] {
                x += g.put(k, y: y, x: x, style: Style(.key, bold: true))
                x += g.put(" \(label)   ", y: y, x: x, limit: state.cols - x, style: bar)
            }
            return
        }
        drawMessageAndKeys(keys(state, frame: frame), into: &g, state: state)
    }

    /// The message, if any, then as many whole keys as fit: the footer of the views and of the form.
    static func drawMessageAndKeys(_ keys: [(String, String)], into g: inout CellGrid, state: AppState) {
        let y = state.rows - 1
        let bar = Style(.footerBar)
        var x = 0
        if let m = state.message {
            x += g.put(
                DisplayWidth.truncate(m, to: state.cols), y: y, x: 0,
                style: Style(state.isError ? .error : .message, bold: true))
            x += 3
        }
        // Whole keys only: a key cut in half would read as a different key.
        for (k, label) in keys {
            let w = DisplayWidth.of(k) + 1 + DisplayWidth.of(label)
            guard x + w <= state.cols else { break }
            x += g.put(k, y: y, x: x, style: Style(.key, bold: true))
            x += g.put(" " + label + "  ", y: y, x: x, limit: state.cols - x, style: bar)
        }
    }
}
