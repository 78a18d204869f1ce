import XCTest

@testable import DealKit

final class DealFilterTests: XCTestCase {
    private static func deal(
        _ id: String, _ country: String, _ announced: String, status: DealStatus = .announced,
        sponsor: String? = nil, partners: [Partner] = [], site: String? = nil,
        target: Double? = nil, initial: Double? = nil, models: [String] = [], tags: [String] = [],
        title: String? = nil
    ) -> Deal {
        Deal(
            id: id, title: title ?? "Deal \(id)", country: country, announced: PartialDate(announced)!, status: status,
            sponsor: sponsor, partners: partners, site: site,
            capacity: (target ?? initial) == nil ? nil : Capacity(initialMW: initial, targetMW: target),
            models: models, tags: tags)
    }

    private let deals: [Deal] = [
        deal(
            "kr-naver", "KR", "2026-06-07", sponsor: "NAVER",
            partners: [Partner(name: "NVIDIA", role: .vendor), Partner(name: "NAVER Cloud", role: .operator)],
            site: "GAK Sejong", target: 1000, initial: 55, models: ["HyperCLOVA X"], tags: ["world-model"],
            title: "네이버 NAVER sovereign AI factory"),
        deal(
            "kr-skt", "KR", "2026-H2", status: .planned, sponsor: "SK Telecom",
            partners: [Partner(name: "NVIDIA", role: .vendor)], target: 1000),
        deal(
            "fr-mistral", "FR", "2025-Q4", status: .underConstruction,
            partners: [Partner(name: "AMD", role: .vendor), Partner(name: "Nvidia", role: .customer)],
            initial: 40, title: "Élysée data centre"),
        deal("gb-x", "GB", "2026", partners: [Partner(name: "NVIDIA", role: .investor)]),
        deal(
            "sa-humain", "SA", "2025-05", status: .operational, partners: [Partner(name: "Qualcomm", role: .vendor)],
            target: 0, title: "هيوماين HUMAIN"),
    ]

    private func ids(_ f: DealFilter) -> [String] { f.apply(to: deals).map(\.id) }

    func testEmptyFilterKeepsEverythingInOrder() {
        XCTAssertTrue(DealFilter().isEmpty)
        XCTAssertEqual(ids(DealFilter()), deals.map(\.id))
        XCTAssertEqual(DealFilter().summary, "")
    }

    func testCountryOrWithinKind() {
        XCTAssertEqual(ids(DealFilter(countries: ["KR"])), ["kr-naver", "kr-skt"])
        XCTAssertEqual(ids(DealFilter(countries: ["KR", "FR"])), ["kr-naver", "kr-skt", "fr-mistral"])
        XCTAssertEqual(ids(DealFilter(countries: ["JP"])), [])
    }

    func testVendorMatchesOnlyVendorRoleAnyCase() {
        XCTAssertEqual(
            ids(DealFilter(vendors: ["nvidia"])), ["kr-naver", "kr-skt"],
            "gb-x has NVIDIA as investor, fr-mistral as customer")
        XCTAssertEqual(ids(DealFilter(vendors: ["AMD", "qualcomm"])), ["fr-mistral", "sa-humain"])
        XCTAssertEqual(ids(DealFilter(vendors: ["NVID"])), [], "a vendor is a whole name, not a substring")
    }

    func testPartnerMatchesAnyRole() {
        XCTAssertEqual(ids(DealFilter(partners: ["NVIDIA"])), ["kr-naver", "kr-skt", "fr-mistral", "gb-x"])
        XCTAssertEqual(ids(DealFilter(partners: ["naver cloud"])), ["kr-naver"])
    }

    func testStatus() {
        XCTAssertEqual(ids(DealFilter(statuses: [.planned])), ["kr-skt"])
        XCTAssertEqual(ids(DealFilter(statuses: [.planned, .operational])), ["kr-skt", "sa-humain"])
        XCTAssertEqual(ids(DealFilter(statuses: [.cancelled])), [])
    }

    func testSinceAndUntilOnPartialDates() {
        // since: announced on or after the start of the period.
        XCTAssertEqual(ids(DealFilter(since: PartialDate("2026"))), ["kr-naver", "kr-skt", "gb-x"])
        XCTAssertEqual(ids(DealFilter(since: PartialDate("2026-H2"))), ["kr-skt"])
        XCTAssertEqual(ids(DealFilter(since: PartialDate("2026-06"))), ["kr-naver", "kr-skt"])
        XCTAssertEqual(ids(DealFilter(since: PartialDate("2026-06-08"))), ["kr-skt"])
        XCTAssertEqual(ids(DealFilter(since: PartialDate("2025-Q4"))), ["kr-naver", "kr-skt", "fr-mistral", "gb-x"])
        // until: announced on or before the end of the period.
        XCTAssertEqual(ids(DealFilter(until: PartialDate("2025"))), ["fr-mistral", "sa-humain"])
        XCTAssertEqual(ids(DealFilter(until: PartialDate("2025-05"))), ["sa-humain"])
        XCTAssertEqual(ids(DealFilter(until: PartialDate("2025-04"))), [])
        XCTAssertEqual(ids(DealFilter(until: PartialDate("2026-H1"))), ["kr-naver", "fr-mistral", "gb-x", "sa-humain"])
        XCTAssertEqual(
            ids(DealFilter(since: PartialDate("2025-06"), until: PartialDate("2026-06-07"))),
            ["kr-naver", "fr-mistral", "gb-x"])
        XCTAssertEqual(
            ids(DealFilter(since: PartialDate("2026-06-07"), until: PartialDate("2026-06-07"))), ["kr-naver"])
    }

