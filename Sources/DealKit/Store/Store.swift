#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The deal store kept in one feed file, loaded whole, validated, and saved atomically under
/// a lock: the `DealStore` that needs no server.
public struct Store: DealStore {
    /// A feed as loaded, with the version of the file it came from.
    public struct Snapshot: Sendable {
        public var feed: Feed
        public var fingerprint: FileSystem.Fingerprint?
        /// Warnings found while loading (errors refuse the load).
        public var warnings: [FeedIssue]
        /// The version of a store that is not a file (a database's count of saves), by which
        /// a session notices another writer's save; nil for a file, which has `fingerprint`.
        public var generation: Int64?

        public init(
            feed: Feed, fingerprint: FileSystem.Fingerprint? = nil, warnings: [FeedIssue] = [], generation: Int64? = nil
        ) {
            self.feed = feed
            self.fingerprint = fingerprint
            self.warnings = warnings
            self.generation = generation
        }
    }

    /// The deals of a store that passed a test, with what a report needs of the rest.
    ///
    /// Not a `Feed`, so that it cannot be saved over the store it leaves deals out of.
    public struct Selection: Sendable {
        public var deals: [Deal]
        public var updated: PartialDate?
        /// Warnings found in the whole store (errors refuse the load).
        public var warnings: [FeedIssue]
        /// The feed's top-level keys other than its deals (its `history`, say).
        public var extra: [JSONField]

        public init(deals: [Deal], updated: PartialDate?, warnings: [FeedIssue], extra: [JSONField] = []) {
            self.deals = deals
            self.updated = updated
            self.warnings = warnings
            self.extra = extra
        }
    }

    public let path: String
    /// Seconds a writer waits for another to finish before giving up.
    public var lockTimeout: Double
    /// How many previous versions a save keeps beside the store.
    public var backups: Int
    /// Today, for the feed's `updated` key; replaceable so tests are deterministic.
    public var today: @Sendable () -> PartialDate
    /// Given the feeds `update` held, instead of letting them go: a process about to exit can
    /// keep them, since freeing 100,000 deals one allocation at a time is wasted work then.
    public var keep: (@Sendable (Feed) -> Void)?
    /// Told when a save upgrades the file from an older feed version (the one it had), so the
    /// user hears of it once; reading never upgrades.
    public var onUpgrade: (@Sendable (_ from: Int) -> Void)?
    /// Who is changing the store and why: when set, each save also records a revision per
    /// deal changed, in the same file and the same atomic write (see docs/history.md).
    public var recorder: RevisionRecorder?

    public init(
        path: String, lockTimeout: Double = 10, backups: Int = 3,
        today: @escaping @Sendable () -> PartialDate = CalendarClock.today
    ) {
        self.path = path
        self.lockTimeout = lockTimeout
        self.backups = backups
        self.today = today
    }

    /// Reads and fully validates a feed file; refuses one with any error.
    ///
    /// `indexing: false` for a file that is only read (a command's FEED operand): nothing is
    /// written beside a file that is not the store.
    public static func load(path: String, indexing: Bool = true) throws -> Snapshot {
        try load(path: path, naming: path, indexing: indexing)
    }

    /// `load` of `file`, naming it `name` in errors (the path the user gave, not its link's target).
    ///
    /// `indexing: false` for a load before a save: the index it would write (when there is
    /// none for these bytes) would be stale as soon as the save is done.
    static func load(path file: String, naming name: String, indexing: Bool = true) throws -> Snapshot {
        let fingerprint = FileSystem.fingerprint(file)
        let result = try decode(file, naming: name) { try StoreIndex.decode(file: file, writing: indexing) }
        return Snapshot(feed: result.feed, fingerprint: fingerprint, warnings: result.issues)
    }

    /// Loads `file` for a save, keeping a history in the canonical layout as its text: the
    /// feed's `history` key then holds a placeholder, and only `write(_:to:checking:history:)`
    /// with that text may have the feed (the save costs the same whatever the history's length).
    static func loadForSave(path file: String, naming name: String) throws -> (Feed, HistoryText?) {
        let result = try decode(file, naming: name) {
            try StoreIndex.decode(file: file, writing: false, historyText: true)
        }
        return (result.feed, result.history)
    }

    /// `decode`'s result, with the file's errors and the feed's named after `name`.
    private static func decode(
        _ file: String, naming name: String, _ decode: () throws -> FeedDecoder.Result
    ) throws -> FeedDecoder.Result {
        let result: FeedDecoder.Result
        do {
            result = try decode()
        } catch FileError.notFound { throw StoreError.notFound(path: name) } catch FileError.unreadable(_, let reason) {
            throw StoreError.unreadable(path: name, reason: reason)
        }
        if result.hasErrors {
            throw StoreError.invalid(path: name, issues: result.issues, omittedErrors: result.omittedErrors)
        }
        return result
    }

