import XCTest

@testable import DealKit

final class FeedEncoderTests: XCTestCase {
    private func encoded(_ feed: Feed) -> String { String(decoding: FeedEncoder.encode(feed), as: UTF8.self) }

    func testFixtureLoadAndSaveIsByteIdentical() throws {
        let bytes = try FeedText.fixtureBytes()
        let r = FeedDecoder.decode(bytes)
        XCTAssertFalse(r.hasErrors)
        let again = FeedEncoder.encode(r.feed)
        XCTAssertEqual(again.count, bytes.count)
        XCTAssertTrue(again == bytes, "Fixtures/deals.json is not in the canonical layout, or the encoder changed it")
    }

    func testEmptyFeed() {
        XCTAssertEqual(encoded(Feed()), "{\n  \"format\": \"sovtrack-feed\",\n  \"version\": 2,\n  \"deals\": []\n}\n")
        XCTAssertEqual(
            encoded(Feed(updated: PartialDate("2026-Q3"))),
            "{\n  \"format\": \"sovtrack-feed\",\n  \"version\": 2,\n  \"updated\": \"2026-Q3\",\n  \"deals\": []\n}\n")
    }

    func testMinimalDealLayout() {
        let feed = Feed(deals: [Deal(id: "a", title: "T", country: "KR", announced: PartialDate("2026")!)])
        XCTAssertEqual(
            encoded(feed),
            """
            {
              "format": "sovtrack-feed",
              "version": 2,
              "deals": [
                {
                  "id": "a",
                  "title": "T",
                  "country": "KR",
                  "announced": "2026",
                  "status": "announced"
                }
              ]
            }

            """)
    }

    static let fullDocument = """
        {
          "format": "sovtrack-feed",
          "version": 1,
          "updated": "2026-06-10",
          "deals": [
            {
              "id": "kr-x",
              "title": "네이버 \\"quoted\\" \\\\ tab\\t",
              "country": "KR",
              "announced": "2026-H2",
              "status": "under-construction",
              "sponsor": "NAVER",
              "partners": [
                {"name": "NVIDIA", "role": "vendor"},
                {"name": "NAVER", "role": "operator", "x-share": 0.25}
              ],
              "platform": "NVIDIA DSX",
              "site": "GAK Sejong",
              "capacity": {"initialMW": 55, "targetMW": 1000.5, "operationalMW": null, "confidence": "aspirational", "x-phase": "p1"},
              "accelerators": {"count": 18000, "type": null, "x-gen": 3},
              "investment": {"amount": 1500000000, "currency": "USD", "x-fx": 1.0},
              "models": ["HyperCLOVA X", "Cosmos"],
              "milestones": [
                {"date": "2026-H2", "event": "Launch", "done": false},
                {"date": "2026-06-07", "event": "Signed", "done": true, "x-ref": [true, null]}
              ],
              "sources": [
                {"title": "t", "publisher": "p", "url": "https://x.test", "date": "2026-06-10"},
                {"url": "https://y.test", "x-lang": "ko"}
              ],
              "tags": ["a", "b"],
              "notes": "line1\\nline2",
              "x-future": {"a": [1.50, 12345678901234567890], "b": {}}
            },
            {
              "id": "a-second",
              "title": "Élysée هيوماين",
              "country": "EU",
              "announced": "2027",
              "status": "announced",
              "capacity": {"initialMW": null, "targetMW": null, "operationalMW": null}
            }
          ],
          "x-top": 1.50,
          "x-big": -12345678901234567890e-3
        }

        """

    func testFullDocumentIsCanonicalAndRoundTrips() {
        let r = FeedText.decode(Self.fullDocument)
        XCTAssertFalse(r.hasErrors, r.issues.description)
        let out = encoded(r.feed)
        XCTAssertEqual(out, Self.fullDocument)
        // Deals are written in the order given (the store, not the encoder, sorts them).
        XCTAssertTrue(out.range(of: "\"kr-x\"")!.lowerBound < out.range(of: "\"a-second\"")!.lowerBound)
        XCTAssertEqual(FeedText.decode(out).feed, r.feed)
    }

    /// A feed of many varied deals: the full document's deals again and again, under new ids.
    private func manyDeals(_ n: Int) -> Feed {
        let base = FeedText.decode(Self.fullDocument).feed
        var deals: [Deal] = []
        for i in 0..<n {
            var d = base.deals[i % base.deals.count]
            d.id = "d-\(1000 + i)"
            deals.append(d)
        }
        return Feed(updated: base.updated, deals: deals, extra: base.extra)
    }

