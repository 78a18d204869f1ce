import XCTest

@testable import DealKit

final class DealBlocksTests: XCTestCase {
    private func blocks(_ s: String) -> DealBlocks? {
        Array(s.utf8).withUnsafeBufferPointer { DealBlocks.of($0) }
    }

    func testEachDealsBytesAndIdInFileOrder() throws {
        let s =
            #"{"format": "sovtrack-feed", "version": 2, "deals": [ {"id": "b", "x": [1, {"y": "}"}]} ,{"id":"a"}], "history": [{"id": "z"}]}"#
        let b = try XCTUnwrap(blocks(s))
        XCTAssertEqual(b.ids, ["b", "a"])
        let bytes = Array(s.utf8)
        XCTAssertEqual(
            b.ranges.map { String(decoding: bytes[$0], as: UTF8.self) },
            [#"{"id": "b", "x": [1, {"y": "}"}]}"#, #"{"id":"a"}"#])
        XCTAssertEqual(bytes[b.open], UInt8(ascii: "["))
        XCTAssertEqual(bytes[b.end - 1], UInt8(ascii: "]"))
    }

    func testAnythingUnusualGivesNil() {
        XCTAssertNil(blocks(#"{"deals": [{"title": "t", "id": "a"}]}"#), "id not first")
        XCTAssertNil(blocks(#"{"deals": [{"id": "a\u0062"}]}"#), "an escape in the id")
        XCTAssertNil(blocks(#"{"deals": ["a"]}"#), "not an object")
        XCTAssertNil(blocks(#"{"deals": {}}"#))
        XCTAssertNil(blocks(#"{"deals": [{"id": "a"}"#), "unfinished")
        XCTAssertNil(blocks(#"[1]"#))
        XCTAssertEqual(blocks(#"{"deals": []}"#)?.ids, [])
    }
}
