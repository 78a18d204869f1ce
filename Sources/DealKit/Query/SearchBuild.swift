import Dispatch
import Synchronization

/// A `SearchIndex` being built on another thread, to be waited for rather than built twice.
///
/// Only the deals (a value) go in and the finished index comes out, so nothing is shared
/// while it is built; the lock orders the hand-over.
final class SearchBuild: Sendable {
    private let result = Mutex<SearchIndex?>(nil)
    private let finished = DispatchGroup()

    init(deals: [Deal]) {
        finished.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            // One core: the other builds the rest of the dashboard's first frame meanwhile.
            let index = SearchIndex(deals: deals, cores: 1)
            result.withLock { $0 = index }
            finished.leave()
        }
    }

    var isDone: Bool { result.withLock { $0 != nil } }

    /// The index, once built.
    func wait() -> SearchIndex {
        finished.wait()
        return result.withLock { $0! }
    }
}
