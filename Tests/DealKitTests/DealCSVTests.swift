import TestSupport
import XCTest

@testable import DealKit

final class DealCSVTests: XCTestCase {
    private let header =
        "id,title,country,announced,status,sponsor,partners,vendors,platform,site,initial_mw,target_mw,operational_mw,confidence,models,kind,products,approx_mw,source_urls"

    private func rows(_ text: String) throws -> [DealCSV.Row] { try DealCSV.read(Array(text.utf8)) }

    private func readError(_ text: String) -> CSVError? {
        do {
            _ = try rows(text)
            return nil
        } catch let e as CSVError { return e } catch { return nil }
    }

    /// Reads a CSV and applies every row to a new deal.
    private func newDeals(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [(
        Deal, [String]
    )] {
        try rows(text).map { DealCSV.apply($0, to: nil) }
    }

    private var tricky: Deal {
        var d = Deal(
            id: "xx-example", title: "=Pilot, phase 1", country: "EU", announced: PartialDate("2026-Q3")!,
            status: .planned)
        d.partners = [
            Partner(name: "European Commission", role: .government), Partner(name: "NVIDIA", role: .vendor),
            Partner(name: "Say \"Hi\", Inc", role: .investor), Partner(name: "AMD", role: .vendor),
        ]
        d.sponsor = "-minus"
        d.platform = "@platform"
        d.site = "line1\nline2"
        d.capacity = Capacity(initialMW: 12.5, targetMW: nil, operationalMW: 0, confidence: .reported)
        d.models = ["+plus", "네이버 HyperCLOVA X"]
        d.sources = [Source(url: "https://a.test/x?a=1,2"), Source(url: "https://b.test")]
        return d
    }

    func testHeaderAndFixtureRows() throws {
        XCTAssertEqual(DealCSV.columns.joined(separator: ","), header)
        let feed = FeedDecoder.decode(try FeedText.fixtureBytes()).feed
        let csv = DealCSV.export(feed.deals)
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, header)
        XCTAssertEqual(lines.last, "", "every line ends in CRLF")
        XCTAssertTrue(
            lines.contains(
                "fr-softbank-sesterce-sovereign-ai-factory,France sovereign AI factory with SoftBank and Sesterce,FR,≤2026-06-07,announced,,SoftBank:other;Sesterce:other,NVIDIA,NVIDIA DSX,,,,,,,build,,,"
            ), csv)
        XCTAssertTrue(
            lines.contains(
                "kr-naver-nvidia-dsx-sejong,\"네이버 NAVER expands its sovereign AI factories on NVIDIA DSX, starting at GAK Sejong\",KR,2026-06-07,announced,NAVER,NAVER:operator,NVIDIA,NVIDIA DSX,GAK Sejong,55,1000,,aspirational,HyperCLOVA X;Seoul World Model,build,DSX;Nemotron 3 Ultra;Cosmos,target_mw,"
            ), csv)
        XCTAssertTrue(
            lines.contains(
                "kr-sk-hynix-nvidia-memory,SK하이닉스 SK hynix and NVIDIA next-generation memory partnership,KR,2026-06-07,announced,,,SK hynix;NVIDIA,,,,,,,,partnership,Vera Rubin;Vera CPU;RTX Spark;Jetson Thor;CUDA-X;PhysicsNeMo;Omniverse,,"
            ), csv)
    }

    /// The CSV reads numbers as every entry path does: quoted "1,500" is 1500, "1,5" is refused.
    func testMegawattsFollowTheNumberGrammar() throws {
        let text =
            header
            + "\r\nkr-a,A,KR,2026,announced,,,,,,\"1,500\",\"2,000.5\",,,,,,,\r\nkr-b,B,KR,2026,announced,,,,,,\"1,5\",,,,,,,,\r\n"
        let out = try newDeals(text)
        XCTAssertEqual(out[0].0.capacity?.initialMW, 1500)
        XCTAssertEqual(out[0].0.capacity?.targetMW, 2000.5)
        XCTAssertEqual(out[0].1, [])
        XCTAssertEqual(out[1].1.count, 1)
        XCTAssertTrue(out[1].1[0].hasPrefix("initial_mw: \"1,5\" has a comma"), out[1].1[0])
    }

    func testDocumentedExampleRow() {
        let d = Deal(
            id: "xx-example", title: "=Pilot, phase 1", country: "EU", announced: PartialDate("2026-Q3")!,
            status: .planned,
            partners: [Partner(name: "European Commission", role: .government)])
        XCTAssertEqual(
            DealCSV.export([d]),
            header + "\r\n"
                + "xx-example,\"'=Pilot, phase 1\",EU,2026-Q3,planned,,European Commission:government,,,,,,,,,,,,\r\n")
    }

