/// Every key the dashboard knows, in one place: the reducers dispatch on it, the help overlay and
/// the footer show it, and the user guide's key table is generated from it (`KeyMapTests`).
///
/// The form's own keys (typing, cursor movement) stay in `FormReducer`; their rows here only explain.
enum KeyMap {
    static let sections: [(title: String, bindings: [KeyBinding])] = [
        (
            "Views",
            [
                KeyBinding(
                    "1 2 3 4", "Countries, Deals, Vendors, Timeline", footer: ("1-4", "views"),
                    ViewID.allCases.map { (.char(Character(String($0.rawValue))), .view($0)) }),
                KeyBinding("Tab  Shift-Tab", "next / previous view", [(.tab, .nextView), (.backTab, .previousView)]),
                KeyBinding(
                    "Enter", "open the deal (Countries list: go to its deals)",
                    guide:
                        "open the deal under the cursor (`5` does too); in the Countries list, go to its deals; in Vendors, the vendor's deals",
                    on: [.enter, .char("5")], does: .open),
                KeyBinding(
                    "Esc", "back (detail, overlay, prompt, deal table)",
                    guide:
                        "back: closes the detail, an overlay or the search prompt; in Countries, from the deals to the list; in Deals after `Enter` on a vendor, back to Vendors with the filter as it was",
                    on: [.escape], does: .back),
            ]
        ),
        (
            "Moving",
            [
                KeyBinding(
                    "↑ ↓  k j", "previous / next row", guide: "previous / next row (in the detail: scroll)",
                    footer: ("↑↓", "move"),
                    [(.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down)]),
                KeyBinding(
                    "← →  h l", "previous / next column (Countries: list ⇄ deals)",
                    guide: "previous / next column (the column `f` uses); in Countries, between the list and the deals",
                    [(.left, .left), (.char("h"), .left), (.right, .right), (.char("l"), .right)]),
                KeyBinding(
                    "PgUp PgDn", "a page up / down", guide: "a page up / down (`Ctrl-B` `Ctrl-F` too)",
                    [(.pageUp, .pageUp), (.control("b"), .pageUp), (.pageDown, .pageDown), (.control("f"), .pageDown)]),
                KeyBinding(
                    "g G  Home End", "first / last row",
                    [(.home, .first), (.char("g"), .first), (.end, .last), (.char("G"), .last)]),
            ]
        ),
        (
            "Filtering",
            [
                KeyBinding(
                    "/", "search as you type: titles, names, models, sites, tags",
                    guide:
                        "search as you type, over titles, sponsors, partners, models, products, sites and tags (as `--search`); `Enter` keeps it, `Esc` restores the previous search, `Ctrl-U` clears it, `↑` `↓` move meanwhile; the matches are highlighted in the rows",
                    footer: ("/", "search"), on: [.char("/")], does: .search),
                KeyBinding(
                    "c", "pick countries (space ticks, Enter applies)",
                    guide:
                        "pick countries: a list with each country's deal count; type to narrow it (`Ctrl-U` clears what you typed), `Space` ticks, `Enter` applies, `Esc` cancels",
                    footer: ("c v", "pick"), on: [.char("c")], does: .pickCountries),
                KeyBinding(
                    "v", "pick vendors", guide: "pick vendors, the same way; `(none)` picks the deals without a vendor",
                    on: [.char("v")], does: .pickVendors),
                KeyBinding(
                    "f", "filter by the value under the cursor",
                    guide:
                        "filter by the value under the cursor: the country, vendor, partner, status, announcement period or minimum MW of that cell (the figure as shown: `f` on `2.9` is at least 2.9 MW); a title, sponsor or model becomes the search text",
                    footer: ("f", "filter"), on: [.char("f")], does: .filterHere),
                KeyBinding(
                    "F", "clear every filter",
                    guide: "clear every filter (including the search and the command line's)",
                    footer: ("F", "clear"), on: [.char("F")], does: .clearFilters),
            ]
        ),
        (
            "Sorting and export",
            [
                KeyBinding(
                    "s", "sort by the next column",
                    guide:
                        "sort the list the keys act on by its next column; the header's right end names the list and the column (`sort countries: ambition ▼`, `sort deals: MW ▲`, `sort vendors: share ▼`), and the column's header carries `▲`/`▼`. In Countries, `s` sorts the country list while it has the cursor and the deal table once `Enter`/`→` moved into it (the pane the keys act on has the bright column header). Figures start largest first, text from A",
                    footer: ("s S", "sort"), on: [.char("s")], does: .sort),
                KeyBinding(
                    "S", "reverse the sort",
                    guide: "reverse that sort (unknown values stay last; the vendors' `(none)` row is always last)",
                    on: [.char("S")], does: .reverseSort),
                KeyBinding(
                    "|", "columns of the deal table: show, hide, reorder",
                    guide:
                        "the column chooser of the Deals view's table, or of the Countries view's deals: every column, ticked when shown; `Space` shows or hides the one under the cursor, `[` `]` move it earlier or later, `r` puts the table's own columns back, `Esc` closes. The table changes as you go; the sorted column cannot be hidden, and `s` sorts by the columns shown. The choice lasts until you quit",
                    footer: ("|", "columns"), on: [.char("|")], does: .columns),
                KeyBinding(
                    "x", "export this view as md, csv or json, or the report (html)",
                    guide:
                        "export what the view shows, then `m` Markdown, `c` CSV or `j` JSON; or `r` the HTML report of the filter",
                    footer: ("x", "export"), on: [.char("x")], does: .export),
                KeyBinding(
                    "C", "what changed in the last 7 days (+/- a week)",
                    guide:
                        "Changes: what changed in the last 7 days (`+`/`-` a week more or less, `Enter` opens the deal)",
                    on: [.char("C")], does: .changes),
            ]
        ),
        (
            "Editing",
            [
                KeyBinding("a", "add a deal", guide: "add a deal: opens an empty form", on: [.char("a")], does: .add),
                KeyBinding(
                    "e", "edit the selected deal",
                    guide: "edit the selected deal (the one under the cursor, or the open detail)", on: [.char("e")],
                    does: .edit),
                KeyBinding(
                    "d", "delete the selected deal (asks first)",
                    guide:
                        "delete the selected deal, after a question that names it (`y` deletes, any other key keeps it)",
                    on: [.char("d")], does: .delete),
                KeyBinding(
                    "u", "undo the last change saved here",
                    guide: "undo the last change saved from this dashboard (repeat to go further back)",
                    on: [.char("u")], does: .undo),
                KeyBinding(
                    "Ctrl-R", "redo what u undid",
                    guide:
                        "redo: save again what `u` undid (repeat to go forward again); a change of your own ends what can be redone",
                    on: [.control("r")], does: .redo),
                KeyBinding(
                    "m  o", "add a milestone / a source to the selected deal",
                    guide: "add a milestone / a source to the selected deal: the form opens on a new row of that list",
                    [(.char("m"), .addMilestone), (.char("o"), .addSource)]),
                KeyBinding(
                    "<  >", "detail: settle a merge conflict: ours / theirs",
                    guide:
                        "in the detail of a deal a git merge left conflicted (its **Merge conflicts** come first, the one the keys settle marked `▶`): take our value (`<`) or theirs (`>`), as `sovtrack resolve --take ours|theirs` does; recorded in the history, `u` reopens it",
                    [(.char("<"), .takeOurs), (.char(">"), .takeTheirs)]),
                KeyBinding("Tab  Shift-Tab", "form: next / previous field"),
                KeyBinding("Ctrl-N Ctrl-P", "form: allowed values; on a list: a new row"),
                KeyBinding("Ctrl-S  Esc", "form: save / cancel"),
            ]
        ),
        (
            "Figures",
            [
                KeyBinding("committed", "MW built or contracted: the larger of initial and operational"),
                KeyBinding("ambition", "the target MW; the committed MW where no target is known"),
                KeyBinding("op MW", "MW running today"),
                KeyBinding("55 → 1,000", "55 MW committed towards a 1,000 MW target"),
                KeyBinding("-", "unknown (never zero); totals add the known figures"),
                KeyBinding("█ ░", "bar: committed MW, then the ambition beyond it"),
                KeyBinding(
                    "overdue", "next milestone: one planned but past, shown first",
                    guide:
                        "in a next milestone column: a planned milestone whose whole period has passed (`overdue 2026-Q1 phase 1`, in red); it is shown, and sorts, before any milestone to come"
                ),
                KeyBinding(
                    "L", "bars on a log scale (the bar's header says which)",
                    guide: "bars on a log scale, or back to linear (the bar's header says which)", on: [.char("L")],
                    does: .logScale),
            ]
        ),
        (
            "Other",
            [
                KeyBinding(
                    "?  F1", "this help",
                    guide:
                        "help: every key, and what committed, ambition and operational MW, `55 → 1,000` and the bar's `█` `░` mean; `g` `G` go to its top and bottom",
                    footer: ("?", "help"), on: [.char("?"), .function(1)], does: .help),
                KeyBinding("Ctrl-L", "redraw the screen", on: [.control("l")], does: .redraw),
                KeyBinding(
                    "q  Ctrl-C", "quit (q closes a detail or overlay first)",
                    guide: "quit (in the detail or an overlay, `q` closes it first); `Ctrl-C` quits from anywhere",
                    footer: ("q", "quit"), [(.char("q"), .quit), (.control("c"), .quit)]),
                KeyBinding("mouse", "click selects (again: opens), wheel scrolls, click a tab"),
            ]
        ),
    ]

