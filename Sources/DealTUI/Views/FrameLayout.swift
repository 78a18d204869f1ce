import DealKit

/// Where everything goes for one state at one terminal size, worked out once: the reducer reads it
/// to page, scroll and hit-test, and `Screen` draws with the same value.
///
/// It holds what both sides need (rects, the active deal table's columns and focus, the detail's
/// wrapped lines); column placement itself stays in `DealTable`, which only drawing needs.
/// `AppState.frame` computes it once per state: the reducer's `settle` after a key asks for it,
/// and the frame drawn next reads the same value (the key's own handling reads the frame on
/// screen, which is what a click or a page refers to).
struct FrameLayout {
    let layout: Layout
    /// The Countries view's list and deal table; in other views the list as if it had no country.
    let countries: (list: Rect, table: Rect, sideBySide: Bool)
    /// The deal table's columns in the Countries or Deals view (`←` `→` walk them; `f` filters by the focused one).
    let dealColumns: [DealColumn]
    let focusColumn: DealColumn
    /// The open detail's lines wrapped to the body, or nil without a detail.
    let detailLines: [DetailView.Line]?
    /// What it was computed from.
    let key: Key

    /// Everything in a state the frame depends on: equal keys, equal frames.
    struct Key: Equatable {
        var rows: Int, cols: Int
        var view: ViewID
        var countryCount: Int
        var columns: [DealColumn]
        var column: Int
        var detail: Int32?
        var catalog: ObjectIdentifier
        var today: PartialDate

        init(_ s: AppState) {
            rows = s.rows
            cols = s.cols
            view = s.view
            // Only the Countries view needs the country list's length: the other views do not build it.
            countryCount = s.view == .countries && s.detail == nil ? s.countryRows.count : 0
            columns = s.columnChoice.shown
            column = s.view == .countries ? s.countryColumn : s.dealsColumn
            detail = s.detail?.deal
            catalog = ObjectIdentifier(s.catalog)
            today = s.today
        }
    }

    init(_ s: AppState) {
        let key = Key(s)
        self.key = key
        layout = Layout(s)
        countries = layout.countries(countryCount: key.countryCount)
        dealColumns = key.columns
        focusColumn = dealColumns[min(max(key.column, 0), dealColumns.count - 1)]
        if let d = s.detail, !layout.tooSmall {
            detailLines = DetailView.lines(of: Int(d.deal), in: s.catalog, width: layout.body.width, today: s.today)
        } else {
            detailLines = nil
        }
    }

    var body: Rect { layout.body }

    /// The last frame computed for a state and its copies, and how many were computed (for tests).
    final class Cache {
        var frame: FrameLayout?
        private(set) var computed = 0

        func frame(for s: AppState) -> FrameLayout {
            let key = Key(s)
            if let f = frame, f.key == key { return f }
            let f = FrameLayout(s)
            frame = f
            computed += 1
            return f
        }
    }
}