    func testRowCells() {
        let cells = DealCSV.row(tricky)
        XCTAssertEqual(
            cells,
            [
                "xx-example", "=Pilot, phase 1", "EU", "2026-Q3", "planned", "-minus",
                "European Commission:government;Say \"Hi\", Inc:investor", "NVIDIA;AMD", "@platform", "line1\nline2",
                "12.5", "", "0", "reported", "+plus;네이버 HyperCLOVA X", "", "", "",
                "https://a.test/x?a=1,2;https://b.test",
            ])
    }

    func testExportImportExportIsExact() throws {
        let plain = Deal(id: "a-plain", title: "Plain", country: "KR", announced: PartialDate("2026")!)
        let first = DealCSV.export([tricky, plain])
        let made = try newDeals(first)
        XCTAssertEqual(made.flatMap(\.1), [])
        let second = DealCSV.export(made.map(\.0))
        XCTAssertEqual(second, first)
        XCTAssertEqual(made[0].0.capacity, tricky.capacity)
        XCTAssertEqual(made[0].0.title, "=Pilot, phase 1")
        XCTAssertEqual(made[1].0.capacity, nil, "empty MW cells are unknown, and no capacity at all")
    }

    func testReadRestoresNeutralisedCellsAndEmptyTrailingCells() throws {
        let r = try rows("id,title,sponsor,models\r\nx,'=SUM(A1),'-5,\r\ny,,,\r\n")
        XCTAssertEqual(r.count, 2)
        XCTAssertEqual(r[0].values["title"], "=SUM(A1)")
        XCTAssertEqual(r[0].values["sponsor"], "-5")
        XCTAssertEqual(r[0].values["models"], "", "an empty trailing cell is empty")
        XCTAssertEqual(r[1].values["title"], "")
        XCTAssertEqual(r[0].line, 2)
        XCTAssertEqual(r[1].line, 3)
        XCTAssertTrue(r[0].has("title"))
        XCTAssertFalse(r[0].has("country"))
    }

    func testHeaderIsCaseAndSpaceInsensitive() throws {
        let r = try rows(" ID , Title \nx,T\n")
        XCTAssertEqual(r.first?.values["id"], "x")
        XCTAssertEqual(r.first?.values["title"], "T")
        XCTAssertEqual(try rows("").count, 0)
    }

    func testReadErrors() {
        XCTAssertEqual(
            readError("title,country\nT,KR\n"), CSVError(line: 1, message: "the header has no \"id\" column"))
        XCTAssertEqual(
            readError("id,colour\nx,red\n"),
            CSVError(line: 1, message: "unknown column \"colour\"; the columns are: \(header)"))
        XCTAssertEqual(
            readError("id,title\nx,T\ny,T,extra\n"), CSVError(line: 3, message: "row has 3 cells, the header has 2"))
        // A short row would clear the fields it leaves out (issue 11): refused like a long one.
        XCTAssertEqual(
            readError(
                "id,title,sponsor,site,platform,models,target_mw\nx,T,S,Si,P,M,5\nkr-naver-nvidia-dsx-sejong,New title\n"
            ),
            CSVError(line: 3, message: "row has 2 cells, the header has 7"))
        XCTAssertEqual(readError("id,title\ny\n"), CSVError(line: 2, message: "row has 1 cell, the header has 2"))
        XCTAssertEqual(
            readError("id,title,title\nx,a,b\n"), CSVError(line: 1, message: "the header names \"title\" twice"))
        XCTAssertEqual(
            readError("id,Title, title \nx,a,b\n"), CSVError(line: 1, message: "the header names \"title\" twice"))
        XCTAssertEqual(readError("id,title\nx,\"T\n")?.message, "a quoted field is never closed")
    }

