import DealKit
import TestSupport
import XCTest

@testable import DealPostgres

/// `summary` totalled by the server against the file store's, on the same deals: every
/// format byte for byte, vendor concentration included.
final class ServerSummaryTests: XCTestCase {
    static let today = PartialDate("2026-06-10")!

    /// Generated deals with what makes totals hard: decimal figures (sums that depend on their
    /// order), approximate ones, kinds without megawatts, one name in several cases and
    /// accents, milestones overdue, to come, done and tied.
    static func deals(_ count: Int) -> [Deal] {
        var deals = FeedBuilder.generated(count, seed: 16).deals.sorted { $0.id < $1.id }
        let vendors = ["NVIDIA", "Nvidia", "nvidia", "Énergie Calcul", "energie calcul", "AMD"]
        let models = ["Llama 3", "llama 3", "HyperCLOVA X", "Mistral Large"]
        for i in deals.indices {
            var d = deals[i]
            if i % 3 == 0, var c = d.capacity {
                c.initialMW = c.initialMW.map { $0 + 0.1 * Double(i % 7) }
                c.targetMW = c.targetMW.map { $0 / 3 }
                c.operationalMW = c.operationalMW.map { $0 + 0.7 }
                if i % 2 == 0 { c.approx = [.initial, .target] }
                d.capacity = c
            }
            if i % 11 == 0 { d.kind = .partnership }
            if i % 13 == 0 { d.kind = .model }
            if i % 4 == 0 {
                d.partners.append(Partner(name: vendors[i % vendors.count], role: .vendor))
                d.partners.append(Partner(name: vendors[(i + 1) % vendors.count], role: .vendor))
            }
            if i % 5 == 0 { d.models = [models[i % models.count], models[(i + 1) % models.count]] }
            if i % 6 == 0 {
                d.milestones = [
                    Milestone(date: PartialDate("2026-Q1")!, event: "tied \(i % 4)"),
                    Milestone(date: PartialDate("2026-03")!, event: "month"),
                    Milestone(date: PartialDate("2027-H1")!, event: "later", done: i % 12 == 0),
                ]
            }
            deals[i] = d
        }
        return deals
    }

