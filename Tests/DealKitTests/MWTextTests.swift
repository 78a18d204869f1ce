import XCTest

@testable import DealKit

final class MWTextTests: XCTestCase {
    func testFiguresRoundAsTablesDo() {
        XCTAssertEqual(MWText.figure(nil), "-")
        XCTAssertEqual(MWText.figure(0), "0", "zero is what a source said")
        XCTAssertEqual(MWText.figure(12.54), "12.5")
        XCTAssertEqual(MWText.figure(1000), "1,000")
        XCTAssertEqual(MWText.figure(2.8859), "2.9")
    }

    func testASmallFigureNeverReadsAsZero() {
        XCTAssertEqual(MWText.figure(0.03), "0.03")
        XCTAssertEqual(MWText.figure(0.0042), "0.0042")
        XCTAssertEqual(MWText.figure(0.049), "0.049")
        XCTAssertEqual(MWText.figure(0.01 + 0.02), "0.03", "float noise is not a digit")
        XCTAssertEqual(MWText.figure(0.05), "0.1")
    }
}
