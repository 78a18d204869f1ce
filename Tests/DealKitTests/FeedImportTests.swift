import XCTest

@testable import DealKit

final class FeedImportTests: XCTestCase {
    private let stored = Deal(
        id: "kr-skt", title: "SKT", country: "KR", announced: PartialDate("2026-06-07")!, status: .planned,
        sponsor: "SK Telecom", partners: [Partner(name: "NVIDIA", role: .vendor)],
        sources: [Source(title: "Old", url: "https://example.com/old")])

    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    private func feedFile(_ deals: String) -> [UInt8] {
        bytes(#"{"format": "sovtrack-feed", "version": 1, "deals": [\#(deals)]}"#)
    }

    func testACSVRowChangesOnlyItsColumnsAndAddsNewDeals() throws {
        let csv = "id,title,country,announced\r\nkr-skt,SKT renamed,,\r\njp-new,New,JP,2026-Q3\r\n"
        let only = "id,title\r\nkr-skt,SKT renamed\r\n"
        var feed = Feed(deals: [stored])
        let report = try FeedImport.read(bytes(only), csv: true, name: "in.csv", replace: false).merge(into: &feed)
        XCTAssertEqual(report.updated, ["kr-skt"])
        XCTAssertEqual(feed.deals[0].title, "SKT renamed")
        XCTAssertEqual(feed.deals[0].sponsor, "SK Telecom", "a column the file lacks is kept")
        XCTAssertEqual(feed.deals[0].status, .planned)
        XCTAssertThrowsError(
            try FeedImport.read(bytes(csv), csv: true, name: "in.csv", replace: false).merge(into: &feed)
        ) {
            // The empty country and date cells of a known deal are problems, each with its file and line.
            let p = $0 as? ImportProblems
            XCTAssertEqual(p?.count, 2, "\($0)")
            XCTAssertTrue(p?.listed.allSatisfy { $0.hasPrefix("in.csv:2: ") } == true, "\(p?.listed ?? [])")
        }
    }

    func testAFeedDealKeepsWhatItDoesNotMentionUnlessReplacing() throws {
        let file = feedFile(
            #"{"id": "kr-skt", "title": "SKT", "country": "KR", "announced": "2026-06-07", "sources": [{"title": "New", "url": "https://example.com/new"}]}"#
        )
        var merged = Feed(deals: [stored])
        _ = try FeedImport.read(file, csv: false, name: "in.json", replace: false).merge(into: &merged)
        XCTAssertEqual(merged.deals[0].status, .planned, "status not given: kept, not reset to the default")
        XCTAssertEqual(merged.deals[0].partners.map(\.name), ["NVIDIA"])
        XCTAssertEqual(merged.deals[0].sources.map(\.title), ["Old", "New"])

        var replaced = Feed(deals: [stored])
        _ = try FeedImport.read(file, csv: false, name: "in.json", replace: true).merge(into: &replaced)
        XCTAssertEqual(replaced.deals[0].status, .announced, "--replace: the incoming deal whole")
        XCTAssertEqual(replaced.deals[0].partners, [])
        XCTAssertEqual(replaced.deals[0].sources.map(\.title), ["New"])
    }

    func testProblemsAreListedUpToTheLimitAndAllCounted() throws {
        let rows = (0..<(FeedDecoder.issueLimit + 5)).map { "bad id \($0),T,KR,2026\r\n" }.joined()
        var feed = Feed()
        XCTAssertThrowsError(
            try FeedImport.read(
                bytes("id,title,country,announced\r\n" + rows), csv: true, name: "f.csv", replace: false
            )
            .merge(into: &feed)
        ) {
            let p = $0 as? ImportProblems
            XCTAssertEqual(p?.count, FeedDecoder.issueLimit + 5)
            XCTAssertEqual(p?.listed.count, FeedDecoder.issueLimit)
            XCTAssertEqual(p?.unlisted, 5)
            XCTAssertEqual(p?.listed.first?.hasPrefix("f.csv:2: id: "), true, "\(p?.listed.first ?? "")")
        }
    }

    func testAPreviewChangesNothingAndListsEachChange() throws {
        let feed = Feed(deals: [stored])
        let file = feedFile(
            #"{"id": "kr-skt", "title": "SKT two", "country": "KR", "announced": "2026-06-07"}, {"id": "jp-a", "title": "A", "country": "JP", "announced": "2026"}"#
        )
        let (report, changes) = try FeedImport.read(file, csv: false, name: "in.json", replace: false).preview(feed)
        XCTAssertEqual(feed.deals, [stored], "the feed given is not changed")
        XCTAssertEqual(report.updated, ["kr-skt"])
        XCTAssertEqual(report.added, ["jp-a"])
        XCTAssertEqual(Set(changes.map(\.id)), ["kr-skt", "jp-a"])
    }

    func testAPreviewRefusesWhatASaveWouldRefuse() throws {
        // Each deal reads, but the feed would be invalid: the same id twice in the store.
        var feed = Feed(deals: [stored, stored])
        feed.deals[1].title = "other"
        let file = feedFile(#"{"id": "jp-a", "title": "A", "country": "JP", "announced": "2026"}"#)
        XCTAssertThrowsError(try FeedImport.read(file, csv: false, name: "in.json", replace: false).preview(feed)) {
            guard case .invalidChange? = $0 as? StoreError else { return XCTFail("\($0)") }
        }
    }

    func testAFileThatCannotBeImportedIsRefusedWhole() {
        XCTAssertThrowsError(try FeedImport.read(bytes("Name,Status\r\n"), csv: true, name: "x.csv", replace: false)) {
            guard case .csv(let e, let looksLikeEpoch)? = $0 as? FeedImport.Refusal else { return XCTFail("\($0)") }
            XCTAssertEqual(e.message, #"the header has no "id" column"#)
            XCTAssertFalse(looksLikeEpoch)
        }
        let epochHeader = EpochColumn.required.joined(separator: ",") + "\r\n"
        XCTAssertThrowsError(try FeedImport.read(bytes(epochHeader), csv: true, name: "x.csv", replace: false)) {
            guard case .csv(_, let looksLikeEpoch)? = $0 as? FeedImport.Refusal else { return XCTFail("\($0)") }
            XCTAssertTrue(looksLikeEpoch, "Epoch's file read as the feed's CSV: the caller suggests --from epoch")
        }
        XCTAssertThrowsError(
            try FeedImport.read(feedFile(#"{"id": "Bad Id"}"#), csv: false, name: "x.json", replace: false)
        ) {
            guard case .feed(let errors, let count, let omitted)? = $0 as? FeedImport.Refusal else {
                return XCTFail("\($0)")
            }
            XCTAssertEqual(count, errors.count)
            XCTAssertGreaterThan(count, 0)
            XCTAssertEqual(omitted, 0)
        }
    }
}
