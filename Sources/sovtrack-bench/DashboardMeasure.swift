import DealKit
import DealTUI

/// `measure-dashboard FILE`: the dashboard's first frame and keystrokes, rendered into the
/// in-memory cell grid, in a child process of its own.
enum DashboardMeasure {
    static func run(file: String) throws {
        // The dashboard's pure state and grid renderer have not landed yet.
        _ = file
    }
}
