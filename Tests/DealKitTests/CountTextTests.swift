import XCTest

@testable import DealKit

final class CountTextTests: XCTestCase {
    func testGroupsThousandsAndAgrees() {
        XCTAssertEqual(CountText.grouped(0), "0")
        XCTAssertEqual(CountText.grouped(999), "999")
        XCTAssertEqual(CountText.grouped(1000), "1,000")
        XCTAssertEqual(CountText.grouped(100_000), "100,000")
        XCTAssertEqual(CountText.grouped(-1_234_567), "-1,234,567")
        XCTAssertEqual(CountText.of(1, "deal"), "1 deal")
        XCTAssertEqual(CountText.of(100_000, "deal"), "100,000 deals")
        XCTAssertEqual(CountText.of(1, "country", plural: "countries"), "1 country")
        XCTAssertEqual(CountText.of(2, "country", plural: "countries"), "2 countries")
    }
}
