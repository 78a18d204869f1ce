import XCTest

@testable import DealKit

final class ArrayMovingTests: XCTestCase {
    private final class Box {
        let n: Int
        init(_ n: Int) { self.n = n }
    }

    func testThePartsAreJoinedInOrderAndLeftEmpty() {
        var parts: [[Box?]] = [[Box(1), Box(2)], [], [nil, Box(3)], [Box(4)]]
        var joined = [Box](moving: &parts)
        XCTAssertEqual(joined.map(\.n), [1, 2, 3, 4])
        XCTAssertEqual(parts.map(\.count), [2, 0, 2, 1], "the parts keep their slots")
        XCTAssertTrue(parts.allSatisfy { $0.allSatisfy { $0 == nil } }, "every slot left nil")
        // Moved, not copied: the joined array holds the only reference to each element.
        for i in joined.indices { XCTAssertTrue(isKnownUniquelyReferenced(&joined[i])) }
    }

    func testNoPartsGiveAnEmptyArray() {
        var parts: [[Int?]] = []
        XCTAssertEqual([Int](moving: &parts), [])
    }
}
