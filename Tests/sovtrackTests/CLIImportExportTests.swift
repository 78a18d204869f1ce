import DealKit
import Foundation
import XCTest

final class CLIImportExportTests: XCTestCase {
    private func ok(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws
        -> SovtrackProcess.Result
    {
        let r = try CLI.run(args)
        XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)", file: file, line: line)
        CLI.assertNoCrash(r, file: file, line: line)
        return r
    }

    /// A store holding the bundled dataset plus `FeedSamples.everything`.
    private func richStore() throws -> URL {
        let store = try CLI.copy(CLI.fixture)
        let sample = try CLI.write(FeedSamples.everything, as: "sample.json", in: store.deletingLastPathComponent())
        _ = try ok(["import", sample.path, "--store", store.path])
        return store
    }

    func testCSVExportImportExportIsTheSameFile() throws {
        for store in [try CLI.copy(CLI.fixture), try richStore()] {
            let dir = store.deletingLastPathComponent()
            let first = dir.appendingPathComponent("first.csv")
            _ = try ok(["list", "--store", store.path, "--output", first.path])
            let empty = dir.appendingPathComponent("empty/deals.json")
            let imported = try ok(["import", first.path, "--store", empty.path])
            XCTAssertTrue(imported.stdout.hasPrefix("added "), imported.stdout)
            XCTAssertEqual(CLI.lines(imported.stderr), ["created a new store at \(empty.path)"])
            // To a file, CSV keeps the data (to a pipe it would show controls as placeholders).
            let second = dir.appendingPathComponent("second.csv")
            _ = try ok(["list", "--store", empty.path, "--format", "csv", "--output", second.path])
            XCTAssertEqual(CLI.text(second), CLI.text(first))
        }
    }

