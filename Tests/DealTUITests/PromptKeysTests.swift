import DealKit
import XCTest

@testable import DealTUI

/// The search prompt: narrowing as you type, Esc restoring the previous search.
final class PromptKeysTests: XCTestCase {
    func testSearchNarrowsAndEscRestoresThePreviousSearch() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        _ = keys(&s, .char("/"), .char("s"), .char("k"))
        XCTAssertEqual(s.shownCount, 2)
        _ = keys(&s, .enter)
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.filter.search, "sk")
        _ = keys(&s, .char("/"), .char("x"), .escape)
        XCTAssertEqual(s.filter.search, "sk")
        XCTAssertEqual(s.shownCount, 2)
        _ = keys(&s, .char("F"))
        XCTAssertTrue(s.filter.isEmpty)
        XCTAssertEqual(s.shownCount, 5)
    }
}
