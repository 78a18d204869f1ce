import DealKit
import PostgresNIO

/// The tables a PostgreSQL store keeps, and the migrations that bring a database to them.
///
/// `sovtrack_schema` holds the version of the schema; each migration moves it up by one in
/// the transaction that changes the tables, under an advisory lock so that two first uses
/// at once do not both migrate. A database at a version newer than this binary knows is
/// refused, never written.
enum PostgresSchema {
    /// The schema this binary writes.
    static let version = 3

    /// One statement list per version: `migrations[0]` takes an empty database to version 1.
    ///
    /// Deals keep their canonical JSON (`doc`, text, so every key and its order comes back)
    /// and beside it the columns the server filters and totals on. The feed's own keys other
    /// than its deals and history are kept as a feed document with no deals (`skeleton`).
    /// `generation` counts saves, for readers to notice a change; `id` sorts bytewise ("C"), as
    /// the file store orders deals.
    static let migrations: [[PostgresQuery]] = [
        [
            """
            CREATE TABLE sovtrack_feed (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                generation bigint NOT NULL DEFAULT 0,
                skeleton text NOT NULL
            )
            """,
            """
            CREATE TABLE sovtrack_deals (
                id text COLLATE "C" PRIMARY KEY,
                version bigint NOT NULL DEFAULT 1,
                country text NOT NULL,
                vendors text[] NOT NULL,
                status text NOT NULL,
                announced_from integer NOT NULL,
                announced_to integer NOT NULL,
                ambition_mw double precision,
                committed_mw double precision,
                operational_mw double precision,
                investment double precision,
                currency text,
                doc text NOT NULL
            )
            """,
            "CREATE INDEX sovtrack_deals_country ON sovtrack_deals (country)",
            "CREATE INDEX sovtrack_deals_status ON sovtrack_deals (status)",
            "CREATE INDEX sovtrack_deals_announced ON sovtrack_deals (announced_from, announced_to)",
            "CREATE INDEX sovtrack_deals_vendors ON sovtrack_deals USING gin (vendors)",
            "CREATE INDEX sovtrack_deals_mw ON sovtrack_deals (ambition_mw)",
            """
            CREATE TABLE sovtrack_revisions (
                seq bigserial PRIMARY KEY,
                deal_id text COLLATE "C" NOT NULL,
                at text NOT NULL,
                doc text NOT NULL
            )
            """,
            "CREATE INDEX sovtrack_revisions_deal ON sovtrack_revisions (deal_id, seq)",
        ],
        // Version 2: what `summary` totals on the server (ServerSummary): whether megawatts
        // apply to the deal's kind, whether its MW is unknown, which totals it makes
        // approximate, and its names and open milestones as JSON (DealRows.facets). Filled
        // from each deal's `doc` by `DealRows.refill`, after these statements.
        [
            """
            ALTER TABLE sovtrack_deals
                ADD COLUMN mw_applies boolean NOT NULL DEFAULT true,
                ADD COLUMN unknown_mw boolean NOT NULL DEFAULT false,
                ADD COLUMN mw_approx integer NOT NULL DEFAULT 0,
                ADD COLUMN facets jsonb NOT NULL DEFAULT '{"v": [], "p": [], "m": [], "o": []}'
            """
        ],
        // Version 3: `summary` at 100,000 deals in well under a second. The names and open
        // milestones of `facets` get tables of their own (one row per name, per milestone),
        // kept by the statement that writes their deal (`DealRows.upsert`), so that the first
        // spelling of each name is an index probe instead of a sort of every deal's names; two
        // covering indexes give the figures in (country, id) and in id order without reading
        // the deals' documents; and `country` sorts bytewise ("C"), as the file store sorts
        // countries. Filled from the `facets` already there: no deal's version moves.
        [
            // The (country, id) index below leads with the country: one index less for every write.
            "DROP INDEX sovtrack_deals_country",
            "ALTER TABLE sovtrack_deals ALTER COLUMN country TYPE text COLLATE \"C\"",
            """
            CREATE TABLE sovtrack_names (
                deal_id text COLLATE "C" NOT NULL,
                country text COLLATE "C" NOT NULL,
                list text COLLATE "C" NOT NULL,
                pos integer NOT NULL,
                key text COLLATE "C" NOT NULL,
                name text NOT NULL
            )
            """,
            "CREATE INDEX sovtrack_names_first ON sovtrack_names (country, list, key, deal_id, pos)",
            "CREATE INDEX sovtrack_names_deal ON sovtrack_names (deal_id)",
            """
            CREATE TABLE sovtrack_milestones (
                deal_id text COLLATE "C" NOT NULL,
                country text COLLATE "C" NOT NULL,
                pos integer NOT NULL,
                start_key integer NOT NULL,
                precision integer NOT NULL,
                end_key integer NOT NULL,
                date text NOT NULL,
                event text NOT NULL
            )
            """,
            "CREATE INDEX sovtrack_milestones_deal ON sovtrack_milestones (deal_id)",
            "CREATE INDEX sovtrack_milestones_next ON sovtrack_milestones (country, start_key, precision, deal_id, pos)",
            """
            CREATE INDEX sovtrack_deals_tally_country ON sovtrack_deals (country, id)
                INCLUDE (committed_mw, ambition_mw, operational_mw, mw_applies, unknown_mw, mw_approx,
                    status, announced_from)
            """,
            """
            CREATE INDEX sovtrack_deals_tally ON sovtrack_deals (id)
                INCLUDE (country, vendors, committed_mw, ambition_mw, mw_applies, status, announced_from)
            """,
            PostgresQuery(
                unsafeSQL: "INSERT INTO sovtrack_names \(DealRows.names(from: "sovtrack_deals"))"),
            PostgresQuery(
                unsafeSQL: "INSERT INTO sovtrack_milestones \(DealRows.milestones(from: "sovtrack_deals"))"),
        ],
    ]

