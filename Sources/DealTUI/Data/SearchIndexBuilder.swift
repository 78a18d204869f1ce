import DealKit
import Foundation
import Synchronization

/// Builds a `SearchIndex` on a background thread; the main loop takes it when ready.
///
/// Only the finished index crosses threads (deals in, index out, both Sendable), so
/// curses and the state stay on the main thread.
final class SearchIndexBuilder: Sendable {
    private let result = Mutex<SearchIndex?>(nil)

    init(deals: [Deal]) {
        Thread.detachNewThread { [self] in
            let index = SearchIndex(deals: deals)
            result.withLock { $0 = index }
        }
    }

    /// The index once built, else nil.
    func take() -> SearchIndex? {
        result.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