    /// The reader hands out rows one at a time (issue 11: holding every row of a file of short
    /// rows took 33 times its size): a row comes out before the rest of the file is read.
    func testTheReaderGivesOneRowAtATime() throws {
        var reader = try DealCSV.Reader(Array("id,Title\nx,a\n\ny,\"b,c\"\nz\n".utf8))
        XCTAssertEqual(reader.names, ["id", "title"])
        let first = try reader.next()
        XCTAssertEqual(first?.line, 2)
        XCTAssertEqual(first?.values, ["id": "x", "title": "a"])
        XCTAssertEqual(try reader.next()?.values, ["id": "y", "title": "b,c"])
        XCTAssertThrowsError(try reader.next()) {
            XCTAssertEqual($0 as? CSVError, CSVError(line: 5, message: "row has 1 cell, the header has 2"))
        }
        // A copy made before reading starts again from its own place (import reads the file twice).
        var again = try DealCSV.Reader(Array("id\nx\ny\n".utf8))
        let start = again
        XCTAssertEqual(try again.next()?.values["id"], "x")
        var copy = start
        XCTAssertEqual(try copy.next()?.values["id"], "x")
        XCTAssertEqual(try again.next()?.values["id"], "y")
        XCTAssertNil(try again.next())
        var empty = try DealCSV.Reader([])
        XCTAssertNil(try empty.next())
    }

    func testNewDealNeedsTitleCountryAnnounced() throws {
        let made = try newDeals("id\nx\n")
        XCTAssertEqual(
            made.first?.1,
            [
                "title: missing (a new deal needs a title column)",
                "country: missing (a new deal needs a country column)",
                "announced: missing (a new deal needs an announced column)",
            ])
    }

    func testValueProblems() throws {
        let text =
            "id,title,country,announced,status,initial_mw,target_mw,operational_mw,confidence\n"
            + "Bad Id,T,Korea,2026-13-45,done,-5,1e999,abc,sure\n"
        let problems = try newDeals(text).first?.1 ?? []
        XCTAssertEqual(
            problems,
            [
                #"id: "Bad Id" is not a valid id (lower-case letters, digits and '-', not starting with '-')"#,
                #"country: "Korea" is not an ISO 3166-1 alpha-2 code"#,
                #"announced: "2026-13-45" is not a partial date (YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD)"#,
                #"status: "done" is not one of: announced, planned, under-construction, operational, cancelled"#,
                "initial_mw: -5 is negative; megawatts must be 0 or more (null for unknown)",
                #"target_mw: "1e999" is not a number: write digits with a decimal point, and commas only between thousands (1.5, 1500, 1,500)"#,
                #"operational_mw: "abc" is not a number: write digits with a decimal point, and commas only between thousands (1.5, 1500, 1,500)"#,
                #"confidence: "sure" is not one of: confirmed, reported, aspirational"#,
            ])
        let nan = try newDeals("id,title,country,announced,initial_mw\nx,T,KR,2026,nan\n").first?.1 ?? []
        XCTAssertEqual(
            nan,
            [
                #"initial_mw: "nan" is not a number: write digits with a decimal point, and commas only between thousands (1.5, 1500, 1,500)"#
            ])
        // Issue 11: nothing a feed could not hold, nor a figure that would be lost.
        for text in [
            "0x10", "0x1p-2", "1e-400", "inf", "-inf", "Infinity", "+5", "5x",
            "0.\(String(repeating: "0", count: 400))1",
        ] {
            let made = try newDeals("id,title,country,announced,target_mw\nx,T,KR,2026,\"\(text)\"\n").first?.1 ?? []
            XCTAssertEqual(made.count, 1, text)
            XCTAssertTrue(made.first?.hasPrefix("target_mw: \(FeedIssue.quote(text))") ?? false, "\(text): \(made)")
        }
    }

    func testLenientValuesAUserWouldType() throws {
        let made = try newDeals(
            "id,title,country,announced,status,confidence,initial_mw\n x ,  T  ,south korea,2026-H2,Operational,REPORTED, 55 \n"
        )
        XCTAssertEqual(made.first?.1, [])
        let d = made.first!.0
        XCTAssertEqual(d.id, "x")
        XCTAssertEqual(d.title, "T")
        XCTAssertEqual(d.country, "KR", "a country name is resolved to its code")
        XCTAssertEqual(d.status, .operational)
        XCTAssertEqual(d.capacity?.confidence, .reported)
        XCTAssertEqual(d.capacity?.initialMW, 55)
    }

