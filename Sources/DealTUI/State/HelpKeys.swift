import DealKit

/// The help overlay (`?`): scrolling, and the keys that close it.
enum HelpKeys {
    static func key(_ s: inout AppState, scroll: Int, _ e: InputEvent) {
        let height = HelpOverlay.rect(s).height - 2
        let maxScroll = max(0, KeyHelp.lines.count - height)
        switch e {
        case .home, .char("g"): s.overlay = .help(scroll: 0)
        case .end, .char("G"): s.overlay = .help(scroll: maxScroll)
        case .up, .char("k"), .wheelUp: s.overlay = .help(scroll: max(0, scroll - 1))
        case .down, .char("j"), .wheelDown: s.overlay = .help(scroll: min(maxScroll, scroll + 1))
        case .pageDown: s.overlay = .help(scroll: min(maxScroll, scroll + height))
        case .pageUp: s.overlay = .help(scroll: max(0, scroll - height))
        case .char("q"), .char("?"), .function(1), .escape, .enter, .click: s.overlay = nil
        default: break
        }
    }
}
