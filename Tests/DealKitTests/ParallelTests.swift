import XCTest

@testable import DealKit

final class ParallelTests: XCTestCase {
    func testMapGivesEveryPartsResultInOrder() {
        XCTAssertEqual(Parallel.map(0) { $0 }, [])
        XCTAssertEqual(Parallel.map(1) { "part \($0)" }, ["part 0"])
        let shared = (0..<1_000).map { $0 * 3 }
        XCTAssertEqual(
            Parallel.map(17) { k in shared[(k * 50)..<(k * 50 + 50)].reduce(0, +) },
            (0..<17).map { k in (k * 50..<k * 50 + 50).reduce(0) { $0 + $1 * 3 } })
        XCTAssertTrue((1...8).contains(Parallel.cores))
    }
}
