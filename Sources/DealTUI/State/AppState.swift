import DealKit

/// Everything the dashboard shows, as a value: the reducer changes it, the views draw it.
///
/// The feed's derived data (`DealIndex`) and the current result (`ResultSet`) are
/// reference types that memoize, but neither changes once built, so copying the state
/// is cheap and a state still means one screen.
public struct AppState {
    /// Where the Countries view's keys go: the country list or the selected country's deals.
    public enum Focus: Sendable, Equatable { case list, table }

    /// A deal opened with Enter.
    public struct Detail: Sendable, Equatable {
        public var deal: Int32
        public var id: String
        public var scroll = 0
    }

    /// A box drawn over the view that takes the keys until closed.
    public enum Overlay: Equatable {
        case help(scroll: Int)
        case picker(PickerState)
        case export
        /// What changed in the store lately (`C`).
        case changes(ChangesState)
        /// The column chooser (`|`) of the active deal table, its cursor on a column.
        case columns(ListCursor)
    }

    /// The `/` prompt: the text typed so far and the search to go back to on Esc.
    public struct SearchPrompt: Sendable, Equatable {
        public var text: String
        public var original: String
    }

    public private(set) var catalog: DealIndex
    /// The store's path as the header shows it.
    public var storeName: String
    /// Today, for the timeline's marker and export names; injected so snapshots are stable.
    public var today: PartialDate

    public private(set) var filter: DealFilter
    public private(set) var sort: DealSort = .country
    public private(set) var descending = false
    /// The Countries list's order and the Vendors view's: ambition, largest first, until `s` changes it.
    public var countrySort = GroupColumn.ambition
    public var countryDescending = true
    public var vendorSort = GroupColumn.ambition
    public var vendorDescending = true
    /// Whether the bars are on a log scale (`L`), so a country with a hundredth of the largest still shows.
    public var logScale = false
    private(set) var results: ResultSet
    private var searchCache = SearchCache()
    /// The frame of the state as last asked for (`frame`); shared by copies, checked against its key.
    let frameCache = FrameLayout.Cache()
    var pendingTargets = CursorTargets()

    public var view: ViewID = .countries
    public var focus: Focus = .list
    public var countryCursor = ListCursor()
    public var countryDealCursor = ListCursor()
    public var dealsCursor = ListCursor()
    public var vendorsCursor = ListCursor()
    public var timelineCursor = ListCursor()
    /// The column cursor of the Deals view and of the Countries view's table, as indices into their column lists.
    public var dealsColumn = 0
    public var countryColumn = 0
    /// The columns each deal table shows, in order (`|`): the Deals view's and the Countries view's.
    public var dealsColumns = ColumnChoice(DealColumn.dealsView)
    public var countryDealColumns = ColumnChoice(DealColumn.countryDeals)

    /// The column choice of the current view's deal table.
    var columnChoice: ColumnChoice {
        get { view == .countries ? countryDealColumns : dealsColumns }
        set { if view == .countries { countryDealColumns = newValue } else { dealsColumns = newValue } }
    }

    public var detail: Detail?
    /// Where `Esc` in the Deals view goes back to after `Enter` drilled into a vendor's deals: that view and the filter before.
    public var drilledFrom: (view: ViewID, filter: DealFilter)?
    public var overlay: Overlay?
    public var prompt: SearchPrompt?
    public var message: String?
    public var isError = false
    /// The add / edit form, the delete question and the undo stack.
    public var editing = EditingState()

    public var rows: Int
    public var cols: Int

    public init(
        feed: Feed, storeName: String, filter: DealFilter = DealFilter(), today: PartialDate,
        rows: Int = 24, cols: Int = 80
    ) {
        catalog = DealIndex(feed: feed, today: today, searchInBackground: true)
        self.storeName = storeName
        self.today = today
        self.filter = filter
        self.rows = rows
        self.cols = cols
        results = ResultSet(catalog: catalog, members: [], sort: .country, descending: false)
        recompute()
    }

    /// Where everything goes on screen for this state: computed once, then shared by the
    /// reducer and the frame drawn (see `FrameLayout`).
    var frame: FrameLayout { frameCache.frame(for: self) }

    // MARK: - What is selected

