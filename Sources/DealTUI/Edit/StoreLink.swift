import DealKit
import Foundation

/// The run loop's side of editing: carries out `.apply` effects on a `StoreSession` and
/// notices, with a cheap stat about once a second, when another writer changed the file.
struct StoreLink {
    private(set) var session: StoreSession
    /// Seconds between two looks at the file.
    var interval: Double
    private var lastCheck: UInt64 = 0
    /// The last reload failure reported, so a file that stays unreadable is reported once.
    private var lastFailure: String?
    /// Nanoseconds since boot; replaceable for tests.
    var now: () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }

    init(session: StoreSession, interval: Double = 1) {
        self.session = session
        self.interval = interval
    }

    /// Applies one change under the store's lock and says how it went.
    mutating func apply(_ change: StoreSession.Change, undo: Bool) -> StoreEvent {
        do {
            try session.apply(change)
            return .applied(change, undo: undo, feed: session.snapshot.feed)
        } catch let c as StoreSession.Conflict {
            return .refused(change, undo: undo, c)
        } catch {
            return .failed(change, undo: undo, message: "\(error)")
        }
    }

    /// Reloads when the file changed on disk; at most once per `interval` unless `force`d.
    mutating func poll(force: Bool = false) -> StoreEvent? {
        let t = now()
        guard force || t &- lastCheck >= UInt64(interval * 1e9) else { return nil }
        lastCheck = t
        guard session.changedOnDisk else { return nil }
        let before = session.snapshot.feed
        do {
            guard try session.reloadIfChanged() else { return nil }
        } catch {
            let why = "\(error)"
            defer { lastFailure = why }
            return why == lastFailure ? nil : .reloadFailed(why)
        }
        lastFailure = nil
        return .reloaded(session.snapshot.feed, changed: StoreLink.changedCount(before, session.snapshot.feed))
    }

    /// How many deals were added, removed or changed between two feeds, matched by id.
    static func changedCount(_ old: Feed, _ new: Feed) -> Int {
        var byID: [String: Deal] = [:]
        byID.reserveCapacity(old.deals.count)
        for d in old.deals { byID[d.id] = d }
        var changed = 0
        for d in new.deals {
            if let o = byID.removeValue(forKey: d.id) { if o != d { changed += 1 } } else { changed += 1 }
        }
        return changed + byID.count
    }
}
