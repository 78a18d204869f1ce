import XCTest

@testable import DealKit

final class DealValidatorTests: XCTestCase {
    private func deal(_ id: String = "a", country: String = "KR") -> Deal {
        Deal(id: id, title: "T", country: country, announced: PartialDate("2026")!, sources: [Source(title: "s")])
    }

    func testIdRule() {
        for ok in ["a", "a-b", "0", "kr-naver-2026", "a--b", "a-"] { XCTAssertNil(DealValidator.idProblem(ok), ok) }
        for bad in ["-a", "A", "a_b", "a b", "é", "a.b", "a/b", "ａ"] {
            XCTAssertNotNil(DealValidator.idProblem(bad), bad)
        }
        XCTAssertEqual(DealValidator.idProblem(""), "must not be empty")
    }

    func testTextRule() {
        XCTAssertNil(DealValidator.textProblem("x"))
        XCTAssertNil(DealValidator.textProblem(" x "))
        for bad in ["", " ", "\t\n", "\u{3000}"] {
            XCTAssertEqual(DealValidator.textProblem(bad), "must not be empty", bad.debugDescription)
        }
    }

    func testCountryRule() {
        for ok in ["KR", "GB", "FR", "EU", "US", "SA"] { XCTAssertNil(DealValidator.countryProblem(ok), ok) }
        XCTAssertEqual(DealValidator.countryProblem("Korea"), #""Korea" is not an ISO 3166-1 alpha-2 code"#)
        XCTAssertEqual(
            DealValidator.countryProblem("South Korea"),
            #""South Korea" is not an ISO 3166-1 alpha-2 code (did you mean "KR"?)"#)
        XCTAssertEqual(
            DealValidator.countryProblem("gb"), #""gb" is not an ISO 3166-1 alpha-2 code (did you mean "GB"?)"#)
        XCTAssertEqual(
            DealValidator.countryProblem("France"), #""France" is not an ISO 3166-1 alpha-2 code (did you mean "FR"?)"#)
        XCTAssertEqual(DealValidator.countryProblem("ZZ"), #""ZZ" is not an ISO 3166-1 alpha-2 code"#)
    }

    func testMegawattRule() {
        XCTAssertNil(DealValidator.megawattProblem(0))
        XCTAssertNil(DealValidator.megawattProblem(55))
        XCTAssertNil(DealValidator.megawattProblem(0.5))
        XCTAssertNil(DealValidator.megawattProblem(-0.0))
        XCTAssertEqual(
            DealValidator.megawattProblem(-5), "-5 is negative; megawatts must be 0 or more (null for unknown)")
        XCTAssertEqual(DealValidator.megawattProblem(.nan), "must be a finite number of megawatts")
        XCTAssertEqual(DealValidator.megawattProblem(.infinity), "must be a finite number of megawatts")
        XCTAssertEqual(DealValidator.megawattProblem(-.infinity), "must be a finite number of megawatts")
    }

    func testOtherRules() {
        XCTAssertNil(DealValidator.partialDateProblem("2026-H2"))
        XCTAssertNotNil(DealValidator.partialDateProblem("2026-13-45"))
        XCTAssertNil(DealValidator.currencyProblem("USD"))
        XCTAssertNotNil(DealValidator.currencyProblem("usd"))
        XCTAssertNotNil(DealValidator.currencyProblem("US"))
        XCTAssertNotNil(DealValidator.currencyProblem("EURO"))
        XCTAssertNil(DealValidator.amountProblem(0))
        XCTAssertNotNil(DealValidator.amountProblem(-1))
        XCTAssertNotNil(DealValidator.amountProblem(.nan))
        XCTAssertNil(DealValidator.countProblem(0))
        XCTAssertNotNil(DealValidator.countProblem(-1))
        XCTAssertEqual(
            DealValidator.enumProblem("x", allowed: DealStatus.allowedList),
            #""x" is not one of: announced, planned, under-construction, operational, cancelled"#)
    }

    func testIssuesOfADealInMemory() {
        var d = deal(country: "Korea")
        d.title = " "
        d.capacity = Capacity(initialMW: -1, targetMW: .infinity, operationalMW: .nan)
        d.partners = [Partner(name: "", role: .vendor)]
        d.models = [""]
        d.milestones = [Milestone(date: PartialDate("2026")!, event: "")]
        d.sources = [Source(publisher: "p")]
        d.investment = Investment(amount: -2, currency: "usd")
        d.accelerators = Accelerators(count: -3)
        let issues = DealValidator.issues(for: d, at: "deals[3]")
        XCTAssertEqual(
            issues.filter(\.isError).map(\.description),
            [
                "deals[3].title: must not be empty",
                #"deals[3].country: "Korea" is not an ISO 3166-1 alpha-2 code"#,
                "deals[3].partners[0].name: must not be empty",
                "deals[3].capacity.initialMW: -1 is negative; megawatts must be 0 or more (null for unknown)",
                "deals[3].capacity.targetMW: must be a finite number of megawatts",
                "deals[3].capacity.operationalMW: must be a finite number of megawatts",
                "deals[3].accelerators.count: must not be negative",
                "deals[3].investment.amount: must not be negative",
                #"deals[3].investment.currency: "usd" is not an ISO 4217 currency code (three capital letters)"#,
                "deals[3].models[0]: must not be empty",
                "deals[3].milestones[0].event: must not be empty",
                "deals[3].sources[0]: a source needs a title or a url",
            ])
    }

    func testValidDealHasNoIssues() {
        XCTAssertEqual(DealValidator.issues(for: deal(), at: "deals[0]"), [])
        var withURL = deal()
        withURL.sources = [Source(url: "https://x.test")]
        XCTAssertEqual(DealValidator.issues(for: withURL, at: "deals[0]"), [])
    }

    func testWarnings() {
        var d = deal()
        d.capacity = Capacity(initialMW: 100, targetMW: 50)
        d.sources = []
        let w = DealValidator.warnings(for: d, at: "deals[1]")
        XCTAssertEqual(
            w.map(\.description),
            [
                "deals[1].capacity: warning: initialMW (100) is above targetMW (50)",
                #"deals[1]: warning: deal "a" has no source"#,
            ])
        XCTAssertTrue(w.allSatisfy { $0.severity == .warning })
        // Warnings are part of issues(for:) but are not errors.
        XCTAssertEqual(DealValidator.issues(for: d, at: "deals[1]").filter(\.isError), [])
        d.capacity = Capacity(initialMW: 100, operationalMW: 500)
        d.sources = [Source(title: "s")]
        XCTAssertEqual(DealValidator.warnings(for: d, at: "x"), [], "only initial above target warns")
    }

    func testCitationWarningsAndTheirCount() {
        var d = deal()
        d.announcedStated = false
        d.capacity = Capacity(initialMW: 55, targetMW: 1_000.5, operationalMW: 12)
        d.milestones = [
            Milestone(date: PartialDate("2026-06")!, event: "cited", cite: [1]),
            Milestone(date: PartialDate("2027")!, event: "phase 2"),
        ]
        d.cite[.targetMW] = [1]
        let w = DealValidator.citationWarnings(for: d, at: "deals[4]")
        XCTAssertEqual(
            w.map(\.description),
            [
                "deals[4].cite: warning: announcedBy 2026 cites no source",
                "deals[4].cite: warning: initialMW 55 cites no source",
                "deals[4].cite: warning: operationalMW 12 cites no source",
                #"deals[4].milestones[1]: warning: milestone "phase 2" cites no source"#,
            ])
        XCTAssertEqual(DealValidator.citationWarningCount(for: d), 4)
        d.sources = []
        XCTAssertEqual(DealValidator.citationWarnings(for: d, at: "x"), [], "a deal without sources cites nothing")
        XCTAssertEqual(DealValidator.citationWarningCount(for: d), 0)
        for i in 0..<40 {
            var g = deal("g\(i)")
            g.capacity = i % 4 == 0 ? nil : Capacity(initialMW: i % 2 == 0 ? 1 : nil, targetMW: i % 3 == 0 ? 2 : nil)
            g.milestones = (0..<(i % 3)).map { Milestone(date: PartialDate("2028")!, event: "m\($0)") }
            if i % 5 == 0 { g.cite[.announced] = [1] }
            XCTAssertEqual(
                DealValidator.citationWarningCount(for: g), DealValidator.citationWarnings(for: g, at: "").count)
        }
    }

    func testDuplicateIds() {
        let deals = [deal("a"), deal("b"), deal("a"), deal("c"), deal("b"), deal("a")]
        XCTAssertEqual(
            DealValidator.duplicateIssues(deals).map(\.description),
            [
                #"deals[2].id: duplicate id "a" (first used by deals[0])"#,
                #"deals[4].id: duplicate id "b" (first used by deals[1])"#,
                #"deals[5].id: duplicate id "a" (first used by deals[0])"#,
            ])
        XCTAssertEqual(DealValidator.duplicateIssues([deal("a"), deal("b")]), [])
    }

    func testIssuesOfAFeed() {
        let feed = Feed(deals: [deal("a"), deal("b", country: "XX"), deal("a")])
        XCTAssertEqual(
            DealValidator.issues(for: feed).filter(\.isError).map(\.description),
            [
                #"deals[1].country: "XX" is not an ISO 3166-1 alpha-2 code"#,
                #"deals[2].id: duplicate id "a" (first used by deals[0])"#,
            ])
    }

    func testChangedRangeLeavesOutTheCommonPrefixAndSuffix() {
        let deals = (0..<6).map { deal("d\($0)") }
        XCTAssertEqual(DealValidator.changedRange(deals, since: deals), 0..<0)
        XCTAssertTrue(
            DealValidator.changedRange(deals, since: deals.map { $0 }).isEmpty, "equal, not only the same storage")
        var edited = deals
        edited[3].title = "x"
        XCTAssertEqual(DealValidator.changedRange(edited, since: deals), 3..<4)
        edited[1].title = "y"
        XCTAssertEqual(DealValidator.changedRange(edited, since: deals), 1..<4)
        XCTAssertEqual(DealValidator.changedRange(deals + [deal("z")], since: deals), 6..<7)
        var removed = deals
        removed.remove(at: 2)
        XCTAssertEqual(DealValidator.changedRange(removed, since: deals), 2..<2, "nothing to check")
        XCTAssertEqual(DealValidator.changedRange([deal("n")] + deals, since: deals), 0..<1)
        XCTAssertEqual(DealValidator.changedRange(deals, since: []), 0..<6)
        XCTAssertEqual(DealValidator.changedRange([], since: deals), 0..<0)
        // A repeated deal: prefix and suffix never overlap.
        XCTAssertEqual(DealValidator.changedRange([deal("a"), deal("a")], since: [deal("a")]), 1..<2)
    }

    func testErrorsOfAChangeCheckTheChangedDealsAndEveryId() {
        // The deals outside the range are not looked at: they equal deals validated before.
        let deals = [deal("a", country: "Korea"), deal("b"), deal("c", country: "XX")]
        XCTAssertEqual(DealValidator.errors(in: deals, checking: 1..<2), [])
        XCTAssertEqual(
            DealValidator.errors(in: deals, checking: 1..<3).map(\.description),
            [#"deals[2].country: "XX" is not an ISO 3166-1 alpha-2 code"#])
        XCTAssertEqual(
            DealValidator.errors(in: deals, checking: 0..<3),
            DealValidator.issues(for: Feed(deals: deals), errorsOnly: true),
            "all of them checked: the same errors as a full check")
        // Ids are compared across the whole feed whatever the range.
        XCTAssertEqual(
            DealValidator.errors(in: [deal("a"), deal("b"), deal("a")], checking: 0..<0).map(\.description),
            [#"deals[2].id: duplicate id "a" (first used by deals[0])"#])
        XCTAssertTrue(DealValidator.noErrors(in: deals, 1..<2))
        XCTAssertFalse(DealValidator.noErrors(in: deals, 1..<3))
        XCTAssertTrue(DealValidator.noErrors(in: deals, 3..<3))
    }

    func testInMemoryRulesAgreeWithTheDecoderOnTheFixture() throws {
        let feed = FeedDecoder.decode(try FeedText.fixtureBytes()).feed
        XCTAssertEqual(DealValidator.issues(for: feed).filter(\.isError), [])
    }
}
