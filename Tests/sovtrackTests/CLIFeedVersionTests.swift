import DealKit
import Foundation
import TestSupport
import XCTest

/// Feed version 2 on the command line: a version-1 store from before the change, citations,
/// n/a, approximate and unstated figures, products.
final class CLIFeedVersionTests: XCTestCase {
    /// The bundled dataset as it was in feed version 1, before the change.
    static var version1: URL { PackageRoot.fixture("deals-v1.json") }

    func testAVersion1StoreIsReadWithoutChangeAndUpgradedOnlyWhenWritten() throws {
        let store = try CLI.copy(Self.version1)
        let before = try XCTUnwrap(CLI.bytes(store))
        for args in [["list"], ["summary"], ["show", "kr-naver-nvidia-dsx-sejong"], ["validate", store.path]] {
            let r = try CLI.run(args + (args[0] == "validate" ? [] : ["--store", store.path]))
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("upgraded"), "\(args) reads only")
        }
        XCTAssertEqual(CLI.bytes(store), before, "reading never writes")
        // The codec gives a version-1 file back byte for byte.
        XCTAssertTrue(FeedEncoder.encode(FeedDecoder.decode(before).feed) == before)

        let r = try CLI.run("edit", "gb-sovereign-ai-factory", "--site", "London", "--store", store.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(
            CLI.lines(r.stderr).filter { $0.contains("upgraded") },
            ["upgraded \(store.path) from feed version 1 to 2 (see docs/format.md, \"Version 2\")"],
            "said once, on standard error")
        let after = try XCTUnwrap(CLI.text(store))
        XCTAssertTrue(after.contains("\"version\": 2,"))
        // Nothing is lost: every deal is as it was but for the one edit.
        let old = FeedDecoder.decode(before).feed.deals
        var new = FeedDecoder.decode(Array(after.utf8)).feed.deals
        XCTAssertEqual(new.first { $0.id == "gb-sovereign-ai-factory" }?.site, "London")
        if let i = new.firstIndex(where: { $0.id == "gb-sovereign-ai-factory" }) { new[i].site = nil }
        XCTAssertEqual(new, old)
        // A second write says nothing more.
        let again = try CLI.run("edit", "gb-sovereign-ai-factory", "--site", "", "--store", store.path)
        XCTAssertFalse(again.stderr.contains("upgraded"))
    }

