import XCTest

@testable import DealKit

final class SuggestTests: XCTestCase {
    func testNearestPrefersPrefixThenContainsThenFewTypos() {
        XCTAssertEqual(Suggest.nearest("lst", among: ["browse", "list", "show"]), ["list"])
        XCTAssertEqual(
            Suggest.nearest("kr-naver", among: ["kr-naver-a", "kr-skt", "xx-kr-naver"]), ["kr-naver-a", "xx-kr-naver"])
        XCTAssertEqual(Suggest.nearest("zzzz", among: ["list"]), [])
        XCTAssertEqual(Suggest.phrase(["a", "b", "c"]), "; did you mean a, b or c?")
    }

    func testCountrySuggestions() {
        XCTAssertEqual(Countries.suggestions(for: "Korea"), ["KP (North Korea)", "KR (South Korea)"])
        XCTAssertEqual(Countries.suggestions(for: "Japn").first, "JP (Japan)")
    }
}
