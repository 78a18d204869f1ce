import DealKit
import Foundation
import TestSupport
import XCTest

/// `sovtrack import --from epoch`, run as a user runs it, and every command on the store it makes.
final class EpochImportCLITests: XCTestCase {
    static let excerpt = PackageRoot.fixture("epoch-excerpt.csv").path
    /// The full snapshot beside the repository: `../shared/data/epoch/gpu_clusters.csv`.
    static let full = PackageRoot.url.deletingLastPathComponent().appendingPathComponent(
        "shared/data/epoch/gpu_clusters.csv"
    ).path

    /// A path for a store that does not exist yet.
    func emptyStore() throws -> String {
        try TemporaryDirectory.make().appendingPathComponent("deals.json").path
    }

    @discardableResult
    func run(_ args: [String], expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws
        -> SovtrackProcess.Result
    {
        let r = try CLI.run(args)
        XCTAssertEqual(
            r.status, status, "sovtrack \(args.joined(separator: " "))\n\(r.stdout)\(r.stderr)", file: file, line: line)
        return r
    }

    func testImportExcerptIntoAnEmptyStoreThenAgain() throws {
        let store = try emptyStore()
        let rejects = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("rejects.csv").path
        let first = try run(["import", "--from", "epoch", Self.excerpt, "--store", store, "--rejects", rejects])
        XCTAssertTrue(
            first.stdout.hasPrefix("38 rows read: added 34, updated 0, unchanged 0, rejected 4\n"), first.stdout)
        XCTAssertTrue(first.stdout.contains("rejected, no country: 4"), first.stdout)
        XCTAssertTrue(
            first.stdout.range(of: #"\ntime \d+\.\d\d s\n"#, options: .regularExpression) != nil, first.stdout)
        XCTAssertTrue(first.stdout.contains("rejected rows (4) written to \(rejects)"), first.stdout)
        XCTAssertTrue(first.stderr.contains("created a new store"), first.stderr)
        XCTAssertFalse(first.stderr.contains("\u{1B}["), "no progress line when standard error is not a terminal")

        let written = try CSVReader.parse(Array(try Data(contentsOf: URL(fileURLWithPath: rejects))))
        XCTAssertEqual(written.count, 5)
        XCTAssertEqual(written[1].fields.first, "xAI 5 year plan")

        let second = try run(["import", "--from", "epoch", Self.excerpt, "--store", store])
        XCTAssertTrue(
            second.stdout.hasPrefix("38 rows read: added 0, updated 0, unchanged 34, rejected 4\n"), second.stdout)
    }

    func testEveryCommandWorksOnTheImportedStore() throws {
        let store = try emptyStore()
        try run(["import", "--from", "epoch", Self.excerpt, "--store", store])

        let validate = try run(["validate", "--store", store])
        XCTAssertTrue(validate.stdout.contains("34 deals (0 errors, 0 warnings)"), validate.stdout + validate.stderr)
        try run(["validate", store])

        let list = try run(["list", "--country", "KR", "--store", store])
        XCTAssertTrue(list.stdout.contains("South Korea Planned 3GW Cluster"), list.stdout)
        let summary = try run(["summary", "--store", store])
        XCTAssertTrue(summary.stdout.contains("United Kingdom"), summary.stdout)
        let byVendor = try run(["summary", "--by", "vendor", "--store", store])
        XCTAssertTrue(byVendor.stdout.contains("NVIDIA"), byVendor.stdout)
        let show = try run(["show", "epoch-oak-ridge-nl-summit", "--store", store])
        XCTAssertTrue(
            show.stdout.contains("2024-11-15  decommissioned [1, ") && show.stdout.contains("]  [done]"), show.stdout)
        XCTAssertTrue(show.stdout.contains("Epoch AI, GPU Clusters dataset"), show.stdout)
        try run(["show", "epoch-oak-ridge-nl-summit", "--json", "--store", store])

        let csv = try run(["list", "--format", "csv", "--store", store])
        let rows = try CSVReader.parse(Array(csv.stdout.utf8))
        XCTAssertEqual(rows.count, 35)
        let json = try run(["list", "--format", "json", "--store", store])
        let feed = FeedDecoder.decode(Array(json.stdout.utf8))
        XCTAssertFalse(feed.hasErrors, feed.issues.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(feed.feed.deals.count, 34)
        try run(["summary", "--format", "json", "--store", store])
        try run(["summary", "--by", "vendor", "--format", "md", "--store", store])
        try run(["list", "--search", "decommissioned", "--format", "md", "--store", store])

        // The JSON list is a feed: it imports back into another store unchanged.
        let out = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("export.json").path
        try run(["list", "--format", "json", "--output", out, "--store", store])
        let other = try emptyStore()
        try run(["import", out, "--store", other])
        let again = try run(["import", out, "--store", other])
        XCTAssertTrue(again.stdout.hasPrefix("added 0, updated 0, unchanged 34"), again.stdout)
    }

    func testDryRunWritesNothingToTheStore() throws {
        let store = try emptyStore()
        let r = try run(["import", "--from", "epoch", Self.excerpt, "--store", store, "--dry-run"])
        XCTAssertTrue(r.stdout.contains("added 34"), r.stdout)
        XCTAssertTrue(r.stdout.contains("dry run: nothing was written to the store"), r.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store))
    }

    func testUsageAndDataErrors() throws {
        let store = try emptyStore()
        let usage = try run(["import", Self.excerpt, "--rejects", "/tmp/x.csv", "--store", store], expect: 64)
        XCTAssertTrue(usage.stderr.contains("--rejects only applies to --from epoch"), usage.stderr)

        let notEpoch = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("deals.csv")
        try Data("id,title,country,announced\nx,X,FR,2025\n".utf8).write(to: notEpoch)
        let data = try run(["import", "--from", "epoch", notEpoch.path, "--store", store], expect: 65)
        XCTAssertTrue(
            data.stderr.contains("not Epoch AI's GPU clusters CSV: the header has no \"Name\", \"Status\" column"),
            data.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store))

        let withoutFrom = try run(["import", Self.excerpt, "--store", store], expect: 65)
        XCTAssertTrue(withoutFrom.stderr.contains("add --from epoch"), withoutFrom.stderr)

        let missing = try run(
            ["import", "--from", "epoch", "/nonexistent/gpu_clusters.csv", "--store", store], expect: 66)
        XCTAssertFalse(missing.stderr.isEmpty)
    }

    func testFullSnapshotIntoAnEmptyStore() throws {
        guard FileManager.default.fileExists(atPath: Self.full) else {
            throw XCTSkip("the full Epoch snapshot is not at \(Self.full)")
        }
        let store = try emptyStore()
        let first = try run(["import", "--from", "epoch", Self.full, "--store", store])
        XCTAssertTrue(
            first.stdout.hasPrefix("786 rows read: added 701, updated 0, unchanged 0, rejected 85\n"), first.stdout)
        XCTAssertTrue(first.stdout.contains("rejected, no country: 85"), first.stdout)
        let validate = try run(["validate", "--store", store])
        XCTAssertTrue(validate.stdout.contains("701 deals (0 errors"), validate.stdout)

        // The summary per country, against totals computed straight from the CSV.
        let summary = try run(["summary", "--format", "json", "--store", store])
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [[String: Any]])
        let expected = try Self.expectedPerCountry(Self.full)
        XCTAssertEqual(Set(rows.compactMap { $0["country"] as? String }), Set(expected.keys))
        for row in rows {
            let code = try XCTUnwrap(row["country"] as? String)
            let e = try XCTUnwrap(expected[code])
            XCTAssertEqual(row["deals"] as? Int, e.deals, code)
            XCTAssertEqual(row["unknown_mw_deals"] as? Int, e.unknown, code)
            Self.assertClose(row["operational_mw"] as? Double, e.operational, "\(code) operational_mw")
            Self.assertClose(row["committed_mw"] as? Double, e.committed, "\(code) committed_mw")
            Self.assertClose(row["ambition_mw"] as? Double, e.ambition, "\(code) ambition_mw")
        }

        // Every command on the imported store, and the import again: the excerpt's tests do both
        // in every run; on the whole snapshot, the whole suite.
        guard TestScale.whole("the full Epoch snapshot's other commands and second import") else { return }
        for args in [
            ["list", "--country", "US"], ["summary", "--by", "vendor"], ["show", "epoch-xai-colossus-memphis-phase-2"],
            ["list", "--format", "csv"], ["list", "--format", "json"], ["summary", "--format", "csv"],
        ] {
            try run(args + ["--store", store])
        }

        let second = try run(["import", "--from", "epoch", Self.full, "--store", store])
        XCTAssertTrue(
            second.stdout.hasPrefix("786 rows read: added 0, updated 0, unchanged 701, rejected 85\n"), second.stdout)
    }

    /// Per-country deal counts and MW sums computed from the CSV alone (see `docs/import-epoch.md`):
    /// the figure is `Power Capacity (MW)`, else the reported, else the calculated one; Existing rows
    /// are operational; every row but an Unlikely plan is committed; every figure counts towards ambition.
    static func expectedPerCountry(_ path: String) throws -> [String: (
        deals: Int, unknown: Int, operational: Double?, committed: Double?, ambition: Double?
    )] {
        let records = try CSVReader.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let header = records[0].fields
        func col(_ name: String) throws -> Int { try XCTUnwrap(header.firstIndex(of: name), name) }
        let (country, status, certainty) = (try col("Country"), try col("Status"), try col("Certainty"))
        let power = try ["Power Capacity (MW)", "Reported Power Capacity (MW)", "Calculated Power Capacity (MW)"].map(
            col)
        var out: [String: (deals: Int, unknown: Int, operational: Double?, committed: Double?, ambition: Double?)] = [:]
        for r in records.dropFirst() where !r.fields[country].trimmingCharacters(in: .whitespaces).isEmpty {
            let code = try XCTUnwrap(Countries.lookup(r.fields[country]), r.fields[country]).code
            var e = out[code] ?? (0, 0, nil, nil, nil)
            e.deals += 1
            if let mw = power.lazy.compactMap({ Double(r.fields[$0]) }).first {
                if r.fields[status] == "Existing" { e.operational = (e.operational ?? 0) + mw }
                if !(r.fields[status] == "Planned" && r.fields[certainty] == "Unlikely") {
                    e.committed = (e.committed ?? 0) + mw
                }
                e.ambition = (e.ambition ?? 0) + mw
            } else {
                e.unknown += 1
            }
            out[code] = e
        }
        return out
    }

    static func assertClose(
        _ a: Double?, _ b: Double?, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        switch (a, b) {
        case (nil, nil): return
        case (let x?, let y?): XCTAssertEqual(x, y, accuracy: max(1e-6, abs(y) * 1e-9), what, file: file, line: line)
        default: XCTFail("\(what): \(String(describing: a)) vs \(String(describing: b))", file: file, line: line)
        }
    }
}
