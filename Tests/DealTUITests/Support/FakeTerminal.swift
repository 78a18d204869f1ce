import DealKit
import XCTest

@testable import DealTUI

/// A terminal that plays keys and, between them, actions of the test (another writer saving),
/// and keeps every frame painted.
///
/// It lives here rather than in TestSupport because `Terminal` is DealTUI's, and the DealKit
/// tests must not link the terminal layer.
@MainActor
final class FakeTerminal: Terminal {
    enum Step {
        case key(InputEvent)
        case run(@MainActor () throws -> Void)
    }

    var rows: Int
    var cols: Int
    var steps: [Step]
    var frames: [CellGrid] = []
    var invalidated = 0
    /// Set once every step has been read.
    var done = false
    /// What `read()` gives once the steps run out: `q` ends the loop; nil lets a stop request end it.
    private let afterLastStep: InputEvent?

    /// Replays `events`, then reads `q`.
    init(rows: Int = 24, cols: Int = 80, events: [InputEvent]) {
        self.rows = rows
        self.cols = cols
        steps = events.map { .key($0) }
        afterLastStep = .char("q")
    }

    /// Plays `steps`, then reads nothing (end the loop with `shouldStop = { t.done }`).
    init(rows: Int = 24, cols: Int = 80, _ steps: [Step]) {
        self.rows = rows
        self.cols = cols
        self.steps = steps
        afterLastStep = nil
    }

    /// The keys not read yet.
    var events: [InputEvent] {
        steps.compactMap { if case .key(let e) = $0 { e } else { nil } }
    }

    func read() -> InputEvent? {
        guard !steps.isEmpty else {
            done = true
            return afterLastStep
        }
        switch steps.removeFirst() {
        case .key(let e):
            if case .resize(let r, let c) = e {
                rows = r
                cols = c
            }
            return e
        case .run(let action):
            XCTAssertNoThrow(try action())
            return nil
        }
    }

    func paint(_ grid: CellGrid) { frames.append(grid) }
    func invalidate() { invalidated += 1 }

    /// The last frame as text.
    var screen: String { frames.last?.text() ?? "" }
}