    /// The deals listed in the current view, in order (the Countries view: the selected country's).
    var currentDealRows: [Int32] {
        switch view {
        case .countries: return selectedCountry.map { results.rows(ofCountry: $0.id) } ?? []
        case .deals: return results.rows
        case .timeline: return results.rows
        case .vendors: return []
        }
    }

    /// The countries listed, in the list's order.
    var countryRows: [GroupTotal] { results.countries(by: countrySort, descending: countryDescending) }
    /// The vendors listed, in the view's order.
    var vendorRows: [GroupTotal] { results.vendors(by: vendorSort, descending: vendorDescending) }

    var selectedCountry: GroupTotal? {
        let c = countryRows
        return c.isEmpty ? nil : c[min(countryCursor.index, c.count - 1)]
    }

    var selectedVendor: GroupTotal? {
        let v = vendorRows
        return v.isEmpty ? nil : v[min(vendorsCursor.index, v.count - 1)]
    }

    /// The deal the cursor is on in the current view, if the view has one.
    var selectedDeal: Int32? {
        if let detail { return detail.deal }
        switch view {
        case .countries:
            let r = currentDealRows
            return r.isEmpty ? nil : r[min(countryDealCursor.index, r.count - 1)]
        case .deals:
            let r = results.rows
            return r.isEmpty ? nil : r[min(dealsCursor.index, r.count - 1)]
        case .timeline:
            let t = results.timeline
            guard !t.laneLines.isEmpty else { return nil }
            if case .deal(let i) = t.lines[t.laneLines[min(timelineCursor.index, t.laneLines.count - 1)]] { return i }
            return nil
        case .vendors:
            return nil
        }
    }

    /// Where the cursor is in the list the keys act on: `row 123/701`; nil in a detail.
    public var position: String? {
        guard detail == nil else { return nil }
        let at: Int
        let count: Int
        switch sortPane {
        case .countries: (at, count) = (countryCursor.index, countryRows.count)
        case .vendors: (at, count) = (vendorsCursor.index, vendorRows.count)
        case .deals:
            switch view {
            case .countries: (at, count) = (countryDealCursor.index, currentDealRows.count)
            case .timeline: (at, count) = (timelineCursor.index, results.timeline.laneLines.count)
            default: (at, count) = (dealsCursor.index, results.rows.count)
            }
        }
        return count == 0 ? "row 0/0" : "row \(CountText.grouped(min(at, count - 1) + 1))/\(CountText.grouped(count))"
    }

    /// Which list `s` and `S` sort: the Countries view's list or deal table, the vendors, or the deals.
    public enum SortPane: Sendable, Equatable { case countries, vendors, deals }

    public var sortPane: SortPane {
        switch view {
        case .countries: return focus == .list ? .countries : .deals
        case .vendors: return .vendors
        case .deals, .timeline: return .deals
        }
    }

    /// The deals' sort as the current view's deal table shows it: within one country, by
    /// country is by announcement date.
    var shownSort: DealSort { view == .countries && sort == .country ? .announced : sort }

    /// Whether the list `s` sorts is in descending order.
    public var sortDescending: Bool {
        switch sortPane {
        case .countries: return countryDescending
        case .vendors: return vendorDescending
        case .deals: return descending
        }
    }

    /// What the header says of the order of the list the keys act on, naming the column's header: `sort countries: ambition ▼`.
    public var sortLabel: String {
        let arrow = sortDescending ? "▼" : "▲"
        switch sortPane {
        case .countries: return "sort countries: \(countrySort.header(countries: true)) \(arrow)"
        case .vendors: return "sort vendors: \(vendorSort.header(countries: false)) \(arrow)"
        case .deals:
            return
                "sort deals: \(DealColumn.allCases.first { $0.sort == shownSort }?.header ?? shownSort.rawValue) \(arrow)"
        }
    }

    /// The id of the deal under the cursor.
    public var selectedDealID: String? { selectedDeal.map { catalog.deals[Int($0)].id } }

    /// How many deals pass the filter, and how many the store holds.
    public var shownCount: Int { results.rows.count }
    public var totalCount: Int { catalog.count }

    // MARK: - Changing what is shown

    /// Applies a new filter, keeping each view's selection on the same deal, country and vendor where they remain.
    public mutating func setFilter(_ f: DealFilter) {
        let keep = CursorTargets(self)
        filter = f
        recompute()
        keep.restore(into: &self)
    }

