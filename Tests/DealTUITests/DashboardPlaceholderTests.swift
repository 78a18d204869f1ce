import XCTest
@testable import DealTUI

final class DashboardPlaceholderTests: XCTestCase {
    func testOptionsDefaultToColorAndMouse() {
        let o = DashboardOptions()
        XCTAssertTrue(o.color)
        XCTAssertTrue(o.mouse)
    }
}
