import XCTest

final class CLISmokeTests: XCTestCase {
    func testSummaryOfBundledDataset() throws {
        let store = try SovtrackProcess.bundledStore()
        let r = try SovtrackProcess.run(["summary", "--store", store.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("South Korea"), r.stdout)
    }
}
