import DealKit
import XCTest
@testable import DealTUI
import TestSupport

final class SearchIndexTests: XCTestCase {
    func testASearchSplitAcrossCoresGivesTheSameAnswerInOrder() {
        let big = FeedBuilder.generated(SearchIndex.parallelFrom + 1_000)
        let index = SearchIndex(deals: big.deals)
        let all = (0..<Int32(big.deals.count)).map { $0 }
        for query in ["a", "nvidia", "센터", "zzzz-none"] {
            let needle = SearchIndex.needle(query)
            let one = index.filter(all, needle: needle, cores: 1)
            XCTAssertEqual(index.filter(all, needle: needle, cores: 2), one, query)
            XCTAssertEqual(index.filter(all, needle: needle, cores: 3), one, query)
            XCTAssertEqual(one, all.filter { index.matches(Int($0), needle: needle) }, query)
        }
    }

    func testTheByteSearchAgreesWithANaiveOneOnEveryLengthAndPlace() {
        // Texts of three letters, so that partial matches are everywhere, of every length
        // around the 16-byte blocks the search tests at once.
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        func word(_ length: Int) -> String { String((0..<length).map { _ in Array("abc")[next(3)] }) }
        let titles = (0..<400).map { i in word(1 + i % 70) }
        let deals = titles.enumerated().map { Deal(id: "d-\($0.offset)", title: $0.element, country: "KR", announced: PartialDate("2026")!) }
        let index = SearchIndex(deals: deals)
        for _ in 0..<300 {
            let needle = Array(word(1 + next(20)).utf8)
            for (i, d) in deals.enumerated() {
                let text = Array(DealFilter.searchText(d).utf8)
                let naive = needle.count <= text.count && (0...(text.count - needle.count)).contains { text[$0..<($0 + needle.count)].elementsEqual(needle) }
                XCTAssertEqual(index.matches(i, needle: needle), naive, "\(String(decoding: needle, as: UTF8.self)) in \(d.title)")
            }
        }
    }
}