    public mutating func setSort(_ s: DealSort, descending d: Bool) {
        let keep = CursorTargets(self)
        sort = s
        descending = d
        results = ResultSet(
            catalog: catalog, members: results.members, sort: sort, descending: descending,
            widths: results.columnWidths)
        keep.restore(into: &self)
    }

    /// Swaps in a new feed (after an edit or a change on disk), keeping the selections by deal id.
    public mutating func replaceFeed(_ feed: Feed) {
        let keep = CursorTargets(self)
        catalog = DealIndex(feed: feed, today: today, searchInBackground: true)
        searchCache = SearchCache()
        if let d = detail {
            if let i = catalog.index(ofID: d.id) { detail?.deal = i } else { detail = nil }
        }
        recompute()
        keep.restore(into: &self)
    }

    /// Installs a piece built by an `IndexBuilder` for this state's feed.
    func adopt(_ piece: IndexBuilder.Piece) {
        switch piece {
        case .sort(let sort, let index): catalog.adoptSortIndex(index, for: sort)
        }
    }

    /// Rebuilds the result for the current filter, narrowing the last search result when the query only grew.
    private mutating func recompute() {
        let members = searchCache.members(for: filter, catalog: catalog)
        // The cells measured for the last result, while it is of the same feed.
        let widths = results.catalog === catalog ? results.columnWidths : nil
        results = ResultSet(catalog: catalog, members: members, sort: sort, descending: descending, widths: widths)
    }
}

extension AppState {
    /// Moves the cursor of `view` to the deal, country or vendor it was on before the last result change.
    mutating func restorePending(for view: ViewID) {
        let r = results
        var p = pendingTargets
        switch view {
        case .countries:
            if let country = p.country, let at = countryRows.firstIndex(where: { $0.key == country }) {
                countryCursor.index = at
            }
            if let id = p.countryDeal, let c = selectedCountry, let i = catalog.index(ofID: id),
                let at = r.rows(ofCountry: c.id).firstIndex(of: i)
            {
                countryDealCursor.index = at
            }
            p.country = nil
            p.countryDeal = nil
        case .deals:
            // By index, not by comparing ids row by row: 100,000 string comparisons were a
            // sixth of a search keystroke.
            if let id = p.deal, let i = catalog.index(ofID: id), let at = r.rows.firstIndex(of: i) {
                dealsCursor.index = at
            }
            p.deal = nil
        case .vendors:
            if let v = p.vendor, let at = vendorRows.firstIndex(where: { $0.key == v }) { vendorsCursor.index = at }
            p.vendor = nil
        case .timeline:
            if let id = p.timeline, let target = catalog.index(ofID: id) {
                let t = r.timeline
                if let at = t.laneLines.firstIndex(where: {
                    if case .deal(let i) = t.lines[$0] { return i == target }
                    return false
                }) {
                    timelineCursor.index = at
                }
            }
            p.timeline = nil
        }
        pendingTargets = p
    }
}

/// The search results of recent queries over one base filter, so a growing query narrows the last result.
private struct SearchCache {
    private var baseFilter: DealFilter?
    private var base: [Int32] = []
    /// Most recent last: (needle, members).
    private var recent: [([UInt8], [Int32])] = []

    mutating func members(for filter: DealFilter, catalog: DealIndex) -> [Int32] {
        var withoutSearch = filter
        withoutSearch.search = ""
        if baseFilter != withoutSearch {
            baseFilter = withoutSearch
            base = catalog.baseMembers(withoutSearch)
            recent = []
        }
        let needle = SearchIndex.needle(filter.search)
        if needle.isEmpty { return base }
        if let hit = recent.last(where: { $0.0 == needle }) { return hit.1 }
        // Every deal that contains the new needle contains any part of it, so the
        // result of a query it contains is a superset to narrow.
        var candidates = base
        for (n, m) in recent.reversed() where m.count < candidates.count && SearchCache.contains(needle, n) {
            candidates = m
        }
        let found = catalog.search.filter(candidates, needle: needle)
        recent.append((needle, found))
        if recent.count > 32 { recent.removeFirst() }
        return found
    }

    private static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count else { return false }
        if needle.isEmpty { return true }
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
            if hay[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