    func testPartnersAndVendors() throws {
        let text =
            "id,title,country,announced,partners,vendors\n"
            + "x,T,KR,2026,NAVER:operator; SK hynix ;NVIDIA:vendor; Samsung:Investor ;Foo:Bar,NVIDIA;nvidia;AMD\n"
        let (d, problems) = try newDeals(text)[0]
        XCTAssertEqual(problems, [])
        XCTAssertEqual(
            d.partners,
            [
                Partner(name: "NVIDIA", role: .vendor), Partner(name: "AMD", role: .vendor),
                Partner(name: "NAVER", role: .operator), Partner(name: "SK hynix", role: .other),
                Partner(name: "Samsung", role: .investor), Partner(name: "Foo:Bar", role: .other),
            ],
            "a partner named twice (NVIDIA in both columns, any case) is kept once; an unknown role makes it part of a bare name"
        )
        let noName = try newDeals("id,title,country,announced,partners\nx,T,KR,2026,:vendor\n")[0].1
        XCTAssertEqual(noName, [#"partners: ":vendor" has no name"#])
    }

    func testApplyToAnExistingDealChangesOnlyTheColumnsPresent() throws {
        var base = tricky
        base.sources.append(Source(title: "Only a title"))
        base.notes = "kept"
        base.tags = ["kept"]
        base.extra = [JSONField("x-future", .number("1.50"))]
        base.partners[0].extra = [JSONField("x-share", .number("0.25"))]
        let r = try rows("id,target_mw,vendors\nxx-example,1000,Intel\n")[0]
        let (d, problems) = DealCSV.apply(r, to: base)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(d.title, base.title)
        XCTAssertEqual(d.capacity?.initialMW, 12.5)
        XCTAssertEqual(d.capacity?.targetMW, 1000)
        XCTAssertEqual(d.notes, "kept")
        XCTAssertEqual(d.tags, ["kept"])
        XCTAssertEqual(d.extra, base.extra)
        XCTAssertEqual(d.sources, base.sources)
        XCTAssertEqual(d.vendors, ["Intel"], "the vendors column replaces the vendors")
        XCTAssertEqual(d.otherPartners, base.otherPartners, "and keeps the other partners, with their unknown keys")
    }

    func testEmptyCellsClearToUnknown() throws {
        var base = tricky
        base.capacity = Capacity(initialMW: 1, targetMW: 2, operationalMW: 3, confidence: .confirmed)
        let r = try rows(
            "id,initial_mw,target_mw,operational_mw,confidence,sponsor,platform,site,models\nxx-example,,,,,,,,\n")[0]
        let (d, problems) = DealCSV.apply(r, to: base)
        XCTAssertEqual(problems, [])
        XCTAssertNil(d.capacity, "every figure unknown, never 0")
        XCTAssertNil(d.sponsor)
        XCTAssertNil(d.platform)
        XCTAssertNil(d.site)
        XCTAssertEqual(d.models, [])
    }

    func testSourceURLsKeepTitledSourcesAndExistingEntries() throws {
        var base = tricky
        base.sources = [
            Source(title: "Article", url: "https://a.test", date: PartialDate("2026")), Source(title: "No URL"),
        ]
        let r = try rows("id,source_urls\nxx-example,https://a.test;https://new.test\n")[0]
        let d = DealCSV.apply(r, to: base).deal
        XCTAssertEqual(
            d.sources,
            [
                Source(title: "No URL"), Source(title: "Article", url: "https://a.test", date: PartialDate("2026")),
                Source(url: "https://new.test"),
            ])
    }

    func testList() {
        XCTAssertEqual(DealCSV.list("a; b ;;c;"), ["a", "b", "c"])
        XCTAssertEqual(DealCSV.list(""), [])
        XCTAssertEqual(DealCSV.list(" ; "), [])
    }

    func testVersion2ColumnsRoundTrip() throws {
        var d = Deal(
            id: "kr-m", title: "M", country: "KR", announced: PartialDate("2026-06-07")!, kind: .partnership,
            announcedStated: false, products: ["Vera Rubin", "CUDA-X"])
        d.capacity = Capacity(initialMW: 55, targetMW: 1000, approx: .target)
        let csv = DealCSV.export([d])
        XCTAssertTrue(
            csv.contains(
                "kr-m,M,KR,≤2026-06-07,announced,,,,,,55,1000,,,,partnership,Vera Rubin;CUDA-X,target_mw,\r\n"), csv)
        let made = try newDeals(csv)
        XCTAssertEqual(made.flatMap(\.1), [])
        XCTAssertEqual(made.first?.0, d)
    }

    func testAClearedFigureIsNoLongerApproximate() throws {
        var d = Deal(id: "kr-m", title: "M", country: "KR", announced: PartialDate("2026")!)
        d.capacity = Capacity(initialMW: 55, targetMW: 1000, approx: .target)
        let rows = try DealCSV.read(Array("id,target_mw\nkr-m,\n".utf8))
        XCTAssertEqual(DealCSV.apply(rows[0], to: d).deal.capacity, Capacity(initialMW: 55))
    }

    /// Written on several cores in parts: the rows come out whole and in the deals' order.
    func testALargeExportIsTheRowsInOrder() {
        let deals = (0..<(DealCSV.partSize * 2 + 17)).map { i -> Deal in
            var d = tricky
            d.id = "xx-\(i)"
            d.title = i % 3 == 0 ? "=\(i), \"quoted\"" : "title \(i)\u{202E}"
            return d
        }
        for forDisplay in [false, true] {
            var expected = CSVWriter.line(DealCSV.columns)
            for d in deals { expected += CSVWriter.line(DealCSV.row(d), forDisplay: forDisplay) }
            XCTAssertEqual(
                String(decoding: DealCSV.exportBytes(deals, forDisplay: forDisplay), as: UTF8.self), expected)
        }
    }

    /// The rows written straight as bytes are those `row` gives, written cell by cell, for
    /// text of every awkward kind in every column (and in the order asked).
    /// `count` deals of awkward text in every column a row shows (formula starts, marks,
    /// quotes, commas, newlines, empty list items, `≤` dates, every approximate figure), and
    /// unknown keys where a row reads past them, from `random`.
    static func awkwardDeals(_ count: Int, _ random: inout SplitMix64) -> [Deal] {
        let texts = [
            "", "plain", "=1+1", "+x", "-minus", "@at", "\tTab", "\rCR", "'=marked", "''=twice", "'quote", "'''",
            "a,b", "say \"hi\"", "line1\nline2", "네이버 HyperCLOVA X", "≤2026", ";semi;", "trailing ", ":colon",
        ]
        let numbers: [Double?] = [nil, 0, 12.5, 1_000, 0.1 + 0.2, 1e20, 123_456_789.25]
        let extras: [[JSONField]] = [
            [],
            [JSONField("x", .object([JSONField("y", .array([.number("1.50"), .string("s"), .null, .bool(true)]))]))],
        ]
        return (0..<count).map { i -> Deal in
            var d = Deal(
                id: "d-\(i)", title: random.pick(texts), country: random.pick(["KR", "=X", "EU"]),
                announced: random.pick([PartialDate("2026-Q3")!, PartialDate("2025")!, PartialDate("2026-06-07")!]),
                status: random.pick(DealStatus.allCases))
            d.announcedStated = random.below(3) > 0
            d.sponsor = random.below(2) == 0 ? nil : random.pick(texts)
            d.partners = (0..<random.below(5)).map { _ in
                Partner(
                    name: random.pick(texts), role: random.pick(PartnerRole.allCases),
                    supplies: random.below(4) == 0 ? "GPUs" : nil, extra: random.pick(extras))
            }
            d.platform = random.below(2) == 0 ? nil : random.pick(texts)
            d.site = random.below(2) == 0 ? nil : random.pick(texts)
            if random.below(4) > 0 {
                d.capacity = Capacity(
                    initialMW: random.pick(numbers), targetMW: random.pick(numbers),
                    operationalMW: random.pick(numbers),
                    confidence: random.below(2) == 0 ? nil : random.pick(Confidence.allCases),
                    approx: CapacityFigures(rawValue: UInt8(random.below(8))), extra: random.pick(extras))
            }
            if random.below(3) == 0 {
                d.accelerators = Accelerators(count: 512, type: random.pick(texts), extra: random.pick(extras))
                d.investment = Investment(amount: 1.5e9, currency: "USD", extra: random.pick(extras))
                d.milestones = [
                    Milestone(
                        date: PartialDate("2027-H1")!, event: random.pick(texts), cite: [0], extra: random.pick(extras))
                ]
                d.tags = [random.pick(texts)]
                d.notes = random.pick(texts)
                d.extra = random.pick(extras)
            }
            d.models = (0..<random.below(4)).map { _ in random.pick(texts) }
            d.products = (0..<random.below(3)).map { _ in random.pick(texts) }
            d.kind = random.below(2) == 0 ? nil : random.pick(DealKind.allCases)
            d.sources = (0..<random.below(4)).map { _ in
                random.below(3) == 0
                    ? Source(title: "untitled url", publisher: random.pick(texts), date: PartialDate("2026-01"))
                    : Source(url: random.pick(texts))
            }
            return d
        }
    }

    func testRowBytesAreTheCellsOfRow() {
        var random = seededRandom(1517)
        let deals = Self.awkwardDeals(600, &random)
        let order = deals.indices.shuffled(using: &random)
        var expected = CSVWriter.line(DealCSV.columns)
        for i in order { expected += CSVWriter.line(DealCSV.row(deals[i])) }
        XCTAssertEqual(String(decoding: DealCSV.exportBytes(deals, order: order), as: UTF8.self), expected)
    }
}
