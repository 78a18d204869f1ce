import DealKit

/// The country and vendor pickers (`c`, `v`): opening one with each value's count, and its keys.
enum PickerKeys {
    /// Opens a picker over every value, each with how many deals the rest of the filter leaves it.
    ///
    /// While the filter names none of the values, the rest of the filter is the whole filter,
    /// so the counts are the current result's, counted once per result and kept with it.
    static func open(_ s: inout AppState, _ kind: PickerState.Kind) {
        let c = s.catalog
        var f = s.filter
        var items: [PickerState.Item] = []
        var chosen = Set<String>()
        switch kind {
        case .country:
            f.countries = []
            let counts = f == s.filter ? s.results.countryCounts : c.groups.countryCounts(c.members(f))
            for (k, code) in c.countryCodes.enumerated() {
                items.append(
                    .init(value: code, label: "\(code)  \(Countries.byCode(code)?.name ?? code)", count: counts[k]))
            }
            for code in s.filter.countries where !c.countryCodes.contains(code) {
                items.append(.init(value: code, label: "\(code)  \(Countries.byCode(code)?.name ?? code)", count: 0))
            }
            chosen = Set(s.filter.countries)
        case .vendor:
            f.vendors = []
            // Slot 0: the deals without a vendor, as the Vendors view's (none) row; vendor k is slot k + 1.
            let counts = f == s.filter ? s.results.vendorCounts : c.groups.vendorSlotCounts(c.members(f))
            for (k, name) in c.vendorNames.enumerated() {
                items.append(.init(value: name, label: name, count: counts[k + 1]))
            }
            let none = counts[0]
            if none > 0 || s.filter.vendors.contains(Summary.noVendor) {
                items.append(
                    .init(value: Summary.noVendor, label: "\(Summary.noVendor)  deals without a vendor", count: none))
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

    /// Moves, ticks, narrows by typing; Enter applies the ticked values as the filter, Esc cancels.
    static func key(_ s: inout AppState, _ picker: PickerState, _ e: InputEvent) {
        var p = picker
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
            p.query.append(c)
            p.cursor = ListCursor()
        case .backspace:
            if !p.query.isEmpty {
                p.query.removeLast()
                p.cursor = ListCursor()
            }
        case .control("u"):
            p.query = ""
            p.cursor = ListCursor()
        case .escape:
            s.overlay = nil
            return
        case .enter:
            s.overlay = nil
            var f = s.filter
            let picked = p.items.map(\.value).filter { p.chosen.contains($0) }
            if p.kind == .country { f.countries = picked } else { f.vendors = picked }
            s.setFilter(f)
            let kind = p.kind == .country ? "countries" : "vendors"
            s.message =
                picked.isEmpty
                ? "no \(kind) picked · \(AppReducer.dealCount(s.shownCount))"
                : "\(kind): \(picked.joined(separator: ", ")) · \(AppReducer.dealCount(s.shownCount))"
            return
        default: break
        }
        p.cursor.settle(count: p.visible.count, height: height)
        s.overlay = .picker(p)
    }

    private static func toggle(_ p: inout PickerState, _ visible: [Int]) {
        guard !visible.isEmpty else { return }
        let v = p.items[visible[min(p.cursor.index, visible.count - 1)]].value
        if p.chosen.contains(v) { p.chosen.remove(v) } else { p.chosen.insert(v) }
    }
}