    func testMinMWUsesAmbitionAndExcludesUnknown() {
        XCTAssertEqual(ids(DealFilter(minMW: 1000)), ["kr-naver", "kr-skt"])
        XCTAssertEqual(
            ids(DealFilter(minMW: 40)), ["kr-naver", "kr-skt", "fr-mistral"],
            "fr-mistral's ambition is its committed 40")
        XCTAssertEqual(
            ids(DealFilter(minMW: 0)), ["kr-naver", "kr-skt", "fr-mistral", "sa-humain"],
            "unknown MW never passes, even at 0")
        XCTAssertEqual(ids(DealFilter(minMW: 1001)), [])
    }

    func testSearchIsCaseInsensitiveOverEveryTextField() {
        XCTAssertEqual(ids(DealFilter(search: "SOVEREIGN")), ["kr-naver"], "title")
        XCTAssertEqual(ids(DealFilter(search: "telecom")), ["kr-skt"], "sponsor")
        XCTAssertEqual(ids(DealFilter(search: "qualcomm")), ["sa-humain"], "partner")
        XCTAssertEqual(ids(DealFilter(search: "hyperclova")), ["kr-naver"], "model")
        XCTAssertEqual(ids(DealFilter(search: "sejong")), ["kr-naver"], "site")
        XCTAssertEqual(ids(DealFilter(search: "WORLD-MODEL")), ["kr-naver"], "tag")
        XCTAssertEqual(ids(DealFilter(search: "네이버")), ["kr-naver"], "Hangul")
        XCTAssertEqual(ids(DealFilter(search: "هيوماين")), ["sa-humain"], "Arabic")
        XCTAssertEqual(ids(DealFilter(search: "élysée")), ["fr-mistral"])
        XCTAssertEqual(ids(DealFilter(search: "ÉLYSÉE")), ["fr-mistral"])
        XCTAssertEqual(ids(DealFilter(search: "  nvidia  ")), ["kr-naver", "kr-skt", "fr-mistral", "gb-x"], "trimmed")
        XCTAssertEqual(ids(DealFilter(search: "kr-naver")), [], "the id is not searched")
        XCTAssertEqual(ids(DealFilter(search: "zzz")), [])
    }

    func testAndAcrossKinds() {
        XCTAssertEqual(ids(DealFilter(countries: ["KR"], statuses: [.planned])), ["kr-skt"])
        XCTAssertEqual(
            ids(DealFilter(countries: ["KR", "FR"], vendors: ["nvidia", "amd"], minMW: 100)), ["kr-naver", "kr-skt"])
        XCTAssertEqual(ids(DealFilter(countries: ["KR"], search: "naver")), ["kr-naver"])
        XCTAssertEqual(ids(DealFilter(countries: ["FR"], vendors: ["nvidia"])), [])
        XCTAssertEqual(ids(DealFilter(vendors: ["NVIDIA"], since: PartialDate("2026-07"))), ["kr-skt"])
    }

    func testCompiledMatchesAgreeWithApply() {
        let f = DealFilter(countries: ["KR"], search: "ai")
        let c = f.compiled()
        XCTAssertEqual(deals.filter(c.matches).map(\.id), ids(f))
        XCTAssertTrue(DealFilter().compiled().matchesEverything)
        XCTAssertFalse(c.matchesEverything)
    }

    func testSummaryText() {
        let f = DealFilter(
            countries: ["KR", "JP"], vendors: ["NVIDIA"], statuses: [.planned], since: PartialDate("2026"),
            until: PartialDate("2027-H1"), minMW: 100, search: "dsx")
        XCTAssertEqual(
            f.summary, "country KR|JP · vendor NVIDIA · status planned · since 2026 · until 2027-H1 · ≥100 MW · \"dsx\""
        )
    }

    func testFold() {
        XCTAssertEqual(DealFilter.fold("NVIDIA"), "nvidia")
        XCTAssertEqual(DealFilter.fold("Élysée"), "elysee")
        XCTAssertEqual(DealFilter.fold("ＮＶＩＤＩＡ"), "nvidia")
    }
}
