import DealKit

/// The dashboard's behaviour as a pure function: an event and a state in, the new state and effects out.
///
/// Nothing here touches the terminal or the disk, so every key can be tested by feeding
/// events to a state and reading the result (or rendering it with `Screen`).
public enum AppReducer {
    @discardableResult
    public static func reduce(_ s: inout AppState, _ e: InputEvent) -> [Effect] {
        switch e {
        case .resize(let rows, let cols):
            s.rows = rows; s.cols = cols
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
        if s.prompt != nil {
            promptKey(&s, e)
        } else if let overlay = s.overlay {
            effects = overlayKey(&s, overlay, e)
        } else if s.detail != nil {
            effects = detailKey(&s, e)
        } else {
            effects = mainKey(&s, e)
        }
        settle(&s)
        return effects
    }

    // MARK: - Main views

    private static func mainKey(_ s: inout AppState, _ e: InputEvent) -> [Effect] {
        switch e {
        case .char("q"): return [.quit]
        case .char(let c) where ("1"..."4").contains(c):
            switchView(&s, ViewID(rawValue: Int(String(c))!)!)
        case .tab: switchView(&s, s.view.next)
        case .backTab: switchView(&s, s.view.previous)
        case .up, .char("k"): move(&s, -1)
        case .down, .char("j"): move(&s, 1)
        case .pageUp, .control("b"): move(&s, -page(s))
        case .pageDown, .control("f"): move(&s, page(s))
        case .home, .char("g"): move(&s, -Int(Int32.max))
        case .end, .char("G"): move(&s, Int(Int32.max))
        case .left, .char("h"): moveColumn(&s, -1)
        case .right, .char("l"): moveColumn(&s, 1)
        case .enter, .char("5"): open(&s)
        case .escape:
            if s.view == .countries && s.focus == .table {
                s.focus = .list
            } else if s.view == .deals, let back = s.drilledFrom {
                s.setFilter(back.filter)
                switchView(&s, back.view)
                s.message = "back to \(back.view.title) · \(dealCount(s.shownCount))"
            }
        case .char("/"):
            s.prompt = AppState.SearchPrompt(text: s.filter.search, original: s.filter.search)
        case .char("c"): openPicker(&s, .country)
        case .char("v"): openPicker(&s, .vendor)
        case .char("f"): filterUnderCursor(&s)
        case .char("F"):
            if s.filter.isEmpty {
                s.message = "no filter to clear"
            } else {
                s.setFilter(DealFilter())
                s.message = "filters cleared · \(dealCount(s.shownCount))"
            }
        case .char("s"): sortKey(&s, reverse: false)
        case .char("S"): sortKey(&s, reverse: true)
        case .char("x"): s.overlay = .export
        case .char("C"): s.overlay = .changes(ChangesState(feed: s.catalog.feed, today: s.today, days: 7))
        case .char("L"):
            s.logScale.toggle()
            s.message = s.logScale ? "bars on a log scale: each step is ten times the MW" : "bars on a linear scale"
        case .char("?"), .function(1): s.overlay = .help(scroll: 0)
        case .click(let y, let x): click(&s, y: y, x: x)
        case .wheelUp(let y, let x): wheel(&s, y: y, x: x, by: -3)
        case .wheelDown(let y, let x): wheel(&s, y: y, x: x, by: 3)
        default: break
        }
        return []
    }

    static func switchView(_ s: inout AppState, _ v: ViewID) {
        s.detail = nil
        s.drilledFrom = nil
        s.view = v
        s.restorePending(for: v)
    }

    /// `s` sorts the active list by its next column, `S` reverses it; the header's label then names the new order.
    static func sortKey(_ s: inout AppState, reverse: Bool) {
        switch s.sortPane {
        case .countries:
            sortGroups(&s, reverse: reverse, GroupColumn.countriesList, \.countrySort, \.countryDescending,
                       \.countryRows, \.countryCursor, keep: s.selectedCountry?.key)
        case .vendors:
            sortGroups(&s, reverse: reverse, GroupColumn.vendorsView, \.vendorSort, \.vendorDescending,
                       \.vendorRows, \.vendorsCursor, keep: s.selectedVendor?.key)
        case .deals:
            let columns = s.view == .countries ? DealColumn.countryDeals : DealColumn.dealsView
            s.setSort(reverse ? s.sort : next(after: s.shownSort, in: columns.map(\.sort)), descending: reverse ? !s.descending : s.descending)
        }
        s.message = s.sortLabel + (s.sortDescending ? " descending" : " ascending")
    }

    /// `s`/`S` on the Countries list or the Vendors view, keeping the cursor on the same row.
    private static func sortGroups(_ s: inout AppState, reverse: Bool, _ columns: [GroupColumn],
                                   _ sort: WritableKeyPath<AppState, GroupColumn>, _ descending: WritableKeyPath<AppState, Bool>,
                                   _ rows: KeyPath<AppState, [GroupTotal]>, _ cursor: WritableKeyPath<AppState, ListCursor>,
                                   keep: String?) {
        if reverse { s[keyPath: descending].toggle() } else {
            s[keyPath: sort] = next(after: s[keyPath: sort], in: columns)
            s[keyPath: descending] = s[keyPath: sort].startsDescending
        }
        if let keep, let at = s[keyPath: rows].firstIndex(where: { $0.key == keep }) { s[keyPath: cursor].index = at }
    }

    /// The element after `current` in `all`, wrapping; the first when `current` is not in it.
    private static func next<T: Equatable>(after current: T, in all: [T]) -> T {
        guard let at = all.firstIndex(of: current) else { return all[0] }
        return all[(at + 1) % all.count]
    }

    /// Rows in a page of the active list.
    private static func page(_ s: AppState) -> Int {
        let l = Layout(s)
        switch s.view {
        case .countries:
            let c = l.countries(countryCount: s.countryRows.count)
            return max(1, (s.focus == .list ? Layout.listRows(c.list) : Layout.dataRows(c.table)) - 1)
        case .timeline: return max(1, l.timeline.lanes.height - 2)
        case .vendors: return max(1, Layout.listRows(l.body) - 1)
        default: return max(1, Layout.dataRows(l.body) - 1)
        }
    }

    /// Moves the cursor of the active list.
    static func move(_ s: inout AppState, _ delta: Int) {
        switch s.view {
        case .countries:
            if s.focus == .list {
                let before = s.countryCursor.index
                s.countryCursor.move(delta, count: s.countryRows.count)
                if s.countryCursor.index != before { s.countryDealCursor = ListCursor() }
            } else {
                s.countryDealCursor.move(delta, count: s.currentDealRows.count)
            }
        case .deals: s.dealsCursor.move(delta, count: s.results.rows.count)
        case .vendors: s.vendorsCursor.move(delta, count: s.vendorRows.count)
        case .timeline: s.timelineCursor.move(delta, count: s.results.timeline.laneLines.count)
        }
    }

    /// `←` `→` over every column of the active deal table, shown or not: the column the cursor
    /// moves to is always placed (`TableFit`), so a column past the screen's edge comes into view.
    private static func moveColumn(_ s: inout AppState, _ delta: Int) {
        if s.view == .countries && s.focus == .list {
            if delta > 0 && !s.currentDealRows.isEmpty { s.focus = .table }
            return
        }
        guard s.view == .countries || s.view == .deals else { return }
        let columns = s.view == .countries ? DealColumn.countryDeals : DealColumn.dealsView
        let current = s.view == .countries ? CountriesView.focusColumn(s) : DealsView.focusColumn(s)
        let next = (columns.firstIndex(of: current) ?? 0) + delta
        if next < 0 {
            if s.view == .countries { s.focus = .list }
            return
        }
        guard next < columns.count else { return }
        if s.view == .countries { s.countryColumn = next } else { s.dealsColumn = next }
    }

    /// Enter: open the deal under the cursor, or go one level down.
    static func open(_ s: inout AppState) {
        switch s.view {
        case .countries where s.focus == .list:
            if !s.currentDealRows.isEmpty { s.focus = .table }
        case .vendors:
            guard let v = s.selectedVendor else { return }
            let before = s.filter
            var f = s.filter
            f.vendors = [v.key]
            s.setFilter(f)
            switchView(&s, .deals)
            s.drilledFrom = (.vendors, before)
            s.message = "deals with vendor \(v.key) · Esc goes back to Vendors"
        default:
            guard let i = s.selectedDeal else { return }
            s.detail = AppState.Detail(deal: i, id: s.catalog.deals[Int(i)].id)
        }
    }

    // MARK: - Filtering

    private static func filterUnderCursor(_ s: inout AppState) {
        var f = s.filter
        let what: String
        switch s.view {
        case .countries where s.focus == .list:
            guard let c = s.selectedCountry else { return }
            f.countries = [c.key]
            what = "country \(c.key)"
        case .vendors:
            guard let v = s.selectedVendor else { return }
            f.vendors = [v.key]
            what = "vendor \(v.key)"
        case .timeline:
            guard let i = s.selectedDeal else { return }
            let code = s.catalog.deals[Int(i)].country
            f.countries = [code]
            what = "country \(code)"
        case .countries, .deals:
            guard let i = s.selectedDeal else { return }
            let d = s.catalog.deals[Int(i)]
            let column = s.view == .countries ? CountriesView.focusColumn(s) : DealsView.focusColumn(s)
            switch column {
            case .country:
                f.countries = [d.country]; what = "country \(d.country)"
            case .vendors:
                guard let v = d.vendors.first else { s.message = "this deal has no vendor"; return }
                f.vendors = [v]; what = "vendor \(v)"
            case .partners:
                guard let p = d.otherPartners.first else { s.message = "this deal has no other partner"; return }
                f.partners = [p.name]; what = "partner \(p.name)"
            case .status:
                f.statuses = [d.status]; what = "status \(d.status.rawValue)"
            case .announced:
                f.since = d.announced; f.until = d.announced; what = "announced \(d.announced)"
            case .mw:
                guard let mw = d.ambitionMW else { s.message = "this deal's MW is unknown"; return }
                // The figure the cell shows (2.9), not the stored 2.8859 the user never saw.
                let shown = MWText.figure(mw)
                f.minMW = NumberGrammar.value(shown) ?? mw; what = "at least \(shown) MW"
            case .sponsor, .title, .models:
                let text = column == .sponsor ? d.sponsor : column == .models ? d.models.first : d.title
                guard let text, !text.isEmpty else { s.message = "nothing to filter by here"; return }
                f.search = text; what = "search \"\(text)\""
            case .operational, .confidence, .milestone, .id:
                s.message = "no filter for \(column.header) · move with ←→ or use / to search"
                return
            }
        }
        s.setFilter(f)
        s.message = "filter: \(what) · \(dealCount(s.shownCount)) · F clears"
    }

    static func openPicker(_ s: inout AppState, _ kind: PickerState.Kind) {
        let c = s.catalog
        var f = s.filter
        var items: [PickerState.Item] = []
        var chosen = Set<String>()
        switch kind {
        case .country:
            f.countries = []
            var counts = [Int](repeating: 0, count: c.countryCodes.count)
            for i in c.members(f) { counts[Int(c.countryOf[Int(i)])] += 1 }
            for (k, code) in c.countryCodes.enumerated() {
                items.append(.init(value: code, label: "\(code)  \(Countries.byCode(code)?.name ?? code)", count: counts[k]))
            }
            for code in s.filter.countries where !c.countryCodes.contains(code) {
                items.append(.init(value: code, label: "\(code)  \(Countries.byCode(code)?.name ?? code)", count: 0))
            }
            chosen = Set(s.filter.countries)
        case .vendor:
            f.vendors = []
            var counts = [Int](repeating: 0, count: c.vendorNames.count)
            for i in c.members(f) { for v in c.vendors(of: i) { counts[Int(v)] += 1 } }
            for (k, name) in c.vendorNames.enumerated() { items.append(.init(value: name, label: name, count: counts[k])) }
            // The deals without a vendor, as the Vendors view's (none) row.
            let none = c.members(f).reduce(0) { $0 + (c.vendors(of: $1).isEmpty ? 1 : 0) }
            if none > 0 || s.filter.vendors.contains(Summary.noVendor) {
                items.append(.init(value: Summary.noVendor, label: "\(Summary.noVendor)  deals without a vendor", count: none))
            }
            let wanted = Set(s.filter.vendors.map(DealFilter.fold))
            for v in s.filter.vendors where !c.vendorKeys.contains(DealFilter.fold(v)) && v != Summary.noVendor {
                items.append(.init(value: v, label: v, count: 0))
            }
            chosen = Set(items.filter { wanted.contains(DealFilter.fold($0.value)) }.map(\.value))
        }
        items.sort { $0.count != $1.count ? $0.count > $1.count : $0.label.lowercased() < $1.label.lowercased() }
        s.overlay = .picker(PickerState(kind: kind, items: items, chosen: chosen))
    }

    // MARK: - Prompt, overlays, detail

    private static func promptKey(_ s: inout AppState, _ e: InputEvent) {
        guard var p = s.prompt else { return }
        var text = p.text
        switch e {
        case .char(let c): text.append(c)
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .control("u"): text = ""
        case .enter:
            s.prompt = nil
            s.message = s.filter.search.isEmpty ? nil : "search \"\(s.filter.search)\" · \(dealCount(s.shownCount)) · F clears"
            return
        case .escape:
            s.prompt = nil
            var f = s.filter
            f.search = p.original
            s.setFilter(f)
            return
        case .up: move(&s, -1)
        case .down: move(&s, 1)
        case .pageUp: move(&s, -page(s))
        case .pageDown: move(&s, page(s))
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

    private static func overlayKey(_ s: inout AppState, _ overlay: AppState.Overlay, _ e: InputEvent) -> [Effect] {
        switch overlay {
        case .changes(let c):
            changesKey(&s, c, e)
        case .export:
            let format: ExportFormat?
            switch e {
            case .char("m"), .char("1"): format = .md
            case .char("c"), .char("2"): format = .csv
            case .char("j"), .char("3"): format = .json
            case .char("r"), .char("4"): format = .html
            default: format = nil
            }
            s.overlay = nil
            return format.map { [.export($0)] } ?? []
        case .help(let scroll):
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
        case .picker(var p):
            let visible = p.visible
            let height = PickerOverlay.listHeight(s, p)
            switch e {
            case .up, .wheelUp: p.cursor.move(-1, count: visible.count)
            case .down, .wheelDown: p.cursor.move(1, count: visible.count)
            case .pageUp: p.cursor.move(-height, count: visible.count)
            case .pageDown: p.cursor.move(height, count: visible.count)
            case .home: p.cursor.move(-visible.count, count: visible.count)
            case .end: p.cursor.move(visible.count, count: visible.count)
            case .char(" "): toggle(&p, visible)
            case .click(let y, _):
                let inner = PickerOverlay.rect(s, p)
                let row = y - inner.y - 2
                let cur = p.cursor.settled(count: visible.count, height: height)
                if row >= 0, cur.top + row < visible.count {
                    p.cursor.index = cur.top + row
                    toggle(&p, visible)
                }
            case .char(let c):
                p.query.append(c); p.cursor = ListCursor()
            case .backspace:
                if !p.query.isEmpty { p.query.removeLast(); p.cursor = ListCursor() }
            case .control("u"):
                p.query = ""; p.cursor = ListCursor()
            case .escape:
                s.overlay = nil
                return []
            case .enter:
                s.overlay = nil
                var f = s.filter
                let picked = p.items.map(\.value).filter { p.chosen.contains($0) }
                if p.kind == .country { f.countries = picked } else { f.vendors = picked }
                s.setFilter(f)
                let kind = p.kind == .country ? "countries" : "vendors"
                s.message = picked.isEmpty ? "no \(kind) picked · \(dealCount(s.shownCount))"
                    : "\(kind): \(picked.joined(separator: ", ")) · \(dealCount(s.shownCount))"
                return []
            default: break
            }
            p.cursor.settle(count: p.visible.count, height: height)
            s.overlay = .picker(p)
        }
        return []
    }

    private static func toggle(_ p: inout PickerState, _ visible: [Int]) {
        guard !visible.isEmpty else { return }
        let v = p.items[visible[min(p.cursor.index, visible.count - 1)]].value
        if p.chosen.contains(v) { p.chosen.remove(v) } else { p.chosen.insert(v) }
    }

    private static func detailKey(_ s: inout AppState, _ e: InputEvent) -> [Effect] {
        guard var d = s.detail else { return [] }
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
        case .char(let c) where ("1"..."4").contains(c):
            switchView(&s, ViewID(rawValue: Int(String(c))!)!)
            return []
        case .char("x"): s.overlay = .export
        case .char("?"), .function(1): s.overlay = .help(scroll: 0)
        case .click(let y, let x):
            if y == 1, let t = HeaderBar.tabs(cols: s.cols).first(where: { x >= $0.x && x < $0.x + $0.width }) {
                switchView(&s, t.view)
                return []
            }
        default: break
        }
        s.detail = d
        return []
    }

    // MARK: - Mouse

    private static func click(_ s: inout AppState, y: Int, x: Int) {
        if y == 1 {
            if let t = HeaderBar.tabs(cols: s.cols).first(where: { x >= $0.x && x < $0.x + $0.width }) { switchView(&s, t.view) }
            return
        }
        let l = Layout(s)
        switch s.view {
        case .countries:
            let c = l.countries(countryCount: s.countryRows.count)
            if c.list.contains(y: y, x: x), y > c.list.y {
                let at = s.countryCursor.top + y - c.list.y - 1
                guard at < s.countryRows.count else { return }
                if at == s.countryCursor.index && s.focus == .list {
                    open(&s)
                } else {
                    if at != s.countryCursor.index { s.countryDealCursor = ListCursor() }
                    s.countryCursor.index = at
                    s.focus = .list
                }
            } else if c.table.contains(y: y, x: x), y > c.table.y {
                let at = s.countryDealCursor.top + y - c.table.y - 1
                guard at < s.currentDealRows.count else { return }
                if at == s.countryDealCursor.index && s.focus == .table { open(&s) } else {
                    s.countryDealCursor.index = at
                    s.focus = .table
                }
            }
        case .deals, .vendors:
            let b = l.body
            guard y > b.y, y < b.y + b.height else { return }
            let count = s.view == .deals ? s.results.rows.count : s.vendorRows.count
            let cursor = s.view == .deals ? s.dealsCursor : s.vendorsCursor
            let at = cursor.top + y - b.y - 1
            guard at < count else { return }
            if at == cursor.index { open(&s); return }
            if s.view == .deals { s.dealsCursor.index = at } else { s.vendorsCursor.index = at }
        case .timeline:
            let lanes = l.timeline.lanes
            guard lanes.contains(y: y, x: x) else { return }
            let t = s.results.timeline
            let line = s.timelineCursor.top + y - lanes.y
            guard let at = t.laneLines.firstIndex(of: line) else { return }
            if at == s.timelineCursor.index { open(&s) } else { s.timelineCursor.index = at }
        }
    }

    private static func wheel(_ s: inout AppState, y: Int, x: Int, by delta: Int) {
        if s.view == .countries {
            let c = Layout(s).countries(countryCount: s.countryRows.count)
            if c.list.contains(y: y, x: x) { s.focus = .list } else if c.table.contains(y: y, x: x), !s.currentDealRows.isEmpty { s.focus = .table }
        }
        move(&s, delta)
    }

    /// "1 deal", "5 deals".
    static func dealCount(_ n: Int) -> String { CountText.of(n, "deal") }

    // MARK: - Keeping cursors in range

    /// Clamps the cursors of what is on screen and scrolls them into view.
    static func settle(_ s: inout AppState) {
        let l = Layout(s)
        guard !l.tooSmall else { return }
        if var d = s.detail {
            let lines = DetailView.lines(of: Int(d.deal), in: s.catalog, width: l.body.width, today: s.today).count
            d.scroll = min(max(d.scroll, 0), max(0, lines - l.body.height))
            s.detail = d
        }
        switch s.view {
        case .countries:
            let count = s.countryRows.count
            let c = l.countries(countryCount: count)
            s.countryCursor.settle(count: count, height: Layout.listRows(c.list))
            s.countryDealCursor.settle(count: s.currentDealRows.count, height: Layout.dataRows(c.table))
            if s.currentDealRows.isEmpty { s.focus = .list }
        case .deals:
            s.dealsCursor.settle(count: s.results.rows.count, height: Layout.dataRows(l.body))
        case .vendors:
            s.vendorsCursor.settle(count: s.vendorRows.count, height: Layout.listRows(l.body))
        case .timeline:
            s.timelineCursor = TimelineView.settle(s.timelineCursor, model: s.results.timeline, height: l.timeline.lanes.height)
        }
    }
}
