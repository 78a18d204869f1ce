import XCTest

@testable import DealKit

final class ReportTests: XCTestCase {
    private func deal(
        _ id: String, _ country: String, initial: Double? = nil, target: Double? = nil, operational: Double? = nil,
        vendors: [String] = ["NVIDIA"], sources: [String] = [], milestones: [Milestone] = []
    ) -> Deal {
        let capacity =
            initial == nil && target == nil && operational == nil
            ? nil
            : Capacity(initialMW: initial, targetMW: target, operationalMW: operational)
        return Deal(
            id: id, title: id, country: country, announced: PartialDate("2026")!,
            partners: vendors.map { Partner(name: $0, role: .vendor) }, capacity: capacity,
            milestones: milestones, sources: sources.map { Source(title: $0, url: "https://example.com/\($0)") })
    }

    func testFingerprintIsTheSHA256OfTheListJSON() {
        let deals = [deal("b", "KR", target: 5, sources: ["s"]), deal("a", "FR")]
        let updated = PartialDate("2026-06-10")
        let r = MarkupCheck.report(deals, updated: updated)
        let listJSON = ListExport.render(DealSort.id.apply(to: deals), as: .json, updated: updated)
        XCTAssertEqual(r.fingerprint, SHA256.hex(listJSON))
        XCTAssertEqual(
            MarkupCheck.report(deals.reversed(), updated: updated).fingerprint, r.fingerprint,
            "the order read does not matter")
        var changed = deals
        changed[0].capacity?.targetMW = 6
        XCTAssertNotEqual(
            MarkupCheck.report(changed, updated: updated).fingerprint, r.fingerprint, "a changed figure changes it")
    }

    func testTheFingerprintOfManyDealsIsHashedAsTheyAreEncoded() {
        // Several of the encoder's pieces (of 200 deals here: the hash is the same whatever the
        // pieces' size, and a debug build fills a reused piece's buffer byte by byte, so
        // thousands of deals in 4,096-deal pieces cost seconds), out of id order and in it.
        let deals = (0..<700).map { deal(String(format: "d-%05d", ($0 * 7919) % 700), "KR", target: Double($0)) }
        let updated = PartialDate("2026-06-10")
        let expected = SHA256.hex(Report.canonicalBytes(deals, updated: updated))
        XCTAssertEqual(Report.fingerprint(deals, updated: updated, chunk: 200), expected)
        XCTAssertEqual(Report.fingerprint(deals, updated: updated), expected, "in one piece")
        XCTAssertEqual(Report.fingerprint(DealSort.id.apply(to: deals), updated: updated, chunk: 200), expected)
    }

    func testEachFigureCitesTheSourcesOfTheDealsItTotals() {
        let r = MarkupCheck.report([
            deal("kr-a", "KR", initial: 10, target: 100, sources: ["a1", "shared"]),
            deal("kr-b", "KR", sources: ["b1"]),
            deal("kr-c", "KR", target: 50, vendors: [], sources: ["c1"]),
            deal("fr-a", "FR", operational: 5, sources: ["shared", "f1"]),
        ])
        let numbers = Dictionary(
            uniqueKeysWithValues: r.sources.entries.enumerated().map { ($0.element.title!, $0.offset + 1) })
        XCTAssertEqual(r.sources.entries.count, 5, "the shared source is listed once")
        func cited(_ key: String, _ f: Citation.Figure) -> Set<String> {
            Set((r.citations[key]?[f] ?? []).map { n in numbers.first { $0.value == n }!.key })
        }
        XCTAssertEqual(cited("KR", .deal), ["a1", "shared", "b1", "c1"])
        XCTAssertEqual(cited("KR", .committedMW), ["a1", "shared"], "kr-b and kr-c state no committed MW")
        XCTAssertEqual(cited("KR", .ambitionMW), ["a1", "shared", "c1"])
        XCTAssertEqual(cited("KR", .vendors), ["a1", "shared"], "kr-c has no vendor")
        XCTAssertEqual(cited("KR", .operationalMW), [])
        XCTAssertEqual(cited("FR", .operationalMW), ["shared", "f1"])
        XCTAssertEqual(cited("total", .deal), Set(numbers.keys))
        // KR (the larger ambition) is numbered first; within it the deal with MW and a vendor first.
        XCTAssertEqual(r.sources.entries.prefix(2).map(\.title), ["a1", "shared"])
    }

    func testCitationMarksAreRuns() {
        XCTAssertEqual(Citation.marks([7, 1, 2, 3, 9, 8]), "[1–3, 7–9]")
        XCTAssertEqual(Citation.marks([4]), "[4]")
        XCTAssertEqual(Citation.marks([]), "")
    }

    func testMilestonesAreCountedPerCountryAndYear() {
        let m = { (d: String, done: Bool) in Milestone(date: PartialDate(d)!, event: "e", done: done) }
        let r = MarkupCheck.report([
            deal("a", "KR", milestones: [m("2026-H2", false), m("2026-06-07", true), m("2028", false)]),
            deal("b", "KR", milestones: [m("2026-Q1", true)]),
            deal("c", "GB", milestones: [m("2027-03", false)]),
        ])
        XCTAssertEqual(
            r.milestones,
            [
                .init(country: "GB", year: 2027, done: 0, open: 1),
                .init(country: "KR", year: 2026, done: 2, open: 1),
                .init(country: "KR", year: 2028, done: 0, open: 1),
            ])
    }
}
