import DealKit

/// The search prompt (`/`): typing narrows the deals as you type.
enum PromptKeys {
    static func key(_ s: inout AppState, _ e: InputEvent) {
        guard var p = s.prompt else { return }
        var text = p.text
        switch e {
        case .char(let c): text.append(c)
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .control("u"): text = ""
        case .enter:
            s.prompt = nil
            s.message =
                s.filter.search.isEmpty
                ? nil : "search \"\(s.filter.search)\" · \(AppReducer.dealCount(s.shownCount)) · F clears"
            return
        case .escape:
            s.prompt = nil
            var f = s.filter
            f.search = p.original
            s.setFilter(f)
            return
        case .up: ListKeys.move(&s, -1)
        case .down: ListKeys.move(&s, 1)
        case .pageUp: ListKeys.move(&s, -ListKeys.page(s))
        case .pageDown: ListKeys.move(&s, ListKeys.page(s))
        default: break
        }
        if text != p.text {
            p.text = text
            s.prompt = p
            var f = s.filter
            f.search = text
            s.setFilter(f)
        }
    }
}