    /// The tables a full replacement of the store empties (`db load`), facets' before deals'.
    static let tables = ["sovtrack_names", "sovtrack_milestones", "sovtrack_deals", "sovtrack_revisions"]

    /// The schema version the database has: 0 for none.
    static func current(_ link: PostgresLink) throws -> Int {
        let exists = try link.value("SELECT to_regclass('sovtrack_schema') IS NOT NULL", as: Bool.self) ?? false
        guard exists else { return 0 }
        return try link.value("SELECT max(version) FROM sovtrack_schema", as: Int?.self).flatMap { $0 } ?? 0
    }

    /// Refuses a database whose schema this binary does not know.
    static func checkNotNewer(_ found: Int, _ link: PostgresLink) throws {
        if found > version {
            throw StoreError.database(
                path: link.settings.display, problem: .newerSchema,
                reason:
                    "the database has sovtrack schema version \(found), newer than this sovtrack knows (\(version)); upgrade sovtrack, nothing was changed"
            )
        }
    }

    /// Brings the database to `version`, inside the caller's transaction (version 2's columns
    /// filled `batch` deals a statement); returns whether the store had to be created (no feed
    /// row yet).
    @discardableResult
    static func migrate(_ link: PostgresLink, batch: Int = DealRows.batch) throws -> Bool {
        // Any constant will do: it only keeps two sovtracks from migrating at once.
        try link.run("SELECT pg_advisory_xact_lock(7041930016)")
        var found = try current(link)
        try checkNotNewer(found, link)
        if found == 0 { try link.run("CREATE TABLE IF NOT EXISTS sovtrack_schema (version integer NOT NULL)") }
        while found < version {
            for statement in migrations[found] { try link.run(statement) }
            found += 1
            // Version 2's columns are filled by sovtrack: the folding of names is its own.
            if found == 2 { try DealRows.refill(link, batch: batch) }
            try link.run("INSERT INTO sovtrack_schema (version) VALUES (\(found))")
        }
        let hasFeed = try link.value("SELECT count(*) FROM sovtrack_feed", as: Int.self) ?? 0
        if hasFeed == 0 {
            let skeleton = String(decoding: FeedEncoder.encode(Feed()), as: UTF8.self)
            try link.run("INSERT INTO sovtrack_feed (skeleton) VALUES (\(skeleton))")
            return true
        }
        return false
    }
}