    func testCSVCarriesQuotingAndNeutralisation() throws {
        let store = try richStore()
        let file = store.deletingLastPathComponent().appendingPathComponent("eu.csv")
        _ = try ok(["list", "--store", store.path, "--format", "csv", "--country", "EU", "--output", file.path])
        let csv = try XCTUnwrap(CLI.text(file))
        XCTAssertTrue(
            csv.contains(#"eu-pilot,"'=Pilot, phase 1",EU,2026-Q3,planned,"'-European ""Commission""","#), csv)
        // Each list item is neutralised, not only the cell's first (issue 11).
        XCTAssertTrue(csv.contains(#""Say, Inc:investor;'@ops:operator",NVIDIA,'+DSX,"line1"#), csv)
        XCTAssertTrue(csv.contains("\"line1\nline2\",12.5,300,,reported,"), csv)
        XCTAssertTrue(csv.contains(#","https://a.test/x?a=1,2""#), csv)
        // To a pipe, the same cells with the line break shown, never raw.
        let piped = try ok(["list", "--store", store.path, "--format", "csv", "--country", "EU"]).stdout
        XCTAssertTrue(
            piped.contains(#""Say, Inc:investor;'@ops:operator",NVIDIA,'+DSX,line1\#u{2424}line2,12.5,300,,reported,"#),
            piped)
    }

    func testJSONExportImport() throws {
        let store = try richStore()
        let dir = store.deletingLastPathComponent()
        let exported = dir.appendingPathComponent("export.json")
        _ = try ok(["list", "--store", store.path, "--output", exported.path])
        let other = dir.appendingPathComponent("other.json")
        let r = try ok(["import", exported.path, "--store", other.path])
        XCTAssertEqual(CLI.lines(r.stdout).first, "added 7, updated 0, unchanged 0, conflicting 0")
        let a = FeedDecoder.decode(CLI.bytes(exported)!)
        let b = FeedDecoder.decode(Array(try ok(["list", "--store", other.path, "--format", "json"]).stdout.utf8))
        XCTAssertFalse(b.hasErrors)
        XCTAssertEqual(b.feed.deals, a.feed.deals, "every deal, unknown keys included, comes through")
        let text = CLI.text(other) ?? ""
        XCTAssertTrue(text.contains(#""x-future": {"a": [1.50, 12345678901234567890]}"#), text)
        XCTAssertTrue(text.contains(#""x-fx": 1.50"#))
        // Importing the same file again changes nothing.
        let again = try ok(["import", exported.path, "--store", other.path])
        XCTAssertEqual(CLI.lines(again.stdout).first, "added 0, updated 0, unchanged 7, conflicting 0")
    }

    func testUnknownTopLevelKeysOfTheStoreSurviveAnImport() throws {
        let store = try CLI.write(FeedSamples.everything, as: "deals.json")
        let csv = try CLI.write(
            "id,target_mw\r\neu-pilot,400\r\n", as: "edit.csv", in: store.deletingLastPathComponent())
        let r = try ok(["import", csv.path, "--store", store.path])
        XCTAssertEqual(CLI.lines(r.stdout), ["added 0, updated 1, unchanged 0, conflicting 0", "  updated: eu-pilot"])
        let text = CLI.text(store) ?? ""
        XCTAssertTrue(text.contains(#""x-top": 12345678901234567890"#), text)
        XCTAssertTrue(
            text.contains(
                #""capacity": {"initialMW": 12.5, "targetMW": 400, "operationalMW": null, "confidence": "reported", "x-phase": "p1"}"#
            ), text)
        XCTAssertTrue(text.contains(#"{"name": "Say, Inc", "role": "investor", "x-share": 0.25}"#), text)
        XCTAssertTrue(text.contains(#""notes": "multi\nline""#), "columns the CSV lacks are kept")
    }

    func testDryRunWritesNothing() throws {
        let store = try CLI.copy(CLI.fixture)
        let dir = store.deletingLastPathComponent()
        let before = CLI.bytes(store)
        let sample = try CLI.write(FeedSamples.everything, as: "sample.json", in: dir)
        let r = try ok(["import", sample.path, "--store", store.path, "--dry-run"])
        // The same per-deal changes `diff` prints, then the dry run's note.
        XCTAssertEqual(
            CLI.lines(r.stdout),
            [
                "added 2, updated 0, unchanged 0, conflicting 0", "  added: eu-pilot, sa-humain",
                "id         change", "─────────  ──────────", "eu-pilot   deal added", "sa-humain  deal added",
                "dry run: nothing was written",
            ])
        XCTAssertEqual(CLI.bytes(store), before)
        XCTAssertEqual(CLI.files(in: dir), ["deals.json", "sample.json"], "no backup, lock or temporary file")
        // Into a store that does not exist yet: nothing is created.
        let missing = dir.appendingPathComponent("new/deals.json")
        _ = try ok(["import", sample.path, "--store", missing.path, "--dry-run"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
        // A dry run still refuses what a real import would refuse.
        let bad = try CLI.write("id,title,country,announced\r\nx,T,Korea,2026\r\n", as: "bad.csv", in: dir)
        let refused = try CLI.run("import", bad.path, "--store", store.path, "--dry-run")
        XCTAssertEqual(refused.status, 65)
        XCTAssertEqual(CLI.bytes(store), before)
    }

    func testCSVUpdatesOnlyItsColumnsAndReportsEachKind() throws {
        let store = try CLI.copy(CLI.fixture)
        let csv = try CLI.write(
            """
            id,title,country,announced,operational_mw,vendors\r
            kr-naver-nvidia-dsx-sejong,"네이버 NAVER expands its sovereign AI factories on NVIDIA DSX, starting at GAK Sejong",KR,2026-06-07,40,NVIDIA\r
            gb-sovereign-ai-factory,United Kingdom sovereign AI factory with NVIDIA,GB,≤2026-06-07,,NVIDIA\r
            jp-new,New Japanese deal,Japan,2026-H2,,"NVIDIA;Fujitsu"\r

            """, as: "in.csv")
        let r = try ok(["import", csv.path, "--store", store.path])
        XCTAssertEqual(
            CLI.lines(r.stdout),
            [
                "added 1, updated 1, unchanged 1, conflicting 0", "  added: jp-new",
                "  updated: kr-naver-nvidia-dsx-sejong",
            ])
        let feed = FeedDecoder.decode(CLI.bytes(store)!).feed
        let naver = try XCTUnwrap(feed.deals.first { $0.id == "kr-naver-nvidia-dsx-sejong" })
        XCTAssertEqual(naver.capacity?.operationalMW, 40)
        XCTAssertEqual(naver.capacity?.initialMW, 55, "a column the file lacks is kept")
        XCTAssertEqual(naver.models.count, 2)
        XCTAssertEqual(naver.partners.first?.supplies, "DSX infrastructure stack", "what the CSV cannot say is kept")
        XCTAssertEqual(naver.sources.count, 5)
        XCTAssertEqual(naver.otherPartners.map(\.name), ["NAVER"], "no partners column: the other partners are kept")
        let jp = try XCTUnwrap(feed.deals.first { $0.id == "jp-new" })
        XCTAssertEqual(jp.country, "JP")
        XCTAssertEqual(jp.vendors, ["NVIDIA", "Fujitsu"])
        XCTAssertNil(jp.capacity, "empty cells are unknown")
    }

    func testConflictsAreReportedAndNotApplied() throws {
        let store = try CLI.copy(CLI.fixture)
        let before = FeedDecoder.decode(CLI.bytes(store)!).feed
        let csv = try CLI.write(
            "id,title,country,announced\nkr-skt-nvidia-ai-cloud,One,KR,2026\nnew-one,N,KR,2026\nkr-skt-nvidia-ai-cloud,Two,KR,2026\n",
            as: "c.csv")
        // The other ids are imported, and the exit status says not everything was.
        let r = try CLI.run("import", csv.path, "--store", store.path)
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("1 id(s) given twice with different contents were not imported"), r.stderr)
        XCTAssertEqual(
            CLI.lines(r.stdout),
            [
                "added 1, updated 0, unchanged 0, conflicting 1", "  added: new-one",
                "  conflicting (same id twice with different contents; not applied): kr-skt-nvidia-ai-cloud",
            ])
        let after = FeedDecoder.decode(CLI.bytes(store)!).feed
        XCTAssertEqual(
            after.deals.first { $0.id == "kr-skt-nvidia-ai-cloud" },
            before.deals.first { $0.id == "kr-skt-nvidia-ai-cloud" })
    }

    func testImportedFeedWithDuplicateIdsIsRefused() throws {
        let store = try CLI.copy(CLI.fixture)
        let before = CLI.bytes(store)
        let path = CLI.bad("duplicate-ids.json").path
        let r = try CLI.run("import", path, "--store", store.path)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(
            CLI.lines(r.stderr),
            [
                #"\#(path): deals[2].id: duplicate id "a" (first used by deals[0])"#,
                "sovtrack: \(path): not imported: 1 error(s); the store is unchanged",
            ])
        XCTAssertEqual(CLI.bytes(store), before)
    }

    func testFromOptionOverridesTheExtension() throws {
        let store = try CLI.copy(CLI.fixture)
        let csvNamedTxt = try CLI.write("id,title,country,announced\r\nxx,T,FR,2026\r\n", as: "data.txt")
        let r = try ok(["import", csvNamedTxt.path, "--from", "csv", "--store", store.path])
        XCTAssertEqual(CLI.lines(r.stdout).first, "added 1, updated 0, unchanged 0, conflicting 0")
    }
}
