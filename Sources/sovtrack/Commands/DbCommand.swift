import ArgumentParser
import DealKit
import DealPostgres

/// `sovtrack db`: set up a PostgreSQL store, and move a whole store between a file and it.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Set up a PostgreSQL store, or copy a whole store between a file and it.",
        discussion: """
            The store is --store postgresql://USER@HOST:PORT/DB (or $SOVTRACK_STORE); the \
            password comes from PGPASSWORD or ~/.pgpass, never the command line. docs/postgres.md \
            describes the set-up.
            Examples:
              sovtrack db init --store postgresql://desk@db.example/deals
              sovtrack db load deals.json --store postgresql://desk@db.example/deals
              sovtrack db dump --store postgresql://desk@db.example/deals > deals.json
            """,
        subcommands: [Init.self, Load.self, Dump.self])

    /// The database store `--store` names, or a usage error for a file.
    static func database(_ options: StoreOptions) throws -> PostgresStore {
        guard options.isDatabase else {
            throw CLIError.usage("sovtrack db works on a postgresql:// store; \(options.path) is a file")
        }
        return try options.openDatabase(options.path)
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the tables (or bring them to this sovtrack's schema) and an empty store.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try DbCommand.database(storeOptions)
            let created = try store.initialize()
            Console.out(created ? "created an empty store in \(store.path)\n" : "\(store.path): the store is ready\n")
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a feed file into the database whole (deals, history, every key), replacing what it held.",
            discussion:
                "Refuses an invalid feed, listing every problem, and leaves the database unchanged; all of it is one transaction."
        )
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The feed file to copy in.") var file: String

        func run() throws {
            var store = try DbCommand.database(storeOptions)
            store.onProgress = SaveProgress.line("copying deals")
            let feed: Feed
            do {
                feed = try Store.load(path: file, indexing: false).feed
            } catch StoreError.invalid(let p, let issues, let omitted) {
                Console.problems(issues.filter(\.isError), in: p, more: omitted)
                throw CLIError.data(
                    "\(file): not loaded: \(issues.filter(\.isError).count + omitted) error(s); the store is unchanged")
            }
            try store.replace(with: feed)
            Console.out("loaded \(CountText.of(feed.deals.count, "deal")) into \(store.path)\n")
        }
    }

    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the whole store out as a feed file (to standard output), as a file store would hold it.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try DbCommand.database(storeOptions)
            let snapshot = try store.load()
            Console.out(FeedEncoder.encode(snapshot.feed))
        }
    }
}
