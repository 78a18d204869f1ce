import XCTest

@testable import DealKit

final class NameCriteriaTests: XCTestCase {
    func testOrWithinAndAcrossAndTheNoVendorRow() {
        let c = NameCriteria<String>(countries: ["KR"], vendors: ["nvidia"], noVendor: true, partners: nil)
        XCTAssertTrue(c.passes(country: "KR"))
        XCTAssertFalse(c.passes(country: "JP"))
        XCTAssertTrue(c.passes(vendors: ["amd", "nvidia"], partners: []))
        XCTAssertFalse(c.passes(vendors: ["amd"], partners: []))
        XCTAssertTrue(c.passes(vendors: [], partners: []), "(none) selects the deals without a vendor")
        let p = NameCriteria<String>(countries: nil, vendors: nil, noVendor: false, partners: ["naver"])
        XCTAssertTrue(p.passes(country: "ZZ"))
        XCTAssertTrue(p.passes(vendors: ["x"], partners: ["sk", "naver"]))
        XCTAssertFalse(p.passes(vendors: [], partners: []))
    }

    func testUnknownNamesResolveToACriterionNothingPasses() {
        let c = NameCriteria<String>(countries: ["KR", "ZZ"], vendors: ["ghost"], noVendor: false, partners: nil)
        let ids = ["KR": 0, "JP": 1]
        let r = c.resolved(countries: { ids[$0] }, vendors: { _ in nil }, partners: { _ in nil })
        XCTAssertEqual(r.countries, [0])
        XCTAssertEqual(r.vendors, [])
        XCTAssertNil(r.partners)
        XCTAssertFalse(r.passes(vendors: [0, 1], partners: []))
        XCTAssertFalse(r.passes(vendors: [], partners: []))
    }
}