    public func load() throws -> Snapshot { try Store.load(path: path) }

    /// Reads and fully validates a feed file like `load`, keeping only the deals `keep` accepts.
    ///
    /// For commands that show some deals and change none: every deal is still read and
    /// checked, and a store with any error is refused as by `load`, but the deals let go are
    /// freed as soon as they are checked, and the next ones reuse their memory. `keep` may
    /// also trim the deals it keeps (drop the fields its caller never reads), to the same end.
    public static func select(path: String, where keep: @escaping @Sendable (inout Deal) -> Bool) throws -> Selection {
        let result = try StoreError.onStore { try StoreIndex.decode(file: path, keeping: keep) }
        if result.hasErrors {
            throw StoreError.invalid(path: path, issues: result.issues, omittedErrors: result.omittedErrors)
        }
        return Selection(
            deals: result.feed.deals, updated: result.feed.updated, warnings: result.issues, extra: result.feed.extra)
    }

    public func select(where keep: @escaping @Sendable (inout Deal) -> Bool) throws -> Selection {
        try Store.select(path: path, where: keep)
    }

    /// The deals that pass `filter`, in store order: a whole `load` when it passes every deal.
    public func select(matching filter: DealFilter) throws -> Selection {
        let compiled = filter.compiled()
        if compiled.matchesEverything {
            let snapshot = try load()
            return Selection(
                deals: snapshot.feed.deals, updated: snapshot.feed.updated, warnings: snapshot.warnings,
                extra: snapshot.feed.extra)
        }
        return try select { compiled.matches($0) }
    }

    /// Creates the store from `bytes` (the bundled dataset) if it does not exist yet.
    public func initializeIfMissing(with bytes: [UInt8]) throws {
        guard !FileSystem.exists(path) else { return }
        let file = FileSystem.resolvingLinks(path)
        try StoreError.onStore { try FileSystem.makeDirectories(FileSystem.directory(of: file)) }
        let lock = try lockForWriting(file)
        defer { withExtendedLifetime(lock) {} }
        if !FileSystem.exists(file) { try StoreError.onStore { try FileSystem.writeAtomically(bytes, to: file) } }
    }

    /// Applies a change to the current file under the lock and saves it, if the result is valid.
    ///
    /// The change runs on what is on disk now, not on an older copy, so changes by other
    /// writers are never lost. `createIfMissing` starts from an empty feed when there is no file.
    @discardableResult
    public func update<T>(createIfMissing: Bool = false, _ change: (inout Feed) throws -> T) throws -> T {
        let (lock, loaded, _, _) = try lockAndLoad(createIfMissing: createIfMissing, historyText: false)
        defer { withExtendedLifetime(lock) {} }
        let file = lock.store
        var feed = consume loaded
        let before = feed
        let result = try change(&feed)
        // A change that changes nothing writes nothing: no new `updated`, no backup pushed out.
        // `before` (kept for that anyway, and validated by the load) spares checking the
        // deals the change left alone.
        if feed != before || !FileSystem.exists(file) {
            // Written first: `keep?(try write(...))` would skip the write when `keep` is nil.
            let changed = DealValidator.changedRange(feed.deals, since: before.deals)
            recorder?.record(from: before.deals, in: &feed)
            let written = try write(consume feed, to: file, checking: changed)
            keep?(written)
        } else {
            keep?(feed)
        }
        keep?(before)
        return result
    }

    /// Applies a change to the one deal with `id` under the lock and saves, if the result is
    /// valid; returns false, writing nothing, when the change changes nothing.
    ///
    /// `change` gets the deal, or nil when there is none; setting nil removes it, setting a
    /// deal where there was none adds it (at its place in id order). What `add`, `edit` and
    /// `remove` need, for less than `update` costs: the other deals are neither copied (to
    /// compare with afterwards), nor compared, nor checked again.
    @discardableResult
    public func update(
        deal id: String, createIfMissing: Bool = false,
        _ change: (inout Deal?) throws -> Void
    ) throws -> Bool {
        // The history as its text: this save adds a line to it and writes the rest as it was read.
        let (lock, loaded, creating, read) = try lockAndLoad(createIfMissing: createIfMissing, historyText: true)
        defer { withExtendedLifetime(lock) {} }
        var feed = consume loaded
        var history = read
        let found = feed.index(of: id)
        let before = found.map { feed.deals[$0] }
        var deal = before
        try change(&deal)
        if deal == before && !creating {
            keep?(feed)
            return false
        }
        if let recorder, let r = recorder.revision(id: before?.id ?? id, old: before, new: deal),
            history?.append(r) != true
        {
            // A line the text cannot hold: the whole history as a tree, as it was before there was a text.
            if let text = history {
                guard let tree = try? text.tree() else {
                    throw StoreError.invalid(
                        path: path,
                        issues: [FeedIssue(.error, .path(History.key), "cannot be read back; nothing saved")])
                }
                History.set(tree, in: &feed)
            }
            history = nil
            History.append(r, to: &feed)
        }
        let touched = feed.put(deal, at: found)
        let written = try write(consume feed, to: lock.store, checking: touched, history: history)
        keep?(written)
        return true
    }