    /// 300 deals in `swift test` (each case `deals(_:)` makes, every 2nd to 13th deal, occurs
    /// many times in 300), 1,000 in scripts/full-tests.sh.
    func testTheServersTotalsAreTheFileStoresByteForByte() throws {
        let db = try ScratchDatabase.make(self)
        let s = try PostgresStore(
            url: db.url, environment: db.environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
        let count = TestScale.count(quick: 300, full: 1_000)
        if !TestScale.isFull {
            print("server totals: \(count) of 1,000 deals; \(TestScale.variable)=1 (scripts/full-tests.sh) totals all")
        }
        var deals = Self.deals(count)
        try s.update(createIfMissing: true) { $0.deals = deals }
        try Self.assertSameAsFile(s, deals)

        // Single-deal writes keep the names and milestones tables in step: a vendor spelled
        // anew in the first deal, a deal moved to another country, one removed, one renamed
        // before all others, a milestone done, one added with a new vendor.
        var first = deals[0]
        first.partners.append(Partner(name: "nvidia", role: .vendor))
        first.partners.insert(Partner(name: "ÉNERGIE CALCUL", role: .vendor), at: 0)
        try s.update(deal: first.id, createIfMissing: false) { $0 = first }
        var moved = deals[5]
        moved.country = moved.country == "KR" ? "JP" : "KR"
        try s.update(deal: moved.id, createIfMissing: false) { $0 = moved }
        try s.update(deal: deals[7].id, createIfMissing: false) { $0 = nil }
        var renamed = deals[12]
        renamed.id = "0000-renamed"
        try s.update(deal: deals[12].id, createIfMissing: false) { $0 = renamed }
        var done = deals[6]
        done.milestones = done.milestones.map {
            var m = $0
            m.done = true
            return m
        }
        try s.update(deal: done.id, createIfMissing: false) { $0 = done }
        // Figures and status only (its names and milestones rows left as they are).
        var figures = deals[3]
        figures.status = figures.status == .operational ? .planned : .operational
        figures.capacity = Capacity(initialMW: 7, targetMW: 70)
        try s.update(deal: figures.id, createIfMissing: false) { $0 = figures }
        var added = deals[9]
        added.id = "zzzz-added"
        added.partners = [Partner(name: "Ünheard Vendor", role: .vendor)]
        added.milestones = [Milestone(date: PartialDate("2020")!, event: "long overdue")]
        try s.update(deal: added.id, createIfMissing: true) { $0 = added }
        deals[0] = first
        deals[3] = figures
        deals[5] = moved
        deals[6] = done
        deals[12] = renamed
        deals.remove(at: 7)
        deals.append(added)
        deals.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        XCTAssertEqual(try s.load().feed.deals, deals)
        try Self.assertSameAsFile(s, deals)

        // Names and text are matched by sovtrack's folding: the caller totals those itself.
        XCTAssertNil(try s.summary(matching: DealFilter(vendors: ["NVIDIA"]), today: Self.today))
        XCTAssertNil(try s.summary(matching: DealFilter(search: "cloud"), today: Self.today))
    }

    /// Vendors' shares where the split and the order of the additions show: Zed's parts in id
    /// order are 10¹⁶ MW (beyond the tidying) and then two of 1 MW, lost added after it, so that
    /// Zed ties Ace's 10¹⁶ and Ace comes first by name; added in another order, Zed would lead.
    /// And a deal naming one vendor in two spellings (its MW not split), one naming three (a
    /// third each); vendors in several countries; unknown figures, a deal without vendors and a
    /// partnership stating MW (in no share).
    func testVendorSharesAreTheFileStoresWithSplitsAndOrderThatShow() throws {
        let db = try ScratchDatabase.make(self)
        let s = try PostgresStore(
            url: db.url, environment: db.environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
        func deal(
            _ id: String, _ country: String, _ vendors: [String], _ mw: (Double?, Double?), _ kind: DealKind? = nil
        )
            -> Deal
        {
            var d = Deal(
                id: id, title: "Deal \(id)", country: country, announced: PartialDate("2025-03")!,
                partners: vendors.map { Partner(name: $0, role: .vendor) },
                capacity: Capacity(initialMW: mw.0, targetMW: mw.1))
            d.kind = kind
            return d
        }
        // In id order, as the file store keeps them.
        let deals = [
            deal("a1", "KR", ["Small", "Big"], (1, 0.1)),
            deal("a2", "JP", ["Big", "Small", "Zed"], (3, 0.3)),
            deal("a3", "KR", ["Small", "big", "Other"], (3, 0.3)),
            deal("a4", "JP", ["Big", "BIG"], (1, 0.7)),
            deal("a5", "JP", ["Other", "Small"], (nil, 0.7)),
            deal("a6", "JP", [], (5, 5)),
            deal("a7", "KR", ["Other"], (9, 9), .partnership),
            deal("a8", "JP", ["Small"], (1e16, 0.2)),
            deal("a9", "JP", ["Small", "Big"], (1, 1)),
            deal("b1", "KR", ["Zed"], (1e16, 1e16)),
            deal("b2", "KR", ["Zed"], (1, 1)),
            deal("b3", "KR", ["zed"], (1, 1)),
            deal("b4", "KR", ["Ace"], (1e16, 1e16)),
        ]
        try s.update(createIfMissing: true) { $0.deals = deals }
        try Self.assertSameAsFile(s, deals)
    }

    /// The server's summary of `deals` under several filters is the file store's, every format.
    static func assertSameAsFile(
        _ s: PostgresStore, _ deals: [Deal], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let filters = [
            DealFilter(), DealFilter(countries: ["KR", "JP"]), DealFilter(statuses: [.operational, .planned]),
            DealFilter(since: PartialDate("2025-H2"), until: PartialDate("2026")), DealFilter(minMW: 700),
            DealFilter(countries: ["ZZ"]),
        ]
        for filter in filters {
            let server = try XCTUnwrap(s.summary(matching: filter, today: Self.today), "\(filter)")
            let picked = filter.apply(to: deals)
            let local = Summary(deals: picked, by: .country, today: Self.today)
            for format in OutputFormat.allCases {
                XCTAssertEqual(
                    String(decoding: SummaryExport.render(server.summary, as: format), as: UTF8.self),
                    String(decoding: SummaryExport.render(local, as: format), as: UTF8.self),
                    "\(filter.summary) \(format)", file: file, line: line)
            }
            XCTAssertEqual(server.fromEpoch, picked.contains(where: EpochCredit.isFromEpoch), file: file, line: line)
        }
    }

    /// A store as a binary at schema `version` made it: its tables and its feed's row, no deals
    /// yet; and a link to fill it with.
    func olderStore(at version: Int) throws -> (ScratchDatabase, PostgresStore, PostgresLink) {
        let db = try ScratchDatabase.make(self)
        var s = try PostgresStore(
            url: db.url, environment: db.environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
        s.today = { Self.today }
        // The migration to version 2 fills its columns `batch` deals at a time: over several here.
        s.batch = 64
        let link = try PostgresLink.open(s.settings)
        try link.run("CREATE TABLE sovtrack_schema (version integer NOT NULL)")
        for v in 1...version {
            for statement in PostgresSchema.migrations[v - 1] { try link.run(statement) }
            try link.run("INSERT INTO sovtrack_schema (version) VALUES (\(v))")
        }
        let skeleton = PostgresStore.skeleton(of: Feed(updated: PartialDate("2026-05-01"), deals: []))
        try link.run("INSERT INTO sovtrack_feed (skeleton) VALUES (\(skeleton))")
        return (db, s, link)
    }

    func testADatabaseAtSchemaVersionOneIsBroughtToTheCurrentOneWithItsDealsUnchanged() throws {
        let deals = Self.deals(150)
        // The store as a version 1 binary made it: its tables, and the deals in its columns.
        let (db, s, link) = try olderStore(at: 1)
        defer { link.close() }
        for d in deals {
            try link.run(
                """
                INSERT INTO sovtrack_deals (id, country, vendors, status, announced_from, announced_to, doc)
                VALUES (\(d.id), \(d.country), \(d.vendors)::text[], \(d.status.rawValue), \(d.announced.startKey),
                    \(d.announced.endKey), \(DealRows.doc(d)))
                """)
        }
        XCTAssertNil(try s.summary(matching: DealFilter(), today: Self.today), "totalled here until migrated")
        XCTAssertFalse(try s.initialize(), "the store was there")
        XCTAssertEqual(try db.psql("SELECT max(version) FROM sovtrack_schema"), "\(PostgresSchema.version)")
        XCTAssertEqual(try db.psql("SELECT DISTINCT version FROM sovtrack_deals"), "1", "no deal changed")
        XCTAssertEqual(try s.load().feed.deals, deals)
        let server = try XCTUnwrap(s.summary(matching: DealFilter(), today: Self.today))
        XCTAssertEqual(
            SummaryExport.render(server.summary, as: .csv),
            SummaryExport.render(Summary(deals: deals, by: .country, today: Self.today), as: .csv))
    }

    func testADatabaseAtSchemaVersionTwoIsBroughtToThreeWithItsNamesAndMilestonesFilled() throws {
        let deals = Self.deals(150)
        // The store as a version 2 binary made it: its tables, then its deals with their facets.
        let (db, s, link) = try olderStore(at: 2)
        defer { link.close() }
        try DealRows.upsert(deals[...], link, facetRows: false)
        XCTAssertNil(try s.summary(matching: DealFilter(), today: Self.today), "totalled here until migrated")
        XCTAssertFalse(try s.initialize(), "the store was there")
        XCTAssertEqual(try db.psql("SELECT max(version) FROM sovtrack_schema"), "3")
        XCTAssertEqual(try db.psql("SELECT DISTINCT version FROM sovtrack_deals"), "1", "no deal changed")
        let names = deals.reduce(0) { n, d in
            n + Set(d.vendors.map(DealFilter.fold)).count + Set(d.otherPartners.map { DealFilter.fold($0.name) }).count
                + Set(d.models.map(DealFilter.fold)).count
        }
        XCTAssertEqual(try db.psql("SELECT count(*) FROM sovtrack_names"), "\(names)")
        XCTAssertEqual(
            try db.psql("SELECT count(*) FROM sovtrack_milestones"),
            "\(deals.reduce(0) { $0 + $1.milestones.filter { !$0.done }.count })")
        XCTAssertEqual(try db.psql("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'sovtrack_deals_tally%'"), "2")
        XCTAssertEqual(try s.load().feed.deals, deals)
        try Self.assertSameAsFile(s, deals)
    }
}
