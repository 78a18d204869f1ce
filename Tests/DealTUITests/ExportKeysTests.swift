import DealKit
import XCTest

@testable import DealTUI

/// The export choice after `x`.
final class ExportKeysTests: XCTestCase {
    func testExportAsksForAFormatThenEmitsAnEffect() throws {
        var s = TestFeeds.state(try TestFeeds.bundled())
        XCTAssertEqual(keys(&s, .char("x")), [])
        XCTAssertEqual(s.overlay, .export)
        XCTAssertEqual(keys(&s, .char("j")), [.export(.json)])
        XCTAssertNil(s.overlay)
        XCTAssertEqual(keys(&s, .char("x"), .escape), [])
    }
}