    func testStreamedPiecesMakeTheSameDocument() {
        let feed = manyDeals(50)
        let whole = FeedEncoder.encode(feed)
        for (cores, chunk) in [(1, 1), (1, 7), (3, 7), (2, 50), (4, 64)] {
            var pieces: [[UInt8]] = []
            FeedEncoder.encode(feed, cores: cores, chunk: chunk, parallelFrom: 0) { pieces.append($0) }
            XCTAssertEqual(pieces.count, (50 + chunk - 1) / chunk + 2, "the head, the chunks, the tail")
            XCTAssertTrue(Array(pieces.joined()) == whole, "\(cores) cores, chunks of \(chunk)")
        }
        var empty: [UInt8] = []
        FeedEncoder.encode(Feed(updated: PartialDate("2026"))) { empty += $0 }
        XCTAssertEqual(empty, FeedEncoder.encode(Feed(updated: PartialDate("2026"))))
        var twoCores: [UInt8] = []
        FeedEncoder.encode(feed, cores: 2, parallelFrom: 0) { twoCores += $0 }
        XCTAssertEqual(twoCores, whole)
    }

    func testARefusedChunkStopsTheStream() {
        let feed = manyDeals(50)
        var pieces: [[UInt8]] = []
        let complete = FeedEncoder.encode(feed, cores: 2, chunk: 10, parallelFrom: 0, accepting: { !$0.contains(33) }) {
            pieces.append($0)
        }
        XCTAssertFalse(complete)
        XCTAssertEqual(pieces.count, 1 + 3, "the head and the three chunks before the refused one")
        let written = Array(pieces.joined())
        XCTAssertTrue(written == Array(FeedEncoder.encode(feed).prefix(written.count)))
        XCTAssertTrue(FeedEncoder.encode(feed, cores: 2, chunk: 10, parallelFrom: 0, accepting: { _ in true }) { _ in })
    }

    func testDatesAreWrittenAsTheirDescription() {
        let dates =
            ["2026", "0999", "2026-H1", "2026-Q4", "2026-01", "2026-12-31", "0001-02-03"].map { PartialDate($0)! }
            + [PartialDate(year: 12345, month: 6, day: 7), PartialDate(year: 5, month: 10, day: 1)]
        for date in dates {
            let feed = Feed(deals: [
                Deal(
                    id: "a", title: "T", country: "KR", announced: date,
                    milestones: [Milestone(date: date, event: "e")], sources: [Source(title: "t", date: date)])
            ])
            let text = encoded(feed)
            XCTAssertEqual(text.components(separatedBy: "\"\(date.description)\"").count - 1, 3, text)
        }
    }

