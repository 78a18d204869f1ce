import XCTest

@testable import DealKit

final class IDOrderTests: XCTestCase {
    private func order(_ ids: [String]) -> IDOrder {
        var o = IDOrder()
        for id in ids { o.see(id) }
        return o
    }

    func testStrictlyIncreasingIdsOnly() {
        XCTAssertTrue(order([]).increasing)
        XCTAssertTrue(order(["a"]).increasing)
        XCTAssertTrue(order(["a", "b", "kr-x", "kr-y"]).increasing)
        XCTAssertFalse(order(["a", "a"]).increasing, "a repeated id is not increasing")
        XCTAssertFalse(order(["b", "a", "c"]).increasing)
        XCTAssertEqual(order(["a", "b", "c"]).first, "a")
        XCTAssertEqual(order(["a", "b", "c"]).last, "c")
    }

    func testRunsJoinAtTheirEnds() {
        func joined(_ runs: [[String]]) -> IDOrder {
            var all = IDOrder()
            for r in runs { all.append(order(r)) }
            return all
        }
        XCTAssertTrue(joined([["a", "b"], [], ["c"], ["d", "e"]]).increasing)
        XCTAssertEqual(joined([[], ["c"], ["d", "e"]]).first, "c")
        XCTAssertEqual(joined([["a"], ["d", "e"], []]).last, "e")
        XCTAssertFalse(joined([["a", "c"], ["b", "d"]]).increasing, "runs that overlap")
        XCTAssertFalse(joined([["a", "c"], ["c", "d"]]).increasing, "the same id ends one run and starts the next")
        XCTAssertFalse(joined([["a"], ["c", "b"], ["d"]]).increasing, "a run out of order itself")
        XCTAssertFalse(joined([[], ["c", "b"]]).increasing)
    }
}
