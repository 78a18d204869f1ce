import XCTest
@testable import DealTUI

final class VendorsViewTests: XCTestCase {
    func testAShareThatIsNotZeroNeverReadsZero() {
        XCTAssertEqual(VendorsView.percent(0), "0%")
        XCTAssertEqual(VendorsView.percent(0.00008), "<0.1%")
        XCTAssertEqual(VendorsView.percent(0.004), "0.4%")
        XCTAssertEqual(VendorsView.percent(0.199), "19.9%")
        XCTAssertEqual(VendorsView.percent(0.99999), ">99.9%")
        XCTAssertEqual(VendorsView.percent(1), "100%")
    }
}
