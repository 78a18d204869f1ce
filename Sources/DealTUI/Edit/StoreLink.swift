import DealKit
import Foundation

/// The run loop's side of editing: carries out `.apply` effects on a `StoreSession` and
/// notices when another writer saved, looking at the store every `interval` (its
/// `watchInterval`: a `stat` four times a second for a file, a memory read for a database that pushes
/// its saves), and when the store cannot be reached and when it can again.
struct StoreLink {
    private(set) var session: StoreSession
    /// Seconds between two looks at the store.
    var interval: Double
    private var lastCheck: UInt64 = 0
    /// The last reload failure reported, so a file that stays unreadable is reported once.
    private var lastFailure: String?
    /// Why the store is unreachable, while it is: reported once, and its end too.
    private var lost: String?
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

    /// Reloads when another writer saved; at most once per `interval` unless `force`d (a
    /// `force` asks the store itself rather than its watch). Says when the store is lost and
    /// when it is back, once each.
    mutating func poll(force: Bool = false) -> StoreEvent? {
        let t = now()
        guard force || t &- lastCheck >= UInt64(interval * 1e9) else { return nil }
        lastCheck = t
        let seen: StoreWatch = force ? .changed : session.store.watch(since: session.snapshot)
        if case .lost(let why) = seen {
            defer { lost = why }
            return lost == nil ? .lost(why) : nil
        }
        let back = lost != nil
        lost = nil
        guard seen == .changed, session.changedOnDisk else { return back ? .reconnected(nil, changed: 0) : nil }
        let before = session.snapshot.feed
        do {
            guard try session.reloadIfChanged() else { return back ? .reconnected(nil, changed: 0) : nil }
        } catch {
            let why = "\(error)"
            defer { lastFailure = why }
            return why == lastFailure ? nil : .reloadFailed(why)
        }
        lastFailure = nil
        let changed = StoreLink.changedCount(before, session.snapshot.feed)
        return back
            ? .reconnected(session.snapshot.feed, changed: changed) : .reloaded(session.snapshot.feed, changed: changed)
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
