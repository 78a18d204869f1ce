import DealKit
import Foundation
import PostgresNIO

/// The deal store kept in a PostgreSQL database, for a team editing at once from several
/// machines: the same `DealStore` as the file, with the server's transactions in place of
/// the file's lock.
///
/// Every write runs in one transaction that first locks the feed's row (`sovtrack_feed`):
/// writers take turns as they do on the file's lock, each applies its change to the deals as
/// they are *now*, bumps the changed deals' `version` and the store's `generation`, records
/// its revisions, and commits all of it or nothing. Readers never wait for writers.
public struct PostgresStore: DealStore {
    public let settings: PostgresSettings
    public var path: String { settings.display }
    public var recorder: RevisionRecorder?
    /// Today, for the feed's `updated` key; replaceable so tests are deterministic.
    public var today: @Sendable () -> PartialDate = CalendarClock.today
    /// Told when a save upgrades the store from an older feed version (the one it had).
    public var onUpgrade: (@Sendable (_ from: Int) -> Void)?
    /// Told how many deals of how many a long save has sent to the server.
    public var onProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Told after each save this store committed, with the store's new generation: where a
    /// dashboard or a notifier hooks in (the transaction also sends `NOTIFY sovtrack`).
    public var onSave: (@Sendable (_ generation: Int64) -> Void)?
    /// Rows a statement when a write sends many deals or revisions, and deals a read of the
    /// migration's; a parameter so that tests cross it with a few deals.
    var batch = DealRows.batch
    private let holder: LinkHolder

