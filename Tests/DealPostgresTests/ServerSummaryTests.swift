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

    func testTheServersTotalsAreTheFileStoresByteForByte() throws {
        let db = try ScratchDatabase.make(self)
        let s = try PostgresStore(
            url: db.url, environment: db.environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
        let deals = Self.deals(3_000)
        try s.update(createIfMissing: true) { $0.deals = deals }
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
                    "\(filter.summary) \(format)")
            }
            XCTAssertEqual(server.fromEpoch, picked.contains(where: EpochCredit.isFromEpoch))
        }
        // Names and text are matched by sovtrack's folding: the caller totals those itself.
        XCTAssertNil(try s.summary(matching: DealFilter(vendors: ["NVIDIA"]), today: Self.today))
        XCTAssertNil(try s.summary(matching: DealFilter(search: "cloud"), today: Self.today))
    }

    func testADatabaseAtSchemaVersionOneIsBroughtToTwoWithItsDealsUnchanged() throws {
        let db = try ScratchDatabase.make(self)
        var s = try PostgresStore(
            url: db.url, environment: db.environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
        s.today = { Self.today }
        let deals = Self.deals(300)
        // The store as a version 1 binary made it: its tables, and the deals in its columns.
        let link = try PostgresLink.open(s.settings)
        defer { link.close() }
        try link.run("CREATE TABLE sovtrack_schema (version integer NOT NULL)")
        for statement in PostgresSchema.migrations[0] { try link.run(statement) }
        try link.run("INSERT INTO sovtrack_schema (version) VALUES (1)")
        let skeleton = PostgresStore.skeleton(of: Feed(updated: PartialDate("2026-05-01"), deals: []))
        try link.run("INSERT INTO sovtrack_feed (skeleton) VALUES (\(skeleton))")
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
        XCTAssertEqual(try db.psql("SELECT max(version) FROM sovtrack_schema"), "2")
        XCTAssertEqual(try db.psql("SELECT DISTINCT version FROM sovtrack_deals"), "1", "no deal changed")
        XCTAssertEqual(try s.load().feed.deals, deals)
        let server = try XCTUnwrap(s.summary(matching: DealFilter(), today: Self.today))
        XCTAssertEqual(
            SummaryExport.render(server.summary, as: .csv),
            SummaryExport.render(Summary(deals: deals, by: .country, today: Self.today), as: .csv))
    }
}