    /// Takes the lock and loads the store, or starts an empty feed (`creating`) when it is
    /// missing and `createIfMissing` allows.
    ///
    /// `historyText`: a history in the canonical layout comes as its text, as `loadForSave` gives it.
    private func lockAndLoad(createIfMissing: Bool, historyText: Bool) throws -> (
        StoreLock, Feed, creating: Bool, history: HistoryText?
    ) {
        let file = FileSystem.resolvingLinks(path)
        if createIfMissing {
            try StoreError.onStore { try FileSystem.makeDirectories(FileSystem.directory(of: file)) }
        } else if !FileSystem.exists(file) {
            // Say the file is missing, not that its lock cannot be made in a missing directory.
            throw StoreError.notFound(path: path)
        }
        let lock = try lockForWriting(file)
        let creating = createIfMissing && !FileSystem.exists(file)
        if creating { return (lock, Feed(), creating, nil) }
        if historyText {
            // A text was checked as it was read: every revision reads.
            let (feed, history) = try Store.loadForSave(path: file, naming: path)
            if history == nil { try checkHistory(feed) }
            return (lock, feed, creating, history)
        }
        let feed = try Store.load(path: file, naming: path, indexing: false).feed
        try checkHistory(feed)
        return (lock, feed, creating, nil)
    }

    /// Takes the lock of `file` (the store with its links followed) for a change.
    ///
    /// Refuses first, before any lock file is made: a store its owner made read-only (no
    /// write bit for the owner: root would otherwise write it anyway), and anything that is
    /// not a regular file. When there is no lock file yet, the store must also be a feed (or
    /// not exist yet): a lock file is never made beside a file sovtrack would not write, such
    /// as `/etc/passwd`, whose `.lock` the system's account tools use.
    private func lockForWriting(_ file: String) throws -> StoreLock {
        var st = stat()
        if stat(file, &st) == 0 {
            if (st.st_mode & S_IFMT) != S_IFREG {
                throw StoreError.unreadable(path: path, reason: FileSystem.kindProblem(st.st_mode))
            }
            if st.st_mode & S_IWUSR == 0 { throw StoreError.readOnly(path: path) }
        }
        return try StoreLock(store: file, timeout: lockTimeout) {
            // Only whether it is a valid feed: a history as its text is not read into a tree.
            if FileSystem.exists(file) { _ = try Store.loadForSave(path: file, naming: path) }
        }
    }

    /// Applies a change like `update` and returns the feed as saved, with the fingerprint of
    /// the file written (taken under the lock, so no other writer can slip in between).
    ///
    /// `change` returns the indices of the deals it changed (an empty range at a deal it
    /// removed): only those are checked again, before anything is written, as by `update(deal:)`.
    public func commit(_ change: (inout Feed) throws -> Range<Int>) throws -> Snapshot {
        let file = FileSystem.resolvingLinks(path)
        let lock = try lockForWriting(file)
        defer { withExtendedLifetime(lock) {} }
        var feed = try Store.load(path: file, naming: path, indexing: false).feed
        try checkHistory(feed)
        let touched = try change(&feed)
        // No baseline to compare with, unlike `update`: keeping the loaded feed would cost a
        // copy of the deals array once the change edits it, more than checking every deal,
        // which the save does on the cores left idle while the disk writes (the figures:
        // docs/performance.md, "Figures behind choices in the code").
        let saved = try write(consume feed, to: file, checking: touched)
        return Snapshot(feed: saved, fingerprint: FileSystem.fingerprint(path), warnings: [])
    }

    /// Saves a feed loaded earlier, refusing if the file changed on disk since then.
    public func save(_ feed: Feed, expecting fingerprint: FileSystem.Fingerprint?) throws -> FileSystem.Fingerprint? {
        let file = FileSystem.resolvingLinks(path)
        let lock = try lockForWriting(file)
        defer { withExtendedLifetime(lock) {} }
        if FileSystem.fingerprint(file) != fingerprint { throw StoreError.changedOnDisk(path: path) }
        try write(feed, to: file)
        return FileSystem.fingerprint(path)
    }

