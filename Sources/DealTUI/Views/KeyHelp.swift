/// Every key the dashboard knows, grouped as the help overlay and the user guide list them.
enum KeyHelp {
    struct Entry: Sendable {
        var keys: String
        var action: String
    }

    static let sections: [(title: String, entries: [Entry])] = [
        ("Views", [
            Entry(keys: "1 2 3 4", action: "Countries, Deals, Vendors, Timeline"),
            Entry(keys: "Tab  Shift-Tab", action: "next / previous view"),
            Entry(keys: "Enter", action: "open the deal (Countries list: go to its deals)"),
            Entry(keys: "Esc", action: "back (detail, overlay, prompt, deal table)"),
        ]),
        ("Moving", [
            Entry(keys: "↑ ↓  k j", action: "previous / next row"),
            Entry(keys: "← →  h l", action: "previous / next column (Countries: list ⇄ deals)"),
            Entry(keys: "PgUp PgDn", action: "a page up / down"),
            Entry(keys: "g G  Home End", action: "first / last row"),
        ]),
        ("Filtering", [
            Entry(keys: "/", action: "search as you type: titles, names, models, sites, tags"),
            Entry(keys: "c", action: "pick countries (space ticks, Enter applies)"),
            Entry(keys: "v", action: "pick vendors"),
            Entry(keys: "f", action: "filter by the value under the cursor"),
            Entry(keys: "F", action: "clear every filter"),
        ]),
        ("Sorting and export", [
            Entry(keys: "s", action: "sort by the next column"),
            Entry(keys: "S", action: "reverse the sort"),
            Entry(keys: "x", action: "export this view as md, csv or json, or the report (html)"),
            Entry(keys: "C", action: "what changed in the last 7 days (+/- a week)"),
        ]),
        ("Editing", [
            Entry(keys: "a", action: "add a deal"),
            Entry(keys: "e", action: "edit the selected deal"),
            Entry(keys: "d", action: "delete the selected deal (asks first)"),
            Entry(keys: "u", action: "undo the last change saved here"),
            Entry(keys: "Ctrl-R", action: "redo what u undid"),
            Entry(keys: "m  o", action: "add a milestone / a source to the selected deal"),
            Entry(keys: "Tab  Shift-Tab", action: "form: next / previous field"),
            Entry(keys: "Ctrl-N Ctrl-P", action: "form: allowed values; on a list: a new row"),
            Entry(keys: "Ctrl-S  Esc", action: "form: save / cancel"),
        ]),
        ("Figures", [
            Entry(keys: "committed", action: "MW built or contracted: the larger of initial and operational"),
            Entry(keys: "ambition", action: "the target MW; the committed MW where no target is known"),
            Entry(keys: "op MW", action: "MW running today"),
            Entry(keys: "55 → 1,000", action: "55 MW committed towards a 1,000 MW target"),
            Entry(keys: "-", action: "unknown (never zero); totals add the known figures"),
            Entry(keys: "█ ░", action: "bar: committed MW, then the ambition beyond it"),
            Entry(keys: "L", action: "bars on a log scale (the bar's header says which)"),
        ]),
        ("Other", [
            Entry(keys: "?  F1", action: "this help"),
            Entry(keys: "Ctrl-L", action: "redraw the screen"),
            Entry(keys: "q  Ctrl-C", action: "quit (q closes a detail or overlay first)"),
            Entry(keys: "mouse", action: "click selects (again: opens), wheel scrolls, click a tab"),
        ]),
    ]

    /// The help as lines: section titles and `keys  action` rows.
    static var lines: [(keys: String, action: String, isTitle: Bool)] {
        var out: [(String, String, Bool)] = []
        for (i, s) in sections.enumerated() {
            if i > 0 { out.append(("", "", false)) }
            out.append((s.title, "", true))
            for e in s.entries { out.append((e.keys, e.action, false)) }
        }
        return out
    }
}
