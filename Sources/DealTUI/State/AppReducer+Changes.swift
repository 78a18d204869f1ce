import DealKit

extension AppReducer {
    /// Keys of the Changes overlay: move, a week more or less, Enter opens the deal.
    static func changesKey(_ s: inout AppState, _ c: ChangesState, _ e: InputEvent) {
        var c = c
        let height = ChangesView.listHeight(s)
        let count = c.changes.count
        switch e {
        case .up, .char("k"), .wheelUp: c.cursor.move(-1, count: count)
        case .down, .char("j"), .wheelDown: c.cursor.move(1, count: count)
        case .pageUp: c.cursor.move(-height, count: count)
        case .pageDown: c.cursor.move(height, count: count)
        case .home, .char("g"): c.cursor.move(-count, count: count)
        case .end, .char("G"): c.cursor.move(count, count: count)
        case .char("+"), .char("]"):
            c = ChangesState(feed: s.catalog.feed, today: s.today, days: c.days + 7)
        case .char("-"), .char("["):
            c = ChangesState(feed: s.catalog.feed, today: s.today, days: max(1, c.days - 7))
        case .enter:
            s.overlay = nil
            guard count > 0 else { return }
            let id = c.changes[min(c.cursor.index, count - 1)].id
            guard let i = s.catalog.index(ofID: id) else {
                s.message = "\(id) is no longer in the store"
                return
            }
            s.detail = AppState.Detail(deal: i, id: id)
            return
        case .escape, .char("q"), .char("C"), .click:
            s.overlay = nil
            return
        default: break
        }
        c.cursor.settle(count: c.changes.count, height: height)
        s.overlay = .changes(c)
    }
}