    /// Validates, orders by id and writes; the caller holds the lock. Returns the feed as written.
    ///
    /// `checking` names the deals that may differ from a validated feed this one was made
    /// from, if any: only they are checked again (the ids of all are).
    ///
    /// `history`, the history's text from `loadForSave`, is written in the placeholder's place.
    @discardableResult
    private func write(
        _ feed: consuming Feed, to file: String, checking changed: Range<Int>? = nil, history: HistoryText? = nil
    ) throws -> Feed {
        let toCheck = changed ?? feed.deals.indices
        let inOrder = DealValidator.idsIncrease(feed.deals)
        if !inOrder {
            // Sorting renumbers the deals, and errors name them as given: check them first.
            let issues = DealValidator.errors(in: feed.deals, checking: toCheck)
            if !issues.isEmpty { throw StoreError.invalidChange(issues: issues) }
            // Sorting only when needed spares a copy of every deal.
            feed.deals.sort { $0.id < $1.id }
        }
        // A few deals to check (the one `update(deal:)` changed) are checked before writing
        // anything, so that a refused change costs no temporary file.
        let checkedFirst = !inOrder || toCheck.count <= Store.checkFirstLimit
        if inOrder && checkedFirst && !DealValidator.noErrors(in: feed.deals, toCheck) {
            throw StoreError.invalidChange(issues: DealValidator.errors(in: feed.deals, checking: toCheck))
        }
        feed.updated = today()
        if feed.version < Feed.currentVersion {
            onUpgrade?(feed.version)
            feed.version = Feed.currentVersion
        }
        FileSystem.removeStaleTemporaries(of: file)
        let written = feed
        // The bytes' fingerprint as they are written, for the index written after them.
        var hash = ContentHash.Incremental()
        try StoreError.onStore {
            try FileSystem.writeAtomically(to: file, backups: backups) { write in
                // Otherwise each chunk is checked on the core that encodes it, while the disk
                // writes the chunks before; a chunk with an error stops the write before the rename.
                let deals = written.deals
                var accept: (@Sendable (Range<Int>) -> Bool)?
                if !checkedFirst { accept = { chunk in DealValidator.noErrors(in: deals, chunk.clamped(to: toCheck)) } }
                let complete = try FeedEncoder.encode(written, accepting: accept, history: history) { piece in
                    hash.add(piece)
                    try write(piece)
                }
                if !complete {
                    // Only the deals checked can have errors: list them all, as a check first would.
                    throw StoreError.invalidChange(issues: DealValidator.errors(in: deals, checking: toCheck))
                }
            }
        }
        // The next read finds the index of these bytes instead of decoding them all to make it;
        // after the rename, so that a save that fails leaves no index of bytes never stored.
        // A history written as its text goes into the index as that text, where the feed holds its placeholder.
        let digest = hash.finish()
        StoreIndex.write(
            saved: written, history: history, for: file, size: hash.count, hash: digest, minimumSize: indexMinimumSize)
        return written
    }

    /// Refuses to change a store whose history does not read: a save would add to it, and
    /// what is there must be mended by hand first, never written over.
    private func checkHistory(_ feed: Feed) throws {
        guard recorder != nil else { return }
        let issues = History.issues(in: feed)
        if !issues.isEmpty { throw StoreError.invalid(path: path, issues: issues) }
    }

    public var exists: Bool { FileSystem.exists(path) }

    /// Applies a session's change to the file as it is on disk now (see `StoreSession`).
    public func apply(_ change: StoreSession.Change, after snapshot: Snapshot) throws -> Snapshot {
        let recorder = self.recorder
        return try commit { feed in
            let touched = try StoreSession.apply(change, to: &feed)
            if let recorder { StoreSession.record(change, by: recorder, in: &feed) }
            return touched
        }
    }

    public func changed(since snapshot: Snapshot) -> Bool {
        FileSystem.fingerprint(path) != snapshot.fingerprint
    }

    /// Changed, once the file has been left alone for `settle` seconds: a file rewritten in
    /// place (`cp` over it, an editor that writes in place) is read when its writer is done,
    /// not while it is being cut and written, which a read of the mapped file would not
    /// survive. A save of sovtrack's own is a rename, done when it is seen.
    public func watch(since snapshot: Snapshot) -> StoreWatch {
        let now = FileSystem.fingerprint(path)
        guard now != snapshot.fingerprint else { return .unchanged }
        guard let now else { return .changed }
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let age =
            Double(clock.tv_sec - now.modifiedSeconds) + Double(clock.tv_nsec - now.modifiedNanoseconds) / 1e9
        return (0..<settle).contains(age) ? .unchanged : .changed
    }

    /// Seconds a changed file must be left alone before a dashboard reads it (tests that play
    /// the other writer themselves make it 0).
    public var settle = 0.2

    /// Stores at least this large get their index written by each save (tests make it small).
    var indexMinimumSize = StoreIndex.minimumSize

    /// Up to this many changed deals are checked before a save writes anything.
    static let checkFirstLimit = 256

}
