import DealKit

/// The detail of one deal: scrolling, back, and the keys it shares with the lists.
enum DetailKeys {
    static func key(_ s: inout AppState, _ e: InputEvent) -> [Effect] {
        guard var d = s.detail else { return [] }
        if case .view(let v)? = KeyMap.action(for: e) {
            AppReducer.switchView(&s, v)
            return []
        }
        let height = Layout(s).body.height
        switch e {
        case .up, .char("k"): d.scroll -= 1
        case .down, .char("j"): d.scroll += 1
        case .pageUp, .char("b"): d.scroll -= max(1, height - 1)
        case .pageDown, .char(" "): d.scroll += max(1, height - 1)
        case .home, .char("g"): d.scroll = 0
        case .end, .char("G"): d.scroll = Int(Int32.max)
        case .wheelUp: d.scroll -= 3
        case .wheelDown: d.scroll += 3
        case .escape, .char("q"), .left, .char("h"), .backspace:
            s.detail = nil
            return []
        case _ where KeyMap.action(for: e) == .export: s.overlay = .export
        case _ where KeyMap.action(for: e) == .help: s.overlay = .help(scroll: 0)
        case .click(let y, let x):
            if y == 1, let t = HeaderBar.tabs(cols: s.cols).first(where: { x >= $0.x && x < $0.x + $0.width }) {
                AppReducer.switchView(&s, t.view)
                return []
            }
        default: break
        }
        s.detail = d
        return []
    }
}
