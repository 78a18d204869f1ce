import XCTest

@testable import DealKit

final class DealPatchTests: XCTestCase {
    private func base() -> Deal {
        Deal(
            id: "kr-x", title: "Old", country: "KR", announced: PartialDate("2026")!, sponsor: "NAVER",
            partners: [Partner(name: "NVIDIA", role: .vendor)], site: "Sejong",
            capacity: Capacity(initialMW: 55, targetMW: 1000, confidence: .aspirational),
            models: ["m"],
            milestones: [
                Milestone(date: PartialDate("2026-H2")!, event: "Launch", done: true, extra: [JSONField("x", .null)])
            ],
            sources: [Source(title: "Article"), Source(url: "https://old.test")], tags: ["t"], notes: "n")
    }

    private func applying(_ build: (inout DealPatch) -> Void, to deal: Deal? = nil) -> Result<Deal, DealPatch.Failure> {
        var p = DealPatch()
        build(&p)
        var d = deal ?? base()
        do {
            try p.apply(to: &d)
            return .success(d)
        } catch {
            return .failure(error)
        }
    }

    private func problems(_ build: (inout DealPatch) -> Void) -> [String] {
        switch applying(build) {
        case .success: return []
        case .failure(let f): return f.problems.map { "\($0.field): \($0.message)" }
        }
    }

