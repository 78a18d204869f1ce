/// What a key does in the dashboard's views, as the reducers dispatch on it.
enum KeyAction: Sendable, Equatable {
    case view(ViewID)
    case nextView, previousView
    case up, down, pageUp, pageDown, first, last, left, right
    case open, back
    case search, pickCountries, pickVendors, filterHere, clearFilters
    case sort, reverseSort, columns, export, changes, logScale
    case add, edit, delete, undo, redo, addMilestone, addSource, takeOurs, takeTheirs
    case help, redraw, quit
}