    /// Every binding, in help order.
    static let bindings: [KeyBinding] = sections.flatMap(\.bindings)

    private static let byEvent: [InputEvent: KeyAction] = {
        var map: [InputEvent: KeyAction] = [:]
        for b in bindings {
            for t in b.triggers where map[t.event] == nil { map[t.event] = t.action }
        }
        return map
    }()

    /// What `e` does in the views, or nil when no binding lists it.
    static func action(for e: InputEvent) -> KeyAction? { byEvent[e] }

    /// The footer's short form of the binding that triggers `action`.
    static func footer(_ action: KeyAction) -> (String, String) {
        guard let b = bindings.first(where: { b in b.footer != nil && b.triggers.contains { $0.action == action } }),
            let f = b.footer
        else { preconditionFailure("no footer entry for \(action) in KeyMap") }
        return (f.keys, f.label)
    }

    /// The user guide's key tables, one per section, as Markdown.
    static var markdown: String {
        var out: [String] = []
        for (title, bindings) in sections {
            out += ["**\(title)**", "", "| keys | action |", "| --- | --- |"]
            for b in bindings {
                let keys = b.keys.components(separatedBy: "  ").map { "`\($0)`" }.joined(separator: ", ")
                out.append("| \(cell(keys)) | \(cell(b.guide ?? b.help)) |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// A Markdown table cell: a `|` would end the cell, even inside a code span (GFM).
    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
