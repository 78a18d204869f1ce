import XCTest

@testable import DealKit

final class ByteSearchTests: XCTestCase {
    private func naive(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        guard needle.count <= hay.count else { return false }
        return (0...(hay.count - needle.count)).contains { hay[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private func search(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBytes { h in needle.withUnsafeBytes { ByteSearch.contains(h, $0) } }
    }

    func testAgreesWithANaiveSearchOnEveryLengthAndPlace() {
        // Three letters, so partial matches are everywhere, at every length around the 16-byte blocks.
        var seed: UInt64 = 11
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        func word(_ length: Int) -> [UInt8] { (0..<length).map { _ in Array("abc".utf8)[next(3)] } }
        for length in 0..<80 {
            let hay = word(length)
            for _ in 0..<60 {
                let needle = word(next(24))
                XCTAssertEqual(search(hay, needle), naive(hay, needle), "\(needle) in \(hay)")
            }
            // Every substring is found, wherever it is.
            for start in stride(from: 0, to: length, by: 3) {
                for end in stride(from: start + 1, through: length, by: 5) {
                    XCTAssertTrue(search(hay, Array(hay[start..<end])), "\(start)..<\(end) of \(length)")
                }
            }
        }
    }

    func testEdgeCases() {
        XCTAssertTrue(search([], []))
        XCTAssertTrue(search(Array("abc".utf8), []))
        XCTAssertFalse(search([], Array("a".utf8)))
        XCTAssertFalse(search(Array("ab".utf8), Array("abc".utf8)))
        // First and last bytes match at many places, the middle only at the end.
        let hay = Array(String(repeating: "axxb", count: 20).utf8) + Array("axyb".utf8)
        XCTAssertTrue(search(hay, Array("axyb".utf8)))
        XCTAssertFalse(search(Array(hay.dropLast()), Array("axyb".utf8)))
        // Bytes above 0x7F compare as bytes (UTF-8 of Hangul).
        XCTAssertTrue(search(Array("삼성전자 센터 NVIDIA".utf8), Array("센터".utf8)))
        XCTAssertFalse(search(Array("삼성전자".utf8), Array("센터".utf8)))
    }
}
