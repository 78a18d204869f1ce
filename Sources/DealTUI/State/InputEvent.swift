import DealKit

/// One thing the user did, as the terminal reports it; the reducer's only input besides its state.
public enum InputEvent: Sendable, Hashable {
    /// A printable character (including space).
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    /// The Delete key (forward delete), not Backspace.
    case delete
    /// F1 to F12.
    case function(Int)
    /// Ctrl plus a letter, e.g. `.control("c")` for Ctrl-C.
    case control(Character)
    /// The terminal now has this many rows and columns.
    case resize(rows: Int, cols: Int)
    case click(y: Int, x: Int)
    case wheelUp(y: Int, x: Int)
    case wheelDown(y: Int, x: Int)
}

/// What the reducer asks the edge to do, since it cannot touch files or the terminal itself.
public enum Effect: Sendable, Equatable {
    case quit
    /// Write an export of the current view; the run loop reports the path back.
    case export(OutputFormat)
    /// Repaint every cell (Ctrl-L).
    case redraw
    /// Save a change through the store (`undo`: it undoes an earlier one); the answer comes back as a `StoreEvent`.
    case apply(StoreSession.Change, undo: Bool)
}