    private func applied(_ build: (inout DealPatch) -> Void, file: StaticString = #filePath, line: UInt = #line) -> Deal
    {
        switch applying(build) {
        case .success(let d): return d
        case .failure(let f):
            XCTFail("unexpected problems: \(f.problems)", file: file, line: line)
            return base()
        }
    }

    func testEmptyPatchChangesNothing() {
        XCTAssertEqual(applied { _ in }, base())
    }

    func testTextFields() {
        let d = applied {
            $0.title = "  New title  "
            $0.country = "south korea"
            $0.announced = "2026-Q3"
            $0.status = "Under-Construction"
            $0.platform = "DSX"
            $0.site = ""
            $0.sponsor = " SKT "
            $0.notes = ""
        }
        XCTAssertEqual(d.title, "New title")
        XCTAssertEqual(d.country, "KR")
        XCTAssertEqual(d.announced, PartialDate("2026-Q3"))
        XCTAssertEqual(d.status, .underConstruction)
        XCTAssertEqual(d.platform, "DSX")
        XCTAssertNil(d.site, "an empty text clears an optional field")
        XCTAssertEqual(d.sponsor, "SKT")
        XCTAssertNil(d.notes)
        XCTAssertEqual(applied { $0.country = "GB" }.country, "GB")
        XCTAssertEqual(applied { $0.country = "United Kingdom" }.country, "GB")
        XCTAssertEqual(applied { $0.status = "" }.status, .announced)
    }

    func testPartnersNameRole() {
        let d = applied {
            $0.partners = [
                "NVIDIA:vendor", " NAVER : Operator ", "KT", "Samsung:investor", "NVIDIA:vendor", "A:B:customer", "",
            ]
        }
        XCTAssertEqual(
            d.partners,
            [
                Partner(name: "NVIDIA", role: .vendor), Partner(name: "NAVER", role: .operator),
                Partner(name: "KT", role: .other), Partner(name: "Samsung", role: .investor),
                Partner(name: "A:B", role: .customer),
            ])
        XCTAssertEqual(
            problems { $0.partners = ["NVIDIA:supplier"] },
            [
                #"partner: "NVIDIA:supplier": role "supplier" is not one of: vendor, operator, investor, government, customer, other"#
            ])
        XCTAssertEqual(problems { $0.partners = [":vendor"] }, [#"partner: ":vendor" has no name"#])
    }

    func testMegawatts() {
        let d = applied {
            $0.initialMW = "1,500"
            $0.targetMW = "unknown"
            $0.operationalMW = "12.5"
        }
        XCTAssertEqual(d.capacity?.initialMW, 1500)
        XCTAssertNil(d.capacity?.targetMW, "\"unknown\" clears a figure")
        XCTAssertEqual(d.capacity?.operationalMW, 12.5)
        XCTAssertEqual(d.capacity?.confidence, .aspirational)
        XCTAssertNil(applied { $0.initialMW = "UNKNOWN" }.capacity?.initialMW)
        XCTAssertNil(applied { $0.initialMW = "" }.capacity?.initialMW)
        XCTAssertNil(applied { $0.initialMW = "null" }.capacity?.initialMW)
        XCTAssertEqual(applied { $0.initialMW = "0" }.capacity?.initialMW, 0, "zero is a figure, not unknown")
        XCTAssertEqual(applied { $0.initialMW = "1_000" }.capacity?.initialMW, 1000)
        XCTAssertEqual(
            problems { $0.initialMW = "-5" },
            ["initial-mw: -5 is negative; megawatts must be 0 or more (null for unknown)"])
        // One number grammar (NumberGrammar): no exponents, nan or inf; "unknown" clears a figure.
        for t in ["1e999", "nan", "inf", "0x10", "0x1p-2", "1e-400"] {
            XCTAssertEqual(
                problems { $0.targetMW = t },
                [
                    #"target-mw: "\#(t)" is not a number: write digits with a decimal point, and commas only between thousands (1.5, 1500, 1,500) or "unknown""#
                ])
        }
        XCTAssertEqual(
            problems { $0.operationalMW = "lots" },
            [
                #"operational-mw: "lots" is not a number: write digits with a decimal point, and commas only between thousands (1.5, 1500, 1,500) or "unknown""#
            ])
    }

    func testClearingEveryFigureRemovesCapacity() {
        let d = applied {
            $0.initialMW = "unknown"
            $0.targetMW = "unknown"
            $0.confidence = ""
        }
        XCTAssertNil(d.capacity)
        XCTAssertTrue(d.hasUnknownMW)
    }

    func testConfidence() {
        XCTAssertEqual(applied { $0.confidence = "Confirmed" }.capacity?.confidence, .confirmed)
        XCTAssertEqual(
            problems { $0.confidence = "sure" },
            [#"confidence: "sure" is not one of: confirmed, reported, aspirational"#])
    }

    func testMilestonesDateEvent() {
        let d = applied {
            $0.milestones = ["2027:First AI factory online", "!2026-06:Signed: phase 1", " 2026-H2 : Launch "]
        }
        XCTAssertEqual(
            d.milestones.map(\.summary), ["2027 First AI factory online", "2026-06 Signed: phase 1", "2026-H2 Launch"])
        XCTAssertEqual(
            d.milestones.map(\.done), [false, true, true], "! marks done; an existing done milestone stays done")
        XCTAssertEqual(d.milestones[2].extra, [JSONField("x", .null)], "an unchanged milestone keeps its unknown keys")
        XCTAssertEqual(
            problems { $0.milestones = ["no colon"] },
            [#"milestone: "no colon" is not DATE:EVENT (e.g. 2027:First AI factory online)"#])
        XCTAssertEqual(
            problems { $0.milestones = ["2026-13:x"] },
            [#"milestone: "2026-13" is not a partial date (YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD)"#])
        XCTAssertEqual(problems { $0.milestones = ["2026: "] }, [#"milestone: "2026: " has no event"#])
    }

    func testListsReplaceTheWholeList() {
        let d = applied {
            $0.models = ["A", " ", " B "]
            $0.tags = ["x"]
            $0.sources = ["https://new.test", " https://old.test "]
        }
        XCTAssertEqual(d.models, ["A", "B"])
        XCTAssertEqual(d.tags, ["x"])
        XCTAssertEqual(
            d.sources, [Source(title: "Article"), Source(url: "https://new.test"), Source(url: "https://old.test")],
            "sources without a URL are kept; the URL sources are replaced, in the order given")
        XCTAssertEqual(
            applied { $0.sources = [] }.sources, [Source(title: "Article")],
            "an empty list removes the URL sources only")
    }

    func testBadValuesAreAllReportedAndTheDealIsUnchanged() {
        var p = DealPatch()
        p.title = " "
        p.country = "Korea"
        p.announced = "2026-13-45"
        p.status = "done"
        var d = base()
        XCTAssertThrowsError(try p.apply(to: &d)) { error in
            let f = error as? DealPatch.Failure
            XCTAssertEqual(
                f?.problems.map { "\($0.field): \($0.message)" },
                [
                    "title: must not be empty",
                    #"country: "Korea" is not a country name or ISO 3166-1 alpha-2 code; did you mean KP (North Korea) or KR (South Korea)?"#,
                    #"announced: "2026-13-45" is not a partial date (YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD)"#,
                    #"status: "done" is not one of: announced, planned, under-construction, operational, cancelled"#,
                ])
        }
        XCTAssertEqual(d, base())
    }

    func testFailureEquality() {
        let a = DealPatch.Failure(problems: [("x", "y")])
        XCTAssertEqual(a, DealPatch.Failure(problems: [("x", "y")]))
        XCTAssertNotEqual(a, DealPatch.Failure(problems: [("x", "z")]))
    }

    func testKindProductsAndAnUnstatedDate() throws {
        var d = Deal(id: "a", title: "T", country: "KR", announced: PartialDate("2026")!)
        var p = DealPatch()
        p.kind = "Partnership"
        p.products = ["Vera Rubin", " "]
        p.announced = "≤2026-06-07"
        try p.apply(to: &d)
        XCTAssertEqual(d.kind, .partnership)
        XCTAssertEqual(d.products, ["Vera Rubin"])
        XCTAssertEqual(d.announcedText, "≤2026-06-07")
        var stated = DealPatch()
        stated.announced = "2026-06-07"
        stated.kind = ""
        try stated.apply(to: &d)
        XCTAssertEqual(d.announcedText, "2026-06-07", "a date typed plainly is a stated one")
        XCTAssertNil(d.kind)
        var bad = DealPatch()
        bad.kind = "merger"
        XCTAssertThrowsError(try bad.apply(to: &d))
    }

    func testPartnersKeepWhoSuppliesWhatAndAFigureTypedAnewIsStated() throws {
        var d = Deal(
            id: "a", title: "T", country: "KR", announced: PartialDate("2026")!,
            partners: [Partner(name: "SK hynix", role: .vendor, supplies: "memory", to: "NVIDIA")])
        d.capacity = Capacity(initialMW: 55, targetMW: 1000, approx: .target)
        var p = DealPatch()
        p.partners = ["SK hynix:vendor", "NVIDIA:vendor"]
        p.targetMW = "1000"
        p.initialMW = "60"
        try p.apply(to: &d)
        XCTAssertEqual(d.partners.first, Partner(name: "SK hynix", role: .vendor, supplies: "memory", to: "NVIDIA"))
        XCTAssertEqual(d.capacity?.approx, .target, "the same figure typed again keeps its mark")
        p.targetMW = "1200"
        try p.apply(to: &d)
        XCTAssertEqual(d.capacity?.approx, [], "a new figure is a stated one")
    }
}
