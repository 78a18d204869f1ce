import TestSupport
import XCTest

@testable import DealKit

/// Importing Epoch AI's GPU Clusters dataset: the committed excerpt, and the full snapshot when present.
final class EpochImportTests: XCTestCase {
    static let excerptPath = PackageRoot.fixture("epoch-excerpt.csv").path
    /// The full snapshot, beside the repository: `../shared/data/epoch/gpu_clusters.csv`.
    static let fullPath = PackageRoot.url.deletingLastPathComponent().appendingPathComponent(
        "shared/data/epoch/gpu_clusters.csv"
    ).path

    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    static func fullSnapshot() throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: fullPath) else {
            throw XCTSkip("the full Epoch snapshot is not at \(fullPath)")
        }
        return try bytes(fullPath)
    }

    /// The excerpt imported into an empty feed.
    func importExcerpt() throws -> (EpochImport, Feed, EpochReport) {
        let epoch = try EpochImport.read(Self.bytes(Self.excerptPath))
        var feed = Feed()
        let report = epoch.merge(into: &feed)
        return (epoch, feed, report)
    }

    func deal(_ feed: Feed, _ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> Deal {
        try XCTUnwrap(feed.deals.first { $0.id == id }, "no deal \(id)", file: file, line: line)
    }

    func epochKey(_ d: Deal, _ key: String) -> JSONValue? {
        guard case .object(let fields)? = d.extra.first(where: { $0.key == "epoch" })?.value else { return nil }
        return fields.first { $0.key == key }?.value
    }

    // MARK: The excerpt

    func testExcerptReportCountsEveryRow() throws {
        let (epoch, feed, report) = try importExcerpt()
        XCTAssertEqual(epoch.rowsRead, 38)
        XCTAssertEqual(report.merge.added.count, 34)
        XCTAssertEqual(feed.deals.count, 34)
        XCTAssertEqual(report.rowsRead, report.merge.added.count + report.rejections.count)
        XCTAssertEqual(report.rejectedByReason.map(\.reason), [.noCountry])
        XCTAssertEqual(
            Set(report.rejections.kept.map(\.name)),
            ["xAI 5 year plan", "EU AI Gigafactory #1", "Paper on Llama 3.1", "Graphcore Good Computer"])
        XCTAssertTrue(
            report.description.hasPrefix("38 rows read: added 34, updated 0, unchanged 0, rejected 4\n"),
            report.description)
        XCTAssertTrue(
            report.description.contains("rejected, no country: 4 (line 2 \"xAI 5 year plan\""), report.description)
        XCTAssertTrue(
            DealValidator.issues(for: feed).isEmpty,
            DealValidator.issues(for: feed).map(\.description).joined(separator: "\n"))
    }

    func testMultiLineQuotedFieldsAreReadWhole() throws {
        let (_, feed, _) = try importExcerpt()
        let abuDhabi = try deal(feed, "epoch-abu-dhabi-uae-usa-5gw-campus-phase-2")
        guard case .string(let quote)? = epochKey(abuDhabi, "Quote") else { return XCTFail("no Quote") }
        XCTAssertTrue(quote.hasPrefix("\"Breaking ground on 1GW AI Datacenter"))
        XCTAssertTrue(quote.contains("US\"\n\"The campus, which will span 10 square miles"))
        let rumor = try deal(feed, "epoch-meta-200b-campus-rumor")
        XCTAssertTrue(rumor.notes?.contains("changed. \n2030 is a rough estiamted date") ?? false, rumor.notes ?? "")
        let summit = try deal(feed, "epoch-oak-ridge-nl-summit")
        XCTAssertEqual(summit.site, "Oak Ridge National Laboratory, 5200, 1 Bethel Valley Rd, Oak Ridge, TN 37830")
        let jupiter = try deal(feed, "epoch-jupiter-julich")
        XCTAssertEqual(jupiter.title, "Jupiter, Jülich")
        XCTAssertEqual(epochKey(jupiter, "Name"), .string("\"Jupiter, Jülich\""))
    }

    func testCountriesIncludingOfficialNames() throws {
        let (_, feed, _) = try importExcerpt()
        let expected = [
            "epoch-south-korea-planned-3gw-cluster": "KR", "epoch-nscale-loughton": "GB",
            "epoch-alibaba-cloud-in-philippines-phase-1": "PH", "epoch-yandex-chervonenkis": "RU",
            "epoch-ubilink-ai-supercomputer": "TW", "epoch-meta-200b-campus-rumor": "US",
            "epoch-abu-dhabi-uae-usa-5gw-campus-phase-2": "AE",
        ]
        for (id, code) in expected { XCTAssertEqual(try deal(feed, id).country, code, id) }
        XCTAssertTrue(feed.deals.contains { $0.country == "HK" })
    }

    func testStatusPowerAndConfidence() throws {
        let (_, feed, _) = try importExcerpt()
        // Existing: operational, the power is online.
        let colossus1 = try deal(feed, "epoch-xai-colossus-memphis-phase-1")
        XCTAssertEqual(colossus1.status, .operational)
        XCTAssertEqual(colossus1.capacity, Capacity(operationalMW: 150, confidence: .confirmed))
        // Planned and Likely: a committed first phase, reported.
        let korea = try deal(feed, "epoch-south-korea-planned-3gw-cluster")
        XCTAssertEqual(korea.status, .planned)
        XCTAssertEqual(korea.capacity, Capacity(initialMW: 3000, confidence: .reported))
        // Planned and Unlikely: an ambition only.
        let rumor = try deal(feed, "epoch-meta-200b-campus-rumor")
        XCTAssertEqual(rumor.capacity, Capacity(targetMW: 5000, confidence: .aspirational))
        XCTAssertNil(rumor.committedMW)
        XCTAssertEqual(rumor.investment, Investment(amount: 200_000_000_000, currency: "USD"))
        // Decommissioned: cancelled, tagged, its former power kept as initialMW, nothing operational.
        let summit = try deal(feed, "epoch-oak-ridge-nl-summit")
        XCTAssertEqual(summit.status, .cancelled)
        XCTAssertEqual(summit.capacity, Capacity(initialMW: 13, confidence: .confirmed))
        XCTAssertTrue(summit.tags.contains("decommissioned"))
        XCTAssertEqual(summit.milestones.map(\.summary), ["2018-06-08 first operational", "2024-11-15 decommissioned"])
        XCTAssertTrue(summit.milestones.allSatisfy(\.done))
        XCTAssertEqual(summit.accelerators, Accelerators(count: 27648, type: "NVIDIA Tesla V100 SXM2"))
        XCTAssertEqual(summit.investment, Investment(amount: 218_653_394, currency: "USD"))
        XCTAssertEqual(
            summit.partners,
            [Partner(name: "NVIDIA", role: .vendor), Partner(name: "US civilian research", role: .customer)])
        XCTAssertEqual(summit.sponsor, "US Department of Energy")
        let australia = try deal(feed, "epoch-alibaba-cloud-in-australia")
        XCTAssertEqual(australia.status, .cancelled)
        XCTAssertEqual(australia.milestones.map(\.summary), ["2016 first operational"])
        XCTAssertNil(australia.capacity?.operationalMW)
    }

    func testPlannedDatesFromNotesAreMilestonesNotDone() throws {
        let (_, feed, _) = try importExcerpt()
        let expected = [
            "epoch-south-korea-planned-3gw-cluster": "2028", "epoch-nscale-loughton": "2026-Q4",
            "epoch-meta-prometheus-new-albany": "2026-H2", "epoch-sk-group-aws-uslan-phase-2": "2029-02",
            "epoch-alibaba-cloud-in-philippines-phase-2": "2025-10",
        ]
        for (id, date) in expected {
            let d = try deal(feed, id)
            XCTAssertEqual(d.milestones.map(\.summary), ["\(date) first operational (planned)"], id)
            XCTAssertEqual(d.nextMilestone(today: nil)?.date.description, date, id)
        }
        // An existing row whose note is coarser than its date column keeps the note's precision.
        XCTAssertEqual(
            try deal(feed, "epoch-oracle-oci-supercluster-a100s").milestones.map(\.summary),
            ["2023-Q4 first operational"])
    }

    func testAnnouncedIsTheEarliestEvidenceYear() throws {
        let (_, feed, _) = try importExcerpt()
        let summit = try deal(feed, "epoch-oak-ridge-nl-summit")
        XCTAssertEqual(summit.announced.description, "2018")
        XCTAssertEqual(epochKey(summit, "announcedFrom"), .string(EpochMapper.AnnouncedFrom.firstOperational))
        let abuDhabi = try deal(feed, "epoch-abu-dhabi-uae-usa-5gw-campus-phase-2")
        XCTAssertEqual(abuDhabi.announced.description, "2025")
        XCTAssertEqual(epochKey(abuDhabi, "announcedFrom"), .string(EpochMapper.AnnouncedFrom.archiveCapture))
        // A plan's year bounds it, when no earlier date does.
        let corvex = try deal(feed, "epoch-corvex-b200s")
        XCTAssertEqual(corvex.announced.description, "2025")
        XCTAssertEqual(epochKey(corvex, "announcedFrom"), .string(EpochMapper.AnnouncedFrom.plannedFirstOperational))
        // An existing cluster known only by its planned date is announced no later than that.
        let hpe = try deal(feed, "epoch-hpe-greenlake-for-llms-q01")
        XCTAssertEqual(hpe.announced.description, "2023")
        XCTAssertEqual(hpe.milestones.map(\.summary), ["2023 first operational (date as planned)"])
        XCTAssertTrue(hpe.milestones[0].done)
        // The announcement never comes after a milestone that is done.
        for d in feed.deals {
            for m in d.milestones where m.done { XCTAssertLessThanOrEqual(d.announced.startKey, m.date.startKey, d.id) }
        }
        // A row with no date at all falls back to the file's latest year, and says so.
        let dateless = feed.deals.filter {
            epochKey($0, "announcedFrom") == .string(EpochMapper.AnnouncedFrom.latestInFile)
        }
        XCTAssertFalse(dateless.isEmpty)
        for d in dateless { XCTAssertEqual(d.announced.description, "2025", d.id) }
        for d in feed.deals { XCTAssertEqual(d.announced.precision, .year, d.id) }
    }

    func testPhaseLinksResolveToIds() throws {
        let (_, feed, _) = try importExcerpt()
        let phase2 = try deal(feed, "epoch-xai-colossus-memphis-phase-2")
        XCTAssertEqual(
            epochKey(phase2, "Builds Upon"),
            .array([
                .object([
                    JSONField("name", .string("xAI Colossus Memphis Phase 1")),
                    JSONField("id", .string("epoch-xai-colossus-memphis-phase-1")),
                ])
            ]))
        XCTAssertEqual(
            epochKey(phase2, "Superseded by"),
            .array([
                .object([
                    JSONField("name", .string("xAI Colossus Memphis Phase 3")),
                    JSONField("id", .string("epoch-xai-colossus-memphis-phase-3")),
                ])
            ]))
        // The target's Name is written in quotes; the link is not: they still meet.
        let wisconsin = try deal(feed, "epoch-openai-microsoft-mt-pleasant-wisconsin-phase-2")
        XCTAssertEqual(
            epochKey(wisconsin, "Builds Upon"),
            .array([
                .object([
                    JSONField("name", .string("OpenAI/Microsoft Mt Pleasant, Wisconsin Phase 1")),
                    JSONField("id", .string("epoch-openai-microsoft-mt-pleasant-wisconsin-phase-1")),
                ])
            ]))
        for d in feed.deals {
            for key in EpochColumn.links {
                guard case .array(let links)? = epochKey(d, key) else { continue }
                for case .object(let fields) in links {
                    if case .string(let id)? = fields.first(where: { $0.key == "id" })?.value {
                        XCTAssertNotNil(feed.index(of: id), "\(d.id) links to \(id), which is not imported")
                    }
                }
            }
        }
    }

    func testRowsSharingANameGetDistinctIdsAndTitles() throws {
        let (_, feed, _) = try importExcerpt()
        let anonymized = feed.deals.filter { $0.id.hasPrefix("epoch-anonymized-chinese-system-") }
        XCTAssertEqual(anonymized.count, 5)
        XCTAssertEqual(Set(anonymized.map(\.title)).count, 5)
        XCTAssertEqual(anonymized.filter { $0.id.hasSuffix("-2") }.count, 1, "the two identical rows")
        for d in anonymized {
            XCTAssertTrue(d.tags.contains("anonymized"))
            XCTAssertEqual(
                d.title, "Anonymized Chinese System (\(d.id.dropFirst("epoch-anonymized-chinese-system-".count)))")
            XCTAssertEqual(epochKey(d, "Name"), .string("Anonymized Chinese System"))
            XCTAssertTrue(d.partners.isEmpty, "Anonymized is not a vendor")
        }
    }

    func testSourcesCreditEpochAndKeepEveryURL() throws {
        let (_, feed, _) = try importExcerpt()
        for d in feed.deals { XCTAssertEqual(d.sources.first, EpochMapper.datasetSource, d.id) }
        let atlanta = try deal(feed, "epoch-openai-microsoft-atlanta")
        let youtube = try XCTUnwrap(atlanta.sources.first { $0.url == "https://www.youtube.com/watch?v=hobvps-H38o" })
        XCTAssertEqual(youtube.extra, [JSONField("note", .string("(this cluster mentioned at 15:01)"))])
        let corvex = try deal(feed, "epoch-corvex-b200s")
        XCTAssertTrue(
            corvex.sources.contains { $0.title == "Private correspondence with Corvex.ai staff" && $0.url == nil })
        let summit = try deal(feed, "epoch-oak-ridge-nl-summit")
        XCTAssertEqual(summit.sources.count, 4)
    }

    func testCostFallsBackToReportedCostAndSaysSo() throws {
        let (_, feed, _) = try importExcerpt()
        let oracle = try deal(feed, "epoch-oracle-10b-saudi-arabia-investment")
        XCTAssertEqual(oracle.investment, Investment(amount: 14_000_000, currency: "USD"))
        XCTAssertTrue(oracle.notes?.contains("Investment: from Reported Cost; Hardware Cost is empty.") ?? false)
    }

    func testRejectsAreWrittenBackUnchanged() throws {
        let (epoch, _, _) = try importExcerpt()
        let original = try CSVReader.parse(Self.bytes(Self.excerptPath))
        let written = try CSVReader.parse(epoch.rejectsCSV())
        XCTAssertEqual(written.count, 5)
        XCTAssertEqual(written[0].fields, original[0].fields)
        let rejectedLines = Set(epoch.rejections.kept.map(\.line))
        XCTAssertEqual(
            written.dropFirst().map(\.fields), original.filter { rejectedLines.contains($0.line) }.map(\.fields))
        // The rejects file is itself an Epoch file: fixed, it can be imported.
        let again = try EpochImport.read(epoch.rejectsCSV())
        XCTAssertEqual(again.rejections.count, 4)
    }

    // MARK: Re-import and round trip

    func testSecondImportChangesNothingAndRoundTripsThroughTheFeed() throws {
        let (epoch, feed, _) = try importExcerpt()
        let decoded = FeedDecoder.decode(FeedEncoder.encode(feed))
        XCTAssertFalse(decoded.hasErrors, decoded.issues.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(decoded.feed.deals, feed.deals, "the mapping must survive the encoder and decoder exactly")
        var stored = decoded.feed
        let second = epoch.merge(into: &stored)
        XCTAssertEqual(second.merge.added, [])
        XCTAssertEqual(second.merge.updated, [])
        XCTAssertEqual(second.merge.unchanged.count, 34)
        XCTAssertEqual(second.notInFile, [])
    }

    func testReorderedAndFewerColumnsGiveTheSameDeals() throws {
        let records = try CSVReader.parse(Self.bytes(Self.excerptPath))
        // Reverse the columns and drop latitude and longitude, as other snapshots do.
        let drop = Set(records[0].fields.indices.filter { ["latitude", "longitude"].contains(records[0].fields[$0]) })
        var text = ""
        for r in records {
            let cells = r.fields.indices.reversed().filter { !drop.contains($0) }.map { r.fields[$0] }
            text +=
                cells.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
                + "\n"
        }
        let other = try EpochImport.read(Array(text.utf8))
        let (_, feed, _) = try importExcerpt()
        var otherFeed = Feed()
        _ = other.merge(into: &otherFeed)
        XCTAssertEqual(otherFeed.deals.map(\.id), feed.deals.map(\.id))
        for (a, b) in zip(otherFeed.deals, feed.deals) {
            var expected = b
            if case .object(let fields) = b.extra[0].value {
                expected.extra = [
                    JSONField("epoch", .object(fields.filter { !["latitude", "longitude"].contains($0.key) }))
                ]
            }
            XCTAssertEqual(a, expected, a.id)
        }
    }

    func testNewerSnapshotUpdatesInPlaceAndKeepsUserAdditions() throws {
        let (_, feed, _) = try importExcerpt()
        var stored = feed
        let i = try XCTUnwrap(stored.index(of: "epoch-nscale-loughton"))
        stored.deals[i].tags.append("watchlist")
        stored.deals[i].models = ["Some Model"]
        stored.deals[i].milestones.append(Milestone(date: PartialDate("2026-03")!, event: "grid connection"))
        stored.deals[i].extra.append(JSONField("analyst", .string("checked")))
        // A newer snapshot: Nscale Loughton grows to 120 MW.
        var text = String(decoding: try Self.bytes(Self.excerptPath), as: UTF8.self)
        let row = try XCTUnwrap(text.range(of: "Nscale Loughton,"))
        let lineEnd = try XCTUnwrap(text[row.lowerBound...].firstIndex(of: "\n"))
        let newRow = text[row.lowerBound..<lineEnd].replacingOccurrences(of: ",90,", with: ",120,")
        XCTAssertNotEqual(String(text[row.lowerBound..<lineEnd]), newRow)
        text.replaceSubrange(row.lowerBound..<lineEnd, with: newRow)
        let newer = try EpochImport.read(Array(text.utf8))
        let report = newer.merge(into: &stored)
        XCTAssertEqual(report.merge.updated, ["epoch-nscale-loughton"])
        XCTAssertEqual(report.merge.added, [])
        let d = try deal(stored, "epoch-nscale-loughton")
        XCTAssertEqual(d.capacity?.initialMW, 120)
        XCTAssertEqual(d.tags, ["epoch", "watchlist"])
        XCTAssertEqual(d.models, ["Some Model"])
        XCTAssertEqual(d.milestones.map(\.event), ["first operational (planned)", "grid connection"])
        XCTAssertEqual(d.extra.map(\.key), ["epoch", "analyst"])
    }

    func testDealsNoLongerInTheFileAreReportedAndKept() throws {
        let (_, feed, _) = try importExcerpt()
        var stored = feed
        var gone = stored.deals[0]
        gone.id = "epoch-a-cluster-epoch-dropped"
        stored.deals.append(gone)
        let epoch = try EpochImport.read(Self.bytes(Self.excerptPath))
        let report = epoch.merge(into: &stored)
        XCTAssertEqual(report.notInFile, ["epoch-a-cluster-epoch-dropped"])
        XCTAssertNotNil(stored.index(of: "epoch-a-cluster-epoch-dropped"))
        XCTAssertTrue(report.description.contains("1 deal(s) imported from Epoch earlier are not in this file (kept)"))
    }

    // MARK: Bad files and bad rows

    func testBadRowsAreRejectedByReason() throws {
        let header =
            "Name,Country,Status,Certainty,Power Capacity (MW),First Operational Date,Calculated Power Capacity (MW)\n"
        let text =
            header + """
                Good,France,Existing,Confirmed,1,2020-05-01,not read
                No Country,,Existing,Confirmed,1,2020-05-01,
                Atlantis Cluster,Atlantis,Existing,Confirmed,1,2020-05-01,
                Odd Status,France,Rumoured,Confirmed,1,2020-05-01,
                Odd Certainty,France,Existing,Certain,1,2020-05-01,
                Bad Power,France,Existing,Confirmed,lots,2020-05-01,
                Negative Power,France,Existing,Confirmed,-5,2020-05-01,
                Too Wide,France,Existing,Confirmed,1,2020-05-01,,extra
                Fallback Power,France,Existing,Likely,,2020-05-01,2.5
                Bad Fallback,France,Existing,Likely,,2020-05-01,n/a
                ,France,Existing,Confirmed,1,2020-05-01,

                """
        let epoch = try EpochImport.read(Array(text.utf8))
        XCTAssertEqual(epoch.rowsRead, 11)
        XCTAssertEqual(epoch.items.map(\.id), ["epoch-good", "epoch-fallback-power"])
        XCTAssertEqual(
            epoch.rejections.kept.map(\.reason),
            [
                .noCountry, .unknownCountry, .unknownStatus, .unknownCertainty, .badNumber, .badNumber, .wrongWidth,
                .badNumber, .noName,
            ])
        var feed = Feed()
        let report = epoch.merge(into: &feed)
        XCTAssertEqual(feed.deals.map(\.id), ["epoch-good", "epoch-fallback-power"])
        XCTAssertEqual(feed.deals[0].capacity?.operationalMW, 1)
        XCTAssertEqual(feed.deals[1].capacity?.operationalMW, 2.5)
        XCTAssertTrue(
            feed.deals[1].notes?.contains("Power: from Calculated Power Capacity (MW); Power Capacity (MW) is empty.")
                ?? false)
        XCTAssertEqual(report.rejectedByReason.first?.reason, .badNumber)
        XCTAssertEqual(report.rejectedByReason.first?.count, 3)
        XCTAssertTrue(
            report.description.contains(
                "rejected, unknown country: 1 (line 4 \"Atlantis Cluster\"; Country \"Atlantis\" is not a known country)"
            ), report.description)
    }

    func testManyRejectedRowsAreCountedKeptByReasonAndWrittenBackWhole() throws {
        // The rows are not held (issue 11: a file of near-empty rows took 25 times its size):
        // 1,001 rows without a country keep 100 rejections, the report counts them all, and
        // the rejects file reads every rejected row again from the input, in file order.
        var text = "Name,Country,Status,First Operational Date\n"
        for n in 0..<1_000 {
            text += "No Country \(n),,Existing,2020\n"
            if n % 250 == 0 { text += "Good \(n),France,Existing,2020\n" }
            if n == 500 { text += "Year 999,France,Existing,0999\n" }
        }
        text += "\"Quoted, \"\"name\"\"\",,Existing,\"2020\"\n"
        let epoch = try EpochImport.read(Array(text.utf8))
        XCTAssertEqual(epoch.rowsRead, 1_006)
        XCTAssertEqual(epoch.items.map(\.id), ["epoch-good-0", "epoch-good-250", "epoch-good-500", "epoch-good-750"])
        XCTAssertEqual(epoch.rejections.count, 1_002)
        XCTAssertEqual(epoch.rejections.kept.count, EpochRejections.keptPerReason + 1)
        let keptLines = epoch.rejections.kept.map(\.line)
        XCTAssertEqual(keptLines, keptLines.sorted(), "in file order")
        XCTAssertEqual(epoch.rejections.kept.filter { $0.reason == .badDate }.map(\.name), ["Year 999"])
        var feed = Feed()
        let report = epoch.merge(into: &feed)
        XCTAssertTrue(
            report.description.hasPrefix("1006 rows read: added 4, updated 0, unchanged 0, rejected 1002\n"),
            report.description)
        XCTAssertTrue(
            report.description.contains(
                "rejected, no country: 1001 (line 2 \"No Country 0\", line 4 \"No Country 1\", line 5 \"No Country 2\", … and 998 more; the Country is empty)"
            ), report.description)
        let expected = try CSVReader.parse(Array(text.utf8)).filter { !$0.fields[0].hasPrefix("Good") }.map(\.fields)
        let written = try CSVReader.parse(epoch.rejectsCSV())
        XCTAssertEqual(written.map(\.fields), expected)
        XCTAssertEqual(written.last?.fields.first, "Quoted, \"name\"")
    }

    func testARowWithNoDateIsRejectedWhenTheFileHasNoneEither() throws {
        // With no date anywhere there is nothing honest to put in `announced`.
        let text = "Name,Country,Status\nPlanned Somewhere,France,Planned\n"
        let epoch = try EpochImport.read(Array(text.utf8))
        XCTAssertEqual(epoch.items.count, 0)
        XCTAssertEqual(epoch.rejections.kept.map(\.reason), [.noDate])
    }

    func testAYearEpochCouldNotMeanIsRejectedNotACrash() throws {
        // Issue 11: `0999` crashed the mapper (a force-unwrapped three-digit year).
        let header = "Name,Country,Status,First Operational Date,First Operational Date Note\n"
        let text =
            header + """
                Year 999,France,Existing,0999,
                Year 0,France,Existing,0000,
                Day in 999,France,Existing,0999-12-31,
                Planned 42,France,Planned,,Planned 0042
                Good,France,Existing,2020,
                Decommissioned Early,France,Decommissioned,2020,

                """
        let epoch = try EpochImport.read(Array(text.utf8))
        XCTAssertEqual(epoch.items.map(\.id), ["epoch-good", "epoch-decommissioned-early"])
        XCTAssertEqual(epoch.rejections.kept.map(\.reason), [.badDate, .badDate, .badDate, .badDate])
        XCTAssertEqual(
            epoch.rejections.kept.first?.detail, #"First Operational Date "0999" is not between 1900 and 2999"#)
        XCTAssertEqual(
            epoch.rejections.kept.last?.detail, #"First Operational Date "0042" is not between 1900 and 2999"#)
    }

    func testNotAnEpochFileIsRefusedWhole() {
        XCTAssertThrowsError(try EpochImport.read(Array("id,title,country\nx,y,FR\n".utf8))) { error in
            XCTAssertEqual(error as? EpochImport.Refusal, .notEpoch(missing: ["Name", "Status"]))
            XCTAssertEqual("\(error)", "not Epoch AI's GPU clusters CSV: the header has no \"Name\", \"Status\" column")
        }
        XCTAssertThrowsError(try EpochImport.read(Array("Name,Country,Status\n\"open,FR,Existing\n".utf8))) { error in
            guard case .syntax(let e)? = error as? EpochImport.Refusal else { return XCTFail("\(error)") }
            XCTAssertEqual(e.line, 2)
        }
        XCTAssertThrowsError(try EpochImport.read([])) { XCTAssertEqual($0 as? EpochImport.Refusal, .empty) }
    }

    // MARK: The full snapshot

    func testFullSnapshotImportsValidatesAndReimportsUnchanged() throws {
        let data = try Self.fullSnapshot()
        let epoch = try EpochImport.read(data)
        var feed = Feed()
        let report = epoch.merge(into: &feed)

        XCTAssertEqual(report.rowsRead, 786)
        XCTAssertEqual(report.merge.added.count + report.rejections.count, 786)
        XCTAssertEqual(report.rejectedByReason.map(\.reason), [.noCountry])
        XCTAssertEqual(report.rejections.count, 85)
        let errors = DealValidator.issues(for: feed).filter(\.isError)
        XCTAssertTrue(errors.isEmpty, errors.prefix(10).map(\.description).joined(separator: "\n"))

        for d in feed.deals {
            XCTAssertEqual(d.announced.precision, .year, d.id)
            for m in d.milestones where m.done { XCTAssertLessThanOrEqual(d.announced.startKey, m.date.startKey, d.id) }
        }

        let decoded = FeedDecoder.decode(FeedEncoder.encode(feed))
        XCTAssertFalse(decoded.hasErrors)
        XCTAssertEqual(decoded.feed.deals, feed.deals)
        var stored = decoded.feed
        let second = epoch.merge(into: &stored)
        XCTAssertEqual(second.merge.added.count, 0)
        XCTAssertEqual(second.merge.updated.count, 0)
        XCTAssertEqual(second.merge.unchanged.count, 701)
    }

    func testFullSnapshotSummaryPerCountryMatchesTheCSV() throws {
        let data = try Self.fullSnapshot()
        var feed = Feed()
        _ = try EpochImport.read(data).merge(into: &feed)
        let expected = try Self.expectedPerCountry(data)
        let summary = Summary(deals: feed.deals, by: .country)
        XCTAssertEqual(Set(summary.rows.map(\.key)), Set(expected.keys))
        for row in summary.rows {
            let e = try XCTUnwrap(expected[row.key])
            XCTAssertEqual(row.deals, e.deals, row.key)
            XCTAssertEqual(row.unknownMWDeals, e.unknown, row.key)
            Self.assertClose(row.operationalMW, e.operational, row.key + " operational")
            Self.assertClose(row.committedMW, e.committed, row.key + " committed")
            Self.assertClose(row.ambitionMW, e.ambition, row.key + " ambition")
        }
    }

    /// Per-country totals computed straight from the CSV, without the importer:
    /// the figure is `Power Capacity (MW)`, else `Reported`, else `Calculated`; Existing rows
    /// count as operational; all but Unlikely plans count as committed; every figure counts
    /// towards ambition.
    static func expectedPerCountry(_ data: [UInt8]) throws -> [String: (
        deals: Int, unknown: Int, operational: Double?, committed: Double?, ambition: Double?
    )] {
        let records = try CSVReader.parse(data)
        let header = records[0].fields
        func col(_ name: String) -> Int { header.firstIndex(of: name)! }
        let (country, status, certainty) = (col("Country"), col("Status"), col("Certainty"))
        let power = ["Power Capacity (MW)", "Reported Power Capacity (MW)", "Calculated Power Capacity (MW)"].map(col)
        var out: [String: (deals: Int, unknown: Int, operational: Double?, committed: Double?, ambition: Double?)] = [:]
        for r in records.dropFirst() where !r.fields[country].trimmingCharacters(in: .whitespaces).isEmpty {
            let code = try XCTUnwrap(Countries.lookup(r.fields[country]), r.fields[country]).code
            var e = out[code] ?? (0, 0, nil, nil, nil)
            e.deals += 1
            let mw = power.lazy.compactMap { Double(r.fields[$0]) }.first
            if let mw {
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
