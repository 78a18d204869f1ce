import DealKit

/// The dashboard's behaviour as a pure function: an event and a state in, the new state and effects out.
///
/// Nothing here touches the terminal or the disk, so every key can be tested by feeding
/// events to a state and reading the result (or rendering it with `Screen`). Each mode's keys
/// are in their own type: `ListKeys`, `DetailKeys`, `PromptKeys`, `PickerKeys`, `HelpKeys`, `ExportKeys`, `ChangesKeys`.
public enum AppReducer {
    @discardableResult
    public static func reduce(_ s: inout AppState, _ e: InputEvent) -> [Effect] {
        switch e {
        case .resize(let rows, let cols):
            s.rows = rows
            s.cols = cols
            settle(&s)
            EditReducer.settleForm(&s)
            return []
        case .control("c") where s.editing.form?.isDirty != true:
            return [.quit]
        case .control("l"):
            return [.redraw]
        case .click, .wheelUp, .wheelDown:
            break
        default:
            s.message = nil
            s.isError = false
        }
        if Layout(s).tooSmall {
            // Ctrl-C still quits: an unsaved form cannot be shown (or asked about) on a screen this small.
            return (e == .char("q") && !s.editing.isActive) || e == .control("c") ? [.quit] : []
        }
        if let edited = EditReducer.key(&s, e) {
            settle(&s)
            return edited
        }
        var effects: [Effect] = []
        // One mode has the keys at a time, the innermost first.
        if s.prompt != nil {
            PromptKeys.key(&s, e)
        } else if let overlay = s.overlay {
            switch overlay {
            case .export: effects = ExportKeys.key(&s, e)
            case .help(let scroll): HelpKeys.key(&s, scroll: scroll, e)
            case .picker(let p): PickerKeys.key(&s, p, e)
            case .changes(let c): ChangesKeys.key(&s, c, e)
            case .columns(let c): ColumnKeys.key(&s, c, e)
            }
        } else if s.detail != nil {
            effects = DetailKeys.key(&s, e)
        } else {
            effects = ListKeys.key(&s, e)
        }
        settle(&s)
        return effects
    }

    static func switchView(_ s: inout AppState, _ v: ViewID) {
        s.detail = nil
        s.drilledFrom = nil
        s.view = v
        s.restorePending(for: v)
    }

    /// "1 deal", "5 deals".
    static func dealCount(_ n: Int) -> String { CountText.of(n, "deal") }

    // MARK: - Keeping cursors in range

    /// Clamps the cursors of what is on screen and scrolls them into view.
    static func settle(_ s: inout AppState) {
        let f = s.frame
        let l = f.layout
        guard !l.tooSmall else { return }
        if var d = s.detail, let lines = f.detailLines?.count {
            d.scroll = min(max(d.scroll, 0), max(0, lines - l.body.height))
            s.detail = d
        }
        switch s.view {
        case .countries:
            let count = s.countryRows.count
            let c = f.countries
            s.countryCursor.settle(count: count, height: Layout.listRows(c.list))
            s.countryDealCursor.settle(count: s.currentDealRows.count, height: Layout.dataRows(c.table))
            if s.currentDealRows.isEmpty { s.focus = .list }
        case .deals:
            s.dealsCursor.settle(count: s.results.rows.count, height: Layout.dataRows(l.body))
        case .vendors:
            s.vendorsCursor.settle(count: s.vendorRows.count, height: Layout.listRows(l.body))
        case .timeline:
            s.timelineCursor = TimelineView.settle(
                s.timelineCursor, model: s.results.timeline, height: l.timeline.lanes.height)
        }
    }
}