    func testShowPrintsEveryFigureWithItsCitation() throws {
        let store = try CLI.copy(CLI.fixture)
        let r = try CLI.run("show", "kr-naver-nvidia-dsx-sejong", "--store", store.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        for expected in [
            "announced    2026-06-07 [4]", "sponsor      NAVER [1, 3, 4]", "platform     NVIDIA DSX [1, 2, 3, 4, 5]",
            "site         GAK Sejong [1, 3]",
            "committed 55 MW [1, 3, 5] · target ≈1,000 MW [1, 3, 4, 5] (aspirational) · operational unknown",
            "2026-H2     AI Agent Platform launch [1]",
            "[4] NAVER and NVIDIA Scale Sovereign AI to Gigawatt Capacity in South Korea — The Quantum Dispatch, 2026-06-10",
            "products     DSX, Nemotron 3 Ultra, Cosmos",
        ] {
            XCTAssertTrue(r.stdout.contains(expected), "missing \(expected) in\n\(r.stdout)")
        }
        let md = try CLI.run("show", "kr-naver-nvidia-dsx-sejong", "--md", "--store", store.path)
        XCTAssertTrue(
            md.stdout.contains(
                "| capacity | committed 55 MW \\[1, 3, 5\\] · target ≈1,000 MW \\[1, 3, 4, 5\\] (aspirational) · operational unknown |"
            ), md.stdout)
        XCTAssertTrue(md.stdout.contains("- 2026-H2: AI Agent Platform launch \\[1\\]"), md.stdout)
        XCTAssertTrue(
            md.stdout.contains(
                "4. NAVER and NVIDIA Scale Sovereign AI to Gigawatt Capacity in South Korea — The Quantum Dispatch, 2026-06-10"
            ), md.stdout)
        let hynix = try CLI.run("show", "kr-sk-hynix-nvidia-memory", "--store", store.path)
        XCTAssertTrue(hynix.stdout.contains("SK hynix (vendor: next-generation memory to NVIDIA)"), hynix.stdout)
        XCTAssertTrue(hynix.stdout.contains("n/a (megawatts do not apply to a partnership deal)"), hynix.stdout)
        let skt = try CLI.run("show", "kr-skt-nvidia-ai-cloud", "--store", store.path)
        XCTAssertTrue(skt.stdout.contains("≤2026-06-07 (not stated; public by then) [1, 2]"), skt.stdout)
    }

    func testListByProductAndTheMarksOfTheTable() throws {
        let store = try CLI.copy(CLI.fixture)
        func ids(_ args: String...) throws -> [String] {
            let r = try CLI.run(["list", "--store", store.path, "--format", "csv", "--sort", "id"] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            return CLI.lines(r.stdout).dropFirst().map { String($0.prefix { $0 != "," }) }
        }
        XCTAssertEqual(try ids("--product", "Vera Rubin"), ["kr-sk-hynix-nvidia-memory"])
        XCTAssertEqual(
            try ids("--product", "cosmos", "--product", "jetson"),
            ["kr-naver-nvidia-dsx-sejong", "kr-sk-hynix-nvidia-memory"])
        XCTAssertEqual(try ids("--search", "physicsnemo"), ["kr-sk-hynix-nvidia-memory"], "search covers products")
        XCTAssertEqual(try ids("--product", "GB300"), [])
        // An unstated date is compared as its bound: certainly public by 2026-06-07.
        XCTAssertEqual(try ids("--until", "2026-06-07").count, 5)
        XCTAssertEqual(try ids("--until", "2026-06-06"), [])
        let table = try CLI.run("list", "--store", store.path).stdout
        XCTAssertTrue(table.contains("≤2026-06-07"), table)
        XCTAssertTrue(table.contains("55 → ≈1,000"), table)
        XCTAssertTrue(table.contains(" n/a "), table)
    }

    func testSummaryOfTheBundledData() throws {
        let store = try CLI.copy(CLI.fixture)
        let json = try CLI.run("summary", "--store", store.path, "--format", "json")
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let kr = try XCTUnwrap(rows.first { $0["country"] as? String == "KR" })
        XCTAssertEqual(kr["unknown_mw_deals"] as? Int, 0, "the memory partnership is not an unknown-MW deal")
        XCTAssertEqual(kr["no_mw_deals"] as? Int, 1)
        XCTAssertEqual(kr["approx_mw"] as? [String], ["ambition_mw"])
        let byVendor = try CLI.run("summary", "--by", "vendor", "--store", store.path, "--format", "csv")
        XCTAssertTrue(CLI.lines(byVendor.stdout).contains { $0.hasPrefix("SK hynix,KR,1,,,,0,1,") }, byVendor.stdout)
        let table = try CLI.run("summary", "--store", store.path).stdout
        XCTAssertTrue(table.contains("≈2,000"), table)
    }

    func testValidateWarnsAboutAnUncitedFigure() throws {
        var feed = FeedDecoder.decode(BundledDataset.bytes).feed
        let i = try XCTUnwrap(feed.index(of: "kr-naver-nvidia-dsx-sejong"))
        feed.deals[i].cite[.initialMW] = []
        feed.deals[i].milestones[0].cite = []
        let file = try CLI.write(String(decoding: FeedEncoder.encode(feed), as: UTF8.self), as: "uncited.json")
        let r = try CLI.run("validate", file.path)
        XCTAssertEqual(r.status, 0, "warnings do not fail")
        XCTAssertEqual(
            CLI.lines(r.stdout).filter { $0.contains("cites no source") },
            [
                "\(file.path): deals[\(i)].cite: warning: initialMW 55 cites no source",
                "\(file.path): deals[\(i)].milestones[0]: warning: milestone \"AI Agent Platform launch\" cites no source",
            ])
        feed.deals[i].cite[.initialMW] = [9]
        let bad = try CLI.write(String(decoding: FeedEncoder.encode(feed), as: UTF8.self), as: "bad.json")
        let e = try CLI.run("validate", bad.path)
        XCTAssertNotEqual(e.status, 0)
        XCTAssertTrue(
            e.stdout.contains(
                "deals[\(i)].cite.initialMW: cites source 9, but the deal has 5 sources (numbered from 1)"), e.stdout)
    }

    func testTheBundledEpochSnapshotImportsWithItsCredit() throws {
        let dir = try TemporaryDirectory.make()
        let store = dir.appendingPathComponent("epoch.json")
        let r = try CLI.run("import", "--from", "epoch", "--bundled", "--store", store.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("786 rows read: added 701, updated 0, unchanged 0, rejected 85"), r.stdout)
        XCTAssertTrue(r.stdout.contains("data: Epoch AI, GPU Clusters dataset (CC BY 4.0)"), r.stdout)
        let list = try CLI.run("list", "--country", "KR", "--store", store.path)
        XCTAssertTrue(
            list.stdout.hasSuffix(
                "\nData: Epoch AI, GPU Clusters dataset (CC BY 4.0), https://epoch.ai/data/gpu-clusters\n"), list.stdout
        )
        let summary = try CLI.run("summary", "--store", store.path)
        XCTAssertTrue(summary.stdout.contains("Data: Epoch AI"), summary.stdout)
        XCTAssertTrue(summary.stdout.contains("≈"), "Epoch's calculated power is approximate")
        let csv = try CLI.run("list", "--store", store.path, "--format", "csv")
        XCTAssertFalse(csv.stdout.contains("Data: "), "CSV stays data only")
        let validate = try CLI.run("validate", store.path)
        XCTAssertTrue(validate.stdout.hasSuffix("ok, 701 deals (0 errors, 0 warnings)\n"), validate.stdout)
        XCTAssertEqual(
            try CLI.run("import", "--bundled", "--store", store.path).status, 64, "--bundled needs --from epoch")
    }
}
