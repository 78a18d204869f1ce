import DealKit
import XCTest

@testable import DealTUI

/// The help overlay's keys.
final class HelpKeysTests: XCTestCase {
    func testF1OpensTheHelp() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        _ = keys(&s, .function(1))
        XCTAssertEqual(s.overlay, .help(scroll: 0))
        _ = keys(&s, .function(1))
        XCTAssertNil(s.overlay)
    }

    func testHelpOpensAndCloses() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        _ = keys(&s, .char("?"))
        XCTAssertEqual(s.overlay, .help(scroll: 0))
        _ = keys(&s, .down)
        XCTAssertEqual(s.overlay, .help(scroll: 1))
        _ = keys(&s, .char("q"))
        XCTAssertNil(s.overlay)
    }
}
