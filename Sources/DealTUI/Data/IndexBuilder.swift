import DealKit
import Foundation
import Synchronization

/// Builds every sort order on a background thread; the main loop adopts each when ready.
///
/// On a large store each sort order takes a noticeable part of a second (docs/performance.md):
/// done after the first frame, the first `s` is then as quick as the rest. (The search
/// index is built by `DealIndex` itself, from the start.) Only finished values cross
/// threads (deals in, indexes out, all Sendable), so curses and the state stay on the
/// main thread. Anything asked for before it is ready is simply built on the main thread,
/// as without this builder.
final class IndexBuilder: Sendable {
    /// One finished piece.
    enum Piece: Sendable {
        case sort(DealSort, SortIndex)
    }

    private let ready = Mutex<[Piece]>([])
    private let finished = Atomic<Bool>(false)

    init(deals: [Deal], idRank: [Int32], today: PartialDate, first: DealSort) {
        Thread.detachNewThread { [self] in
            // The sort `s` picks next comes first.
            let all = DealSort.allCases
            let start = (all.firstIndex(of: first) ?? 0) + 1
            for k in 0..<all.count {
                let sort = all[(start + k) % all.count]
                let index = SortIndex(sort, deals: deals, idRank: idRank, today: today)
                ready.withLock { $0.append(.sort(sort, index)) }
            }
            finished.store(true, ordering: .releasing)
        }
    }

    /// The pieces finished since the last call.
    func take() -> [Piece] {
        ready.withLock { pieces in
            defer { pieces = [] }
            return pieces
        }
    }

    var isFinished: Bool { finished.load(ordering: .acquiring) }
}
