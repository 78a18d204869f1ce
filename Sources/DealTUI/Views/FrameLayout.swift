import DealKit

/// Where everything goes for one state at one terminal size, worked out once: the reducer reads it
/// to page, scroll and hit-test, and `Screen` hands the same kind of value to the views that draw.
///
/// It holds what both sides need (rects, the active deal table's columns and focus, the detail's
/// wrapped lines); column placement itself stays in `DealTable`, which only drawing needs.
struct FrameLayout {
    let layout: Layout
    /// The Countries view's list and deal table (also computed for other views: it is two rects).
    let countries: (list: Rect, table: Rect, sideBySide: Bool)
    /// The deal table's columns in the Countries or Deals view (`←` `→` walk them; `f` filters by the focused one).
    let dealColumns: [DealColumn]
    let focusColumn: DealColumn
    /// The open detail's lines wrapped to the body, or nil without a detail.
    let detailLines: [DetailView.Line]?

    init(_ s: AppState) {
        layout = Layout(s)
        countries = layout.countries(countryCount: s.countryRows.count)
        dealColumns = s.view == .countries ? DealColumn.countryDeals : DealColumn.dealsView
        let index = s.view == .countries ? s.countryColumn : s.dealsColumn
        focusColumn = dealColumns[min(max(index, 0), dealColumns.count - 1)]
        if let d = s.detail, !layout.tooSmall {
            detailLines = DetailView.lines(of: Int(d.deal), in: s.catalog, width: layout.body.width, today: s.today)
        } else {
            detailLines = nil
        }
    }

    var body: Rect { layout.body }
}