    /// The store a `postgresql://` or `postgres://` URL names; connects on first use.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        settings = try PostgresSettings(url: url, environment: environment)
        holder = LinkHolder(settings)
    }

    // MARK: Reading

    public var exists: Bool {
        let found = try? holder.with { link -> Bool in
            guard try PostgresSchema.current(link) > 0 else { return false }
            return try (link.value("SELECT count(*) FROM sovtrack_feed", as: Int.self) ?? 0) > 0
        }
        return found ?? false
    }

    public func load() throws -> Store.Snapshot {
        try reading { try read($0) }
    }

    public func select(where keep: @escaping @Sendable (inout Deal) -> Bool) throws -> Store.Selection {
        let snapshot = try load()
        var deals: [Deal] = []
        for var d in snapshot.feed.deals where keep(&d) { deals.append(d) }
        return Store.Selection(
            deals: deals, updated: snapshot.feed.updated, warnings: snapshot.warnings, extra: snapshot.feed.extra)
    }

    /// The server picks the deals by the indexed columns the filter names (country, status,
    /// dates, MW); the filter's other tests then run here, on those only.
    public func select(matching filter: DealFilter) throws -> Store.Selection {
        let compiled = filter.compiled()
        if compiled.matchesEverything { return try select { _ in true } }
        return try reading { link in
            let (head, _) = try readHead(link)
            let picked = ServerFilter(filter)
            let docs = try link.rows(picked.query("SELECT doc FROM sovtrack_deals d", "ORDER BY d.id")) {
                try $0.decode(String.self)
            }
            let result = DealRows.decode(docs: docs)
            try refuseErrors(result)
            let deals = picked.isExact ? result.feed.deals : result.feed.deals.filter { compiled.matches($0) }
            return Store.Selection(deals: deals, updated: head.updated, warnings: result.issues, extra: head.extra)
        }
    }

    /// `summary` by country of the deals `filter` picks, totalled by the server (`ServerSummary`):
    /// nil when the server cannot (a filter on names or text, a database not yet at schema
    /// version 3), and the caller totals the deals itself. `fromEpoch`: whether any deal
    /// summarised is from Epoch AI.
    public func summary(matching filter: DealFilter, today: PartialDate) throws -> (
        summary: Summary, fromEpoch: Bool
    )? {
        try reading { link in
            // A few hundred rows from index scans: compiling them (JIT) would cost seconds.
            try link.run("SET LOCAL jit = off")
            let schema = try PostgresSchema.current(link)
            try PostgresSchema.checkNotNewer(schema, link)
            _ = try readHead(link)
            guard schema >= 3 else { return nil }
            return try ServerSummary.run(link, filter: filter, today: today)
        }
    }

    public func changed(since snapshot: Store.Snapshot) -> Bool {
        // A server that cannot be asked counts as changed: the reload then says why, once.
        let ask: (PostgresLink) throws -> Int64? = { link in
            try link.value("SELECT generation FROM sovtrack_feed", as: Int64.self)
        }
        guard let now = try? holder.with(ask) else { return true }
        return now != snapshot.generation
    }

    /// Heard rather than asked: other writers' saves arrive by NOTIFY on the watch's own
    /// connection (`PostgresWatch`), so a look costs nothing and never waits for the server;
    /// a server gone away is named, and watched again once it is back.
    public func watch(since snapshot: Store.Snapshot) -> StoreWatch {
        switch holder.watch.state {
        case .starting: return .unchanged
        case .listening(let generation): return generation == snapshot.generation ? .unchanged : .changed
        case .lost(let why): return .lost(why)
        }
    }

    /// A look is a read of memory: a dashboard may look ten times a second, and so show another
    /// writer's save well within a second of its commit.
    public var watchInterval: Double { 0.1 }

    /// Runs `body` in one read-only transaction, so that all it reads is one state of the store.
    private func reading<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        try holder.with { link in
            link.send("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { try? link.run("COMMIT") }
            return try body(link)
        }
    }

    /// The whole store, in the caller's transaction.
    private func read(_ link: PostgresLink) throws -> Store.Snapshot {
        let (head, generation) = try readHead(link)
        let docs = try link.rows("SELECT doc FROM sovtrack_deals ORDER BY id") { try $0.decode(String.self) }
        let revisions = try link.rows("SELECT doc FROM sovtrack_revisions ORDER BY deal_id, seq") {
            try $0.decode(String.self)
        }
        let (feed, warnings) = try assemble(head, docs: docs, revisions: revisions)
        return Store.Snapshot(feed: feed, warnings: warnings, generation: generation)
    }

    /// The feed of the head's own keys with these deals and revisions (its history in the
    /// head's place for it), or the file store's refusal of a deal that does not read.
    private func assemble(_ head: Feed, docs: [String], revisions: [String]) throws -> (Feed, [FeedIssue]) {
        let result = DealRows.decode(docs: docs, revisions: revisions)
        try refuseErrors(result)
        var feed = head
        feed.deals = result.feed.deals
        let history = result.feed.extra.first { $0.key == History.key }?.value
        if let at = feed.extra.firstIndex(where: { $0.key == History.key }) {
            if let history { feed.extra[at].value = history } else { feed.extra.remove(at: at) }
        } else if let history {
            feed.extra.append(JSONField(History.key, history))
        }
        return (feed, result.issues)
    }

    /// One deal by its primary key and its own revisions, not the whole store (every write
    /// was validated, as `select(matching:)` trusts too).
    public func select(id: String) throws -> Store.Selection {
        try reading { link in
            let (head, _) = try readHead(link)
            let docs = try link.rows("SELECT doc FROM sovtrack_deals WHERE id = \(id)") { try $0.decode(String.self) }
            let revisions = try link.rows("SELECT doc FROM sovtrack_revisions WHERE deal_id = \(id) ORDER BY seq") {
                try $0.decode(String.self)
            }
            let (feed, warnings) = try assemble(head, docs: docs, revisions: revisions)
            return Store.Selection(deals: feed.deals, updated: feed.updated, warnings: warnings, extra: feed.extra)
        }
    }

    /// The feed's own keys (with an empty history where it has one) and the generation.
    private func readHead(_ link: PostgresLink) throws -> (Feed, Int64) {
        let schema = try PostgresSchema.current(link)
        try PostgresSchema.checkNotNewer(schema, link)
        guard schema > 0 else { return try head(nil) }
        return try head(
            link.rows("SELECT skeleton, generation FROM sovtrack_feed") { try $0.decode((String, Int64).self) }.first)
    }

    /// The feed's own keys and generation from its row; no row: no store.
    private func head(_ row: (String, Int64)?) throws -> (Feed, Int64) {
        guard let row else {
            throw StoreError.database(
                path: path, problem: .noDatabase,
                reason:
                    "no sovtrack store in this database (sovtrack db init creates one, sovtrack db load fills it from a file)"
            )
        }
        let result = FeedDecoder.decode(Array(row.0.utf8))
        try refuseErrors(result)
        return (result.feed, row.1)
    }

    private func refuseErrors(_ result: FeedDecoder.Result) throws {
        if result.hasErrors {
            throw StoreError.invalid(path: path, issues: result.issues, omittedErrors: result.omittedErrors)
        }
    }

    // MARK: Writing

    /// Creates the tables (or brings them to this binary's schema) and an empty store.
    /// Returns false when the store was there already.
    @discardableResult
    public func initialize() throws -> Bool {
        try writing(whole: true, createIfMissing: true) { _, _, creating in creating }
    }

    @discardableResult
    public func update<T>(createIfMissing: Bool, _ change: (inout Feed) throws -> T) throws -> T {
        var rows = (written: 0, before: 0)
        let result = try writing(whole: true, createIfMissing: createIfMissing) { link, row, _ in
            let before = try read(link).feed
            var feed = before
            let result = try change(&feed)
            if feed == before { return result }
            rows = (try save(feed, over: before, row, link), before.deals.count)
            return result
        }
        // As autovacuum would, a minute later: statistics made new once a tenth of the deals
        // (and 50) changed, so that the summaries after an import are planned for its deals.
        if rows.written > 50 + rows.before / 10 { refreshStatistics() }
        return result
    }

    /// Replaces everything the store holds with `feed`, as it is: every deal, the history,
    /// every top-level key and `updated` (what `sovtrack db load` does with a feed file).
    public func replace(with feed: Feed) throws {
        try writing(whole: true, createIfMissing: true) { link, row, _ in
            for table in PostgresSchema.tables { try link.run(PostgresQuery(unsafeSQL: "DELETE FROM \(table)")) }
            try save(feed, over: Feed(), row, link, stamping: false)
        }
        refreshStatistics()
    }

    /// Fresh statistics and visibility for the planner, so that the first `summary` after a
    /// load reads the covering indexes alone; a role that may not vacuum is only warned.
    private func refreshStatistics() {
        try? holder.with { link in
            try link.run(PostgresQuery(unsafeSQL: "VACUUM (ANALYZE) \(PostgresSchema.tables.joined(separator: ", "))"))
        }
    }

    @discardableResult
    public func update(deal id: String, createIfMissing: Bool, _ change: (inout Deal?) throws -> Void) throws -> Bool {
        try writing(whole: false, createIfMissing: createIfMissing) { link, row, creating in
            let before = try deal(id, link)
            var after = before?.deal
            try change(&after)
            if after == before?.deal && !creating { return false }
            try write(before?.deal, after, id: id, version: before?.version, link)
            let revision = recorder.flatMap { $0.revision(id: before?.deal.id ?? id, old: before?.deal, new: after) }
            try stamp(row, link, recording: revision.map { [$0] } ?? [])
            return true
        }
    }

    public func apply(_ change: StoreSession.Change, after snapshot: Store.Snapshot) throws -> Store.Snapshot {
        if case .settle = change {
            // A merge conflict (from a file loaded whole) is settled on the whole feed: rare.
            var whole = self
            whole.recorder = nil
            let recorder = self.recorder
            try whole.update(createIfMissing: false) { feed in
                try StoreSession.apply(change, to: &feed)
                if let recorder { StoreSession.record(change, by: recorder, in: &feed) }
            }
            return try load()
        }
        let (generation, revisions, stamped) = try writing(whole: false, createIfMissing: false) {
            link, row, _ -> (Int64, [Revision], Feed) in
            switch change {
            case .add(let d):
                if try deal(d.id, link) != nil { throw StoreSession.Conflict.idTaken(d.id) }
                try write(nil, d, id: d.id, version: nil, link)
            case .remove(let d):
                let current = try deal(d.id, link)
                guard let current, current.deal == d else {
                    throw StoreSession.Conflict.changedOnDisk(id: d.id, current: current?.deal)
                }
                try write(d, nil, id: d.id, version: current.version, link)
            case .replace(let old, let new):
                let current = try deal(old.id, link)
                guard let current, current.deal == old else {
                    throw StoreSession.Conflict.changedOnDisk(id: old.id, current: current?.deal)
                }
                if new.id != old.id, try deal(new.id, link) != nil { throw StoreSession.Conflict.idTaken(new.id) }
                try write(old, new, id: old.id, version: current.version, link)
            case .settle:
                preconditionFailure("settled on the whole feed above")
            }
            let revisions = recorder.map { StoreSession.revisions(of: change, by: $0) } ?? []
            let stamped = try stamp(row, link, recording: revisions)
            // Nobody else saved since the session's snapshot (each save moves the generation on
            // by one, in commit order): it only needs this change.
            let alone = snapshot.generation.map { stamped.generation == $0 + 1 } ?? false
            return (alone ? stamped.generation : -1, revisions, stamped.feed)
        }
        guard generation >= 0 else { return try load() }
        var feed = snapshot.feed
        try StoreSession.apply(change, to: &feed)
        for r in revisions { History.append(r, to: &feed) }
        feed.updated = stamped.updated
        feed.version = stamped.version
        return Store.Snapshot(feed: feed, warnings: snapshot.warnings, generation: generation)
    }

    /// The feed's row as a write found it: its own keys (`head`) as stored (`skeleton`), and
    /// whether this transaction holds the row yet; then the generation the write's stamp made.
    private final class FeedRow {
        var head: Feed
        var skeleton: String
        var locked: Bool
        var generation: Int64?

        init(head: Feed, skeleton: String, locked: Bool) {
            self.head = head
            self.skeleton = skeleton
            self.locked = locked
        }
    }

    /// Keeps whole-store writes apart from one-deal writes (`writing`); any constant other
    /// than the migrations' will do.
    private static let writersLock: Int64 = 7_041_930_017

    /// Runs `body` in a transaction: everything it did is committed together, or nothing when
    /// it throws.
    ///
    /// A `whole` write (it reads the whole store and saves the difference) holds the feed's row
    /// from the start, so that writers take turns around it. A one-deal write locks only its
    /// deal's row, and the feed's row last, when it stamps (`stamp`): one-deal writers then run
    /// side by side and take turns only for the stamp and the commit, so that generations still
    /// count commits in their order; two writers of one deal take turns on its row. An advisory
    /// lock, shared by one-deal writes and taken alone by whole ones, keeps the two kinds apart
    /// (a whole write never waits for a deal's row that a one-deal write holds while that one
    /// waits for the feed's row).
    private func writing<T>(
        whole: Bool, createIfMissing: Bool, _ body: (PostgresLink, FeedRow, _ creating: Bool) throws -> T
    ) throws -> T {
        try holder.with { link in
            link.send("BEGIN")
            do {
                var creating = false
                let row: FeedRow
                if !whole && !createIfMissing, let seen = try feedRow(checkingSchemaOf: link) {
                    row = seen
                } else {
                    let schema = try PostgresSchema.current(link)
                    try PostgresSchema.checkNotNewer(schema, link)
                    let migrating = schema < PostgresSchema.version || createIfMissing
                    if schema == 0 && !createIfMissing { _ = try readHead(link) }
                    if whole || migrating {
                        try link.run("SELECT pg_advisory_xact_lock(\(Self.writersLock))")
                        if migrating { creating = try PostgresSchema.migrate(link, batch: batch) }
                        row = try feedRow(link, locking: true)
                    } else {
                        row = try feedRow(link, locking: false)
                    }
                }
                let result = try body(link, row, creating)
                try link.run("COMMIT")
                if let saved = row.generation { onSave?(saved) }
                return result
            } catch {
                try? link.run("ROLLBACK")
                throw error
            }
        }
    }

    /// A one-deal write's first statement: the feed's row, the writers' lock taken shared, and
    /// the schema's version checked, in one round trip. Nil, the transaction begun again, when
    /// the schema is older (to migrate) or the tables are not there (no store yet, or one this
    /// binary does not know): the caller then asks which, a statement at a time.
    private func feedRow(checkingSchemaOf link: PostgresLink) throws -> FeedRow? {
        // Sent without asking first whether the tables exist: they almost always do, and the
        // two questions were two round trips of every edit's fresh connection.
        let rows = try link.rowsIfTablesExist(
            """
            SELECT f.skeleton, f.generation, (SELECT max(version) FROM sovtrack_schema)::int8 FROM sovtrack_feed f
            WHERE pg_advisory_xact_lock_shared(\(Self.writersLock)) IS NOT NULL
            """
        ) { try $0.decode((String, Int64, Int?).self) }
        let found = rows?.first
        let schema = found?.2 ?? 0
        try PostgresSchema.checkNotNewer(schema, link)
        guard let found, schema == PostgresSchema.version else {
            try link.run("ROLLBACK")
            link.send("BEGIN")
            return nil
        }
        let (head, _) = try head((found.0, found.1))
        return FeedRow(head: head, skeleton: found.0, locked: false)
    }

    /// The feed's row: locked for this transaction (a whole write), or read as it is with the
    /// writers' lock taken shared, in one round trip (a one-deal write).
    private func feedRow(_ link: PostgresLink, locking: Bool) throws -> FeedRow {
        // The caller (`writing`) checked the schema already.
        let query: PostgresQuery =
            locking
            ? "SELECT skeleton, generation FROM sovtrack_feed FOR UPDATE"
            : "SELECT skeleton, generation FROM sovtrack_feed WHERE pg_advisory_xact_lock_shared(\(Self.writersLock)) IS NOT NULL"
        let found = try link.rows(query) { try $0.decode((String, Int64).self) }.first
        let (head, _) = try head(found)
        return FeedRow(head: head, skeleton: found?.0 ?? "", locked: locking)
    }

    /// One deal and its version, nil when there is none.
    private func deal(_ id: String, _ link: PostgresLink) throws -> (deal: Deal, version: Int64)? {
        guard
            let row = try link.rows(
                "SELECT doc, version FROM sovtrack_deals WHERE id = \(id) FOR UPDATE",
                { try $0.decode((String, Int64).self) }
            ).first
        else { return nil }
        let result = DealRows.decode(docs: [row.0])
        try refuseErrors(result)
        return (result.feed.deals[0], row.1)
    }

    /// Writes one deal's change, checked first as the file store checks it (the same messages,
    /// naming the deal by its place in id order), the version checked as it is bumped.
    private func write(_ before: Deal?, _ after: Deal?, id: String, version: Int64?, _ link: PostgresLink) throws {
        if let after {
            let probe = DealValidator.issues(for: after, at: "", errorsOnly: true)
            let taken = try after.id != id && deal(after.id, link) != nil
            if !probe.isEmpty || taken {
                // Named as the file store names them: the deal's place in id order (a renamed
                // deal keeps its place until saved), then the id used twice, as the file's
                // duplicate check finds it in the feed holding both.
                let at = try place(before == nil ? after.id : id, link)
                var issues = DealValidator.issues(for: after, at: "deals[\(at)]", errorsOnly: true)
                if taken {
                    // A new deal goes before the one it collides with; a renamed one stays put.
                    let other = try before == nil ? at + 1 : place(after.id, link)
                    issues.append(DealValidator.duplicate(after.id, at: max(at, other), first: min(at, other)))
                }
                throw StoreError.invalidChange(issues: issues)
            }
        }
        if let version, after?.id != id {
            // Removed, or renamed: the row under the old id goes.
            let gone = try DealRows.delete([id], version: version, link)
            // The row is locked by this transaction: a version moved underneath means a bug, not a race.
            guard gone.count == 1 else { throw StoreSession.Conflict.changedOnDisk(id: id, current: nil) }
        }
        // Added, renamed, or changed in place: one statement, which moves the version of a deal
        // already there up by one (its row is locked by this transaction since `deal` read it).
        guard let after else { return }
        if let version, after.id == id, try DealRows.updateInPlace(after, version: version, link) { return }
        try DealRows.upsert([after][...], link)
    }

    /// The index the deal `id` has, or would have, in the file store's deals (id order).
    private func place(_ id: String, _ link: PostgresLink) throws -> Int {
        try link.value("SELECT count(*) FROM sovtrack_deals WHERE id < \(id)", as: Int.self) ?? 0
    }

    /// Records revisions, in the caller's transaction.
    private func insert(_ revisions: [Revision], _ link: PostgresLink) throws {
        guard !revisions.isEmpty else { return }
        let ids = revisions.map(\.id)
        let times = revisions.map(\.at)
        let docs = revisions.map(DealRows.doc)
        try link.run(
            """
            INSERT INTO sovtrack_revisions (deal_id, at, doc)
            SELECT * FROM unnest(\(ids)::text[], \(times)::text[], \(docs)::text[])
            """)
    }

    /// Sets `updated` (upgrading an old feed version, as a file save does), moves the
    /// generation on and tells listeners; returns the new generation and head. `head`: the
    /// feed's own keys a whole save sets (else those the row had); `recording`: the revisions
    /// of a one-deal write, inserted by the same statement.
    ///
    /// The row is locked here if it was not yet (a one-deal write), in the statement that
    /// moves the generation: the head is written only if it is still the one read at the
    /// start, else (another write changed it meanwhile) read again, now locked, and stamped.
    @discardableResult
    private func stamp(
        _ row: FeedRow, _ link: PostgresLink, head: Feed? = nil, recording revisions: [Revision] = [],
        stamping: Bool = true
    ) throws -> (
        generation: Int64, feed: Feed
    ) {
        func stamped(_ head: Feed) -> Feed {
            var head = head
            if stamping { head.updated = today() }
            if stamping && head.version < Feed.currentVersion {
                onUpgrade?(head.version)
                head.version = Feed.currentVersion
            }
            return head
        }
        var new = stamped(head ?? row.head)
        var skeleton = PostgresStore.skeleton(of: new)
        let expected = row.locked ? nil : row.skeleton
        // One round trip, the feed's row locked meanwhile: every one saved lets writers take turns faster.
        let (generation, kept) =
            try link.rows(
                """
                WITH recorded AS (
                    INSERT INTO sovtrack_revisions (deal_id, at, doc)
                    SELECT * FROM unnest(\(revisions.map(\.id))::text[], \(revisions.map(\.at))::text[],
                        \(revisions.map(DealRows.doc))::text[])),
                saved AS (
                    UPDATE sovtrack_feed
                    SET skeleton = CASE WHEN \(expected)::text IS NULL OR skeleton = \(expected) THEN \(skeleton) ELSE skeleton END,
                        generation = generation + 1
                    RETURNING generation, skeleton = \(skeleton) AS kept)
                SELECT generation, kept, pg_notify(\(PostgresWatch.channel), generation::text) FROM saved
                """
            ) {
                let r = $0.makeRandomAccess()
                return (try r[0].decode(Int64.self), try r[1].decode(Bool.self))
            }.first ?? (Int64(0), true)
        row.locked = true
        if !kept {
            // The head changed since this write read it: stamp the one there now (locked by
            // the update above).
            let now = try link.rows("SELECT skeleton FROM sovtrack_feed") { try $0.decode(String.self) }.first
            (new, _) = try self.head(now.map { ($0, generation) })
            new = stamped(new)
            skeleton = PostgresStore.skeleton(of: new)
            try link.run("UPDATE sovtrack_feed SET skeleton = \(skeleton)")
        }
        row.generation = generation
        // (NOTIFY is delivered to listeners, `PostgresWatch`, when, and only if, the transaction commits.)
        return (generation, new)
    }

    /// Saves a whole feed over `before` (what the store holds): the deals that differ are
    /// written in batches, those gone deleted, and the history brought to the feed's. Returns
    /// how many deals it wrote or deleted.
    @discardableResult
    private func save(_ feed: Feed, over before: Feed, _ row: FeedRow, _ link: PostgresLink, stamping: Bool = true)
        throws -> Int
    {
        var feed = feed
        if !DealValidator.idsIncrease(feed.deals) {
            let issues = DealValidator.errors(in: feed.deals, checking: feed.deals.indices)
            if !issues.isEmpty { throw StoreError.invalidChange(issues: issues) }
            feed.deals.sort { $0.id < $1.id }
        }
        var old: [String: Int] = [:]
        old.reserveCapacity(before.deals.count)
        for (i, d) in before.deals.enumerated() { old[d.id] = i }
        var changed: [Deal] = []
        var kept = Set<String>()
        var changedAt: [Int] = []
        for (i, d) in feed.deals.enumerated() {
            kept.insert(d.id)
            if let o = old[d.id], before.deals[o] == d { continue }
            changed.append(d)
            changedAt.append(i)
        }
        var problems: [FeedIssue] = []
        for (d, i) in zip(changed, changedAt) {
            problems += DealValidator.issues(for: d, at: "deals[\(i)]", errorsOnly: true)
        }
        if !problems.isEmpty { throw StoreError.invalidChange(issues: problems) }
        let removed = before.deals.map(\.id).filter { !kept.contains($0) }
        if !removed.isEmpty { _ = try DealRows.delete(removed, link) }
        var done = 0
        while done < changed.count {
            let end = min(changed.count, done + batch)
            try DealRows.upsert(changed[done..<end], link)
            done = end
            onProgress?(done, changed.count)
        }
        // The history: the feed's own when the change set it (a load), else what the recorder adds.
        let oldHistory = before.extra.first { $0.key == History.key }?.value
        let newHistory = feed.extra.first { $0.key == History.key }?.value
        if oldHistory != newHistory {
            let revisions: [Revision]
            do throws(HistoryError) {
                revisions = try History(of: feed).revisions
            } catch {
                throw StoreError.invalid(path: path, issues: [FeedIssue(.error, .document, error.description)])
            }
            try link.run("DELETE FROM sovtrack_revisions")
            var at = 0
            while at < revisions.count {
                let end = min(revisions.count, at + batch)
                try insert(Array(revisions[at..<end]), link)
                at = end
            }
        }
        if let recorder { try insert(recorder.revisions(from: before.deals, to: feed.deals), link) }
        try stamp(row, link, head: feed, stamping: stamping)
        return changed.count + removed.count
    }

    /// The feed's own keys as a feed document without deals; its history, kept in its own
    /// table, is an empty array here, which keeps the key's place among the others.
    static func skeleton(of feed: Feed) -> String {
        var head = Feed(
            updated: feed.updated, deals: [],
            extra: feed.extra.map { f in
                f.key == History.key ? JSONField(f.key, .array([])) : f
            })
        head.version = feed.version
        return String(decoding: FeedEncoder.encode(head), as: UTF8.self)
    }
}