    func testUnknownKeysRoundTripDigitForDigit() {
        let text = FeedText.feed(
            [
                FeedText.deal(
                    ["sources": #"[{"title": "t", "x-s": 1.50}]"#],
                    extra: [
                        ("x-a", "1.50"), ("x-b", "12345678901234567890"), ("x-c", "1E+2"), ("x-d", "-0.0"),
                        ("x-e", "[1.0, 2.50]"),
                        ("capacity", #"{"initialMW": 1.50, "x-c": 0.10}"#),
                        ("partners", #"[{"name": "N", "role": "vendor", "x-p": 12345678901234567890}]"#),
                        ("milestones", #"[{"date": "2026", "event": "e", "x-m": 1.50}]"#),
                    ])
            ], top: #", "x-top": {"n": 12345678901234567890, "f": 1.50}"#)
        let first = FeedText.decode(text)
        XCTAssertEqual(first.issues, [])
        let out = encoded(first.feed)
        for literal in [
            #""x-a": 1.50"#, #""x-b": 12345678901234567890"#, #""x-c": 1E+2"#, #""x-d": -0.0"#, #""x-e": [1.0, 2.50]"#,
            #""x-c": 0.10"#, #""x-p": 12345678901234567890"#, #""x-m": 1.50"#, #""x-s": 1.50"#,
            #""x-top": {"n": 12345678901234567890, "f": 1.50}"#,
        ] {
            XCTAssertTrue(out.contains(literal), "missing \(literal) in\n\(out)")
        }
        // A known MW figure is a number, written in the canonical form.
        XCTAssertTrue(
            out.contains(#""capacity": {"initialMW": 1.5, "targetMW": null, "operationalMW": null, "x-c": 0.10}"#), out)
        let second = FeedText.decode(out)
        XCTAssertEqual(second.feed, first.feed)
        XCTAssertEqual(encoded(second.feed), out, "encoding is stable")
    }

    func testNumbersAreWrittenCanonically() {
        var d = Deal(id: "a", title: "T", country: "KR", announced: PartialDate("2026")!)
        d.capacity = Capacity(initialMW: 55.0, targetMW: 0.1, operationalMW: 0)
        d.investment = Investment(amount: 2.5e9, currency: "EUR")
        let out = encoded(Feed(deals: [d]))
        XCTAssertTrue(out.contains(#""capacity": {"initialMW": 55, "targetMW": 0.1, "operationalMW": 0}"#), out)
        XCTAssertTrue(out.contains(#""investment": {"amount": 2500000000, "currency": "EUR"}"#), out)
    }

    func testEmptyListsAndAbsentKeysAreLeftOut() {
        var d = Deal(id: "a", title: "T", country: "KR", announced: PartialDate("2026")!)
        d.models = []
        d.tags = []
        d.partners = []
        d.milestones = []
        d.sources = []
        let out = encoded(Feed(deals: [d]))
        for key in [
            "models", "tags", "partners", "milestones", "sources", "sponsor", "capacity", "notes", "site", "platform",
        ] {
            XCTAssertFalse(out.contains("\"\(key)\""), key)
        }
    }

    func testControlCharactersAreEscapedAndReadBack() {
        var d = Deal(id: "a", title: "bell\u{7} esc\u{1B} nul\u{0}", country: "KR", announced: PartialDate("2026")!)
        d.notes = "\r\n"
        let out = FeedEncoder.encode(Feed(deals: [d]))
        XCTAssertFalse(out.contains(0x1B))
        XCTAssertFalse(out.contains(0x00))
        XCTAssertEqual(FeedDecoder.decode(out).feed.deals, [d])
    }

    /// Every key version 2 adds, in the canonical layout.
    static let version2Document = """
        {
          "format": "sovtrack-feed",
          "version": 2,
          "deals": [
            {
              "id": "kr-memory",
              "title": "Memory partnership",
              "kind": "partnership",
              "country": "KR",
              "announcedBy": "2026-06-07",
              "status": "announced",
              "partners": [
                {"name": "SK hynix", "role": "vendor", "supplies": "memory", "to": "NVIDIA"},
                {"name": "NVIDIA", "role": "vendor", "supplies": "software", "to": "SK hynix", "x": 1}
              ],
              "capacity": {"initialMW": 55, "targetMW": 1000, "operationalMW": null, "confidence": "aspirational", "approx": ["targetMW"]},
              "models": ["M"],
              "products": ["Vera Rubin", "CUDA-X"],
              "milestones": [
                {"date": "2027", "event": "Online", "done": false, "cite": [2]}
              ],
              "sources": [
                {"title": "One"},
                {"title": "Two"}
              ],
              "cite": {"announced": [1], "initialMW": [1, 2], "targetMW": [2]}
            }
          ]
        }

        """

    func testVersion2KeysRoundTripInTheirCanonicalPlaces() {
        let r = FeedText.decode(Self.version2Document)
        XCTAssertFalse(r.hasErrors, r.issues.description)
        let d = r.feed.deals[0]
        XCTAssertEqual(r.feed.version, 2)
        XCTAssertEqual(d.kind, .partnership)
        XCTAssertFalse(d.mwApplies)
        XCTAssertFalse(d.announcedStated)
        XCTAssertEqual(d.announcedText, "≤2026-06-07")
        XCTAssertEqual(d.partners[0].supplies, "memory")
        XCTAssertEqual(d.partners[0].to, "NVIDIA")
        XCTAssertEqual(d.capacity?.approx, .target)
        XCTAssertEqual(d.products, ["Vera Rubin", "CUDA-X"])
        XCTAssertEqual(d.milestones[0].cite, [2])
        XCTAssertEqual(d.cite[.initialMW], [1, 2])
        XCTAssertEqual(d.cite[.operationalMW], [])
        XCTAssertEqual(encoded(r.feed), Self.version2Document)
    }

    func testAVersion1FeedIsWrittenBackAsVersion1UntilItNeedsVersion2() {
        let v1 = Self.fullDocument
        var feed = FeedText.decode(v1).feed
        XCTAssertEqual(feed.version, 1)
        XCTAssertEqual(encoded(feed), v1, "a version-1 file round-trips byte for byte")
        feed.deals[0].products = ["GB300"]
        XCTAssertTrue(encoded(feed).contains("\"version\": 2,"), "a version-2 key makes it version 2")
    }
}
