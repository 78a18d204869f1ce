import Dispatch
import Synchronization

/// A `SearchIndex` being built on another thread, to be waited for rather than built twice.
///
/// Only the deals (a value) go in and the finished index comes out, so nothing is shared
/// while it is built; the lock orders the hand-over.
final class SearchBuild: Sendable {
    private let result = Mutex<SearchIndex?>(nil)
    private let tabled = Mutex<SearchIndex?>(nil)
    private let finished = DispatchGroup()

    init(deals: [Deal]) {
        finished.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            // One core: the other builds the rest of the dashboard's first frame meanwhile.
            // The text first, the table of bytes after: a search need not wait for the table.
            let index = SearchIndex(deals: deals, cores: 1, table: false)
            result.withLock { $0 = index }
            finished.leave()
            let withTable = index.withTable()
            tabled.withLock { $0 = withTable }
        }
    }

    /// The index with its table of bytes, once that is made too.
    var withTable: SearchIndex? { tabled.withLock { $0 } }

    var isDone: Bool { result.withLock { $0 != nil } }

    /// The index, once built.
    func wait() -> SearchIndex {
        finished.wait()
        return result.withLock { $0! }
    }
}
