/// The screen and keyboard the dashboard runs on: ncurses in the program, a fake in tests.
@MainActor
public protocol Terminal: AnyObject {
    var rows: Int { get }
    var cols: Int { get }
    /// The next input, or nil when none came within the terminal's read timeout.
    func read() -> InputEvent?
    /// Makes the screen show `grid`, sending only what changed since the last paint.
    func paint(_ grid: CellGrid)
    /// Forgets what is on screen, so the next paint redraws every cell.
    func invalidate()
}
