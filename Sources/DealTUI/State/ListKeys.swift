import DealKit

/// The keys of the four list views (Countries, Deals, Vendors, Timeline), the mouse on them, and their helpers.
enum ListKeys {
    /// A key in a list view: `KeyMap` says what it does; the mouse is handled here too.
    static func key(_ s: inout AppState, _ e: InputEvent) -> [Effect] {
        switch e {
        case .click(let y, let x):
            click(&s, y: y, x: x)
            return []
        case .wheelUp(let y, let x):
            wheel(&s, y: y, x: x, by: -3)
            return []
        case .wheelDown(let y, let x):
            wheel(&s, y: y, x: x, by: 3)
            return []
        default: break
        }
        guard let action = KeyMap.action(for: e) else { return [] }
        switch action {
        case .quit: return [.quit]
        case .view(let v): AppReducer.switchView(&s, v)
        case .nextView: AppReducer.switchView(&s, s.view.next)
        case .previousView: AppReducer.switchView(&s, s.view.previous)
        case .up: move(&s, -1)
        case .down: move(&s, 1)
        case .pageUp: move(&s, -page(s))
        case .pageDown: move(&s, page(s))
        case .first: move(&s, -Int(Int32.max))
        case .last: move(&s, Int(Int32.max))
        case .left: moveColumn(&s, -1)
        case .right: moveColumn(&s, 1)
        case .open: open(&s)
        case .back:
            if s.view == .countries && s.focus == .table {
                s.focus = .list
            } else if s.view == .deals, let back = s.drilledFrom {
                s.setFilter(back.filter)
                AppReducer.switchView(&s, back.view)
                s.message = "back to \(back.view.title) · \(AppReducer.dealCount(s.shownCount))"
            }
        case .search:
            s.prompt = AppState.SearchPrompt(text: s.filter.search, original: s.filter.search)
        case .pickCountries: PickerKeys.open(&s, .country)
        case .pickVendors: PickerKeys.open(&s, .vendor)
        case .filterHere: filterUnderCursor(&s)
        case .clearFilters:
            if s.filter.isEmpty {
                s.message = "no filter to clear"
            } else {
                s.setFilter(DealFilter())
                s.message = "filters cleared · \(AppReducer.dealCount(s.shownCount))"
            }
        case .sort: sortKey(&s, reverse: false)
        case .reverseSort: sortKey(&s, reverse: true)
        case .columns: ColumnKeys.open(&s)
        case .export: s.overlay = .export
        case .changes: s.overlay = .changes(ChangesState(feed: s.catalog.feed, today: s.today, days: 7))
        case .logScale:
            s.logScale.toggle()
            s.message = s.logScale ? "bars on a log scale: each step is ten times the MW" : "bars on a linear scale"
        case .help: s.overlay = .help(scroll: 0)
        // Handled before this: redraw and Ctrl-C in `reduce`, the editing keys in `EditReducer`.
        case .redraw, .add, .edit, .delete, .undo, .redo, .addMilestone, .addSource, .takeOurs, .takeTheirs: break
        }
        return []
    }

    /// `s` sorts the active list by its next column, `S` reverses it; the header's label then names the new order.
    static func sortKey(_ s: inout AppState, reverse: Bool) {
        switch s.sortPane {
        case .countries:
            sortGroups(
                &s, reverse: reverse, GroupColumn.countriesList, \.countrySort, \.countryDescending,
                \.countryRows, \.countryCursor, keep: s.selectedCountry?.key)
        case .vendors:
            sortGroups(
                &s, reverse: reverse, GroupColumn.vendorsView, \.vendorSort, \.vendorDescending,
                \.vendorRows, \.vendorsCursor, keep: s.selectedVendor?.key)
        case .deals:
            // Through the columns shown: the sorted column is never a hidden one.
            let columns = s.frame.dealColumns
            s.setSort(
                reverse ? s.sort : next(after: s.shownSort, in: columns.map(\.sort)),
                descending: reverse ? !s.descending : s.descending)
        }
        s.message = s.sortLabel + (s.sortDescending ? " descending" : " ascending")
    }

    /// `s`/`S` on the Countries list or the Vendors view, keeping the cursor on the same row.
    private static func sortGroups(
        _ s: inout AppState, reverse: Bool, _ columns: [GroupColumn],
        _ sort: WritableKeyPath<AppState, GroupColumn>, _ descending: WritableKeyPath<AppState, Bool>,
        _ rows: KeyPath<AppState, [GroupTotal]>, _ cursor: WritableKeyPath<AppState, ListCursor>,
        keep: String?
    ) {
        if reverse {
            s[keyPath: descending].toggle()
        } else {
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
    static func page(_ s: AppState) -> Int {
        let f = s.frame
        let l = f.layout
        switch s.view {
        case .countries:
            let c = f.countries
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
        let frame = s.frame
        let columns = frame.dealColumns
        let current = frame.focusColumn
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
            AppReducer.switchView(&s, .deals)
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
            let column = s.frame.focusColumn
            switch column {
            case .country:
                f.countries = [d.country]
                what = "country \(d.country)"
            case .vendors:
                guard let v = d.vendors.first else {
                    s.message = "this deal has no vendor"
                    return
                }
                f.vendors = [v]
                what = "vendor \(v)"
            case .partners:
                guard let p = d.otherPartners.first else {
                    s.message = "this deal has no other partner"
                    return
                }
                f.partners = [p.name]
                what = "partner \(p.name)"
            case .status:
                f.statuses = [d.status]
                what = "status \(d.status.rawValue)"
            case .announced:
                f.since = d.announced
                f.until = d.announced
                what = "announced \(d.announced)"
            case .mw:
                guard let mw = d.ambitionMW else {
                    s.message = "this deal's MW is unknown"
                    return
                }
                // The figure the cell shows (2.9), not the stored 2.8859 the user never saw.
                let shown = MWText.figure(mw)
                f.minMW = NumberGrammar.value(shown) ?? mw
                what = "at least \(shown) MW"
            case .sponsor, .title, .models:
                let text = column == .sponsor ? d.sponsor : column == .models ? d.models.first : d.title
                guard let text, !text.isEmpty else {
                    s.message = "nothing to filter by here"
                    return
                }
                f.search = text
                what = "search \"\(text)\""
            case .operational, .confidence, .milestone, .id:
                s.message = "no filter for \(column.header) · move with ←→ or use / to search"
                return
            }
        }
        s.setFilter(f)
        s.message = "filter: \(what) · \(AppReducer.dealCount(s.shownCount)) · F clears"
    }

    // MARK: - Mouse

    private static func click(_ s: inout AppState, y: Int, x: Int) {
        if y == 1 {
            if let t = HeaderBar.tabs(cols: s.cols).first(where: { x >= $0.x && x < $0.x + $0.width }) {
                AppReducer.switchView(&s, t.view)
            }
            return
        }
        let f = s.frame
        let l = f.layout
        switch s.view {
        case .countries:
            let c = f.countries
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
                if at == s.countryDealCursor.index && s.focus == .table {
                    open(&s)
                } else {
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
            if at == cursor.index {
                open(&s)
                return
            }
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
            let c = s.frame.countries
            if c.list.contains(y: y, x: x) {
                s.focus = .list
            } else if c.table.contains(y: y, x: x), !s.currentDealRows.isEmpty {
                s.focus = .table
            }
        }
        move(&s, delta)
    }
}
