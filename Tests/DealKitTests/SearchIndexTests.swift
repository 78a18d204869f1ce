import Foundation
import XCTest

@testable import DealKit

final class SearchIndexTests: XCTestCase {
    /// The definition the fast folding must reproduce byte for byte.
    private func reference(_ d: Deal) -> String {
        var parts: [String] = [d.title]
        if let s = d.sponsor { parts.append(s) }
        for p in d.partners { parts.append(p.name) }
        parts += d.models
        parts += d.products
        if let s = d.site { parts.append(s) }
        parts += d.tags
        return DealFilter.fold(parts.joined(separator: "\u{1F}"))
    }

    /// Texts where folding a run on its own could differ from folding the whole: marks after
    /// ASCII letters, lone marks, full-width forms, ligatures, scripts without case.
    static let tricky = [
        "Élysée AI Factory", "cafe\u{301} e\u{301}x", "\u{301}leading mark", "NAVER 네이버 클라우드", "鴻海 Foxconn",
        "ＦＵＬＬ ｗｉｄｔｈ ﾃｽﾄ", "Straße ß ẞ", "ΣΊΣΥΦΟΣ σίσυφος", "ﬁnance ﬀ", "İstanbul ı I", "Ångström Å K",
        "emoji 🇰🇷 👩‍💻 done", "ARABIC الذكاء", "a\u{308}b\u{30A}", "x\u{200D}y", "ǅ ǆ Ǆ", "plain ascii only",
        "TAB\tand\nnewline", "中文 数据中心", "ﾊﾝｶｸ", "Ω Å ℃",
    ]

    private func deals() -> [Deal] {
        Self.tricky.enumerated().map { i, t in
            let other = Self.tricky[(i + 5) % Self.tricky.count]
            return Deal(
                id: "d\(i)", title: t, country: "KR", announced: PartialDate("2026")!,
                sponsor: i % 2 == 0 ? other : nil,
                partners: [Partner(name: other, role: .vendor), Partner(name: t.uppercased(), role: .operator)],
                site: i % 3 == 0 ? t.lowercased() : nil, models: [other], tags: ["T\(i)"],
                products: i % 4 == 0 ? [t] : [])
        }
    }

    func testTheTextIsFoundationsFoldingOfTheJoinedParts() {
        for d in deals() {
            XCTAssertEqual(Array(DealFilter.searchText(d).utf8), Array(reference(d).utf8), d.title)
        }
    }

    func testTheIndexHoldsEachDealsTextAndFindsWhatTheFilterFinds() {
        let all = deals()
        for cores in [1, 2, 3] {
            let index = SearchIndex(deals: all, cores: cores)
            for (i, d) in all.enumerated() { XCTAssertEqual(Array(index.text(i)), Array(reference(d).utf8)) }
            let ids = (0..<Int32(all.count)).map { $0 }
            for query in ["e", "ELYSEE", " cafe ", "ss", "네이버", "ｆｕｌｌ", "fi", "σισυφοσ", "zzz", "a b"] {
                let expected = DealFilter(search: query).apply(to: all).map(\.id)
                XCTAssertEqual(
                    index.filter(ids, needle: SearchIndex.needle(query), cores: cores).map { all[Int($0)].id },
                    expected, query)
            }
        }
    }

    func testAnIndexBuiltInPartsEqualsOneBuiltWhole() {
        // Enough deals that the build is split across the cores.
        let all = (0..<(SearchIndex.parallelBuildFrom + 500)).map { i in
            Deal(
                id: "d\(i)", title: Self.tricky[i % Self.tricky.count] + " \(i)", country: "KR",
                announced: PartialDate("2026")!)
        }
        let whole = SearchIndex(deals: all, cores: 1)
        let split = SearchIndex(deals: all, cores: 2)
        for i in all.indices { XCTAssertEqual(whole.text(i), split.text(i)) }
    }

    func testASearchSplitAcrossCoresGivesTheSameAnswerInOrder() {
        let all = (0..<(SearchIndex.parallelFrom + 1_000)).map { i in
            Deal(
                id: "d\(i)", title: Self.tricky[i % Self.tricky.count] + " \(i)", country: "KR",
                announced: PartialDate("2026")!)
        }
        let index = SearchIndex(deals: all)
        let ids = (0..<Int32(all.count)).map { $0 }
        for query in ["a", "99", "네이버", "zzzz-none"] {
            let needle = SearchIndex.needle(query)
            let one = index.filter(ids, needle: needle, cores: 1)
            XCTAssertEqual(index.filter(ids, needle: needle, cores: 2), one, query)
            XCTAssertEqual(index.filter(ids, needle: needle, cores: 3), one, query)
            XCTAssertEqual(one, ids.filter { index.matches(Int($0), needle: needle) }, query)
        }
    }

    /// The table of each text's ASCII bytes finds a needle of one such byte alone and lets the
    /// byte search skip texts without a needle's bytes: the answers are the byte search's, for
    /// every ASCII byte, bytes of other characters, and longer needles rare and common.
    func testTheTableOfEachTextsBytesGivesTheByteSearchsAnswers() {
        let all =
            deals()
            + (0..<(SearchIndex.parallelBuildFrom + 300)).map { i in
                Deal(
                    id: "g\(i)", title: Self.tricky[i % Self.tricky.count] + " \(i) nv\(i % 7 == 0 ? "x" : "")",
                    country: "KR", announced: PartialDate("2026")!, tags: i % 5 == 0 ? ["\u{7F}~q"] : [])
            }
        let ids = (0..<Int32(all.count)).map { $0 }
        var needles: [[UInt8]] = (0..<128).map { [UInt8($0)] }
        needles += [[0xC3], [0xEB], [0xC3, 0xA9]]
        needles += ["nv", "nvx", "zz", "a b", "q9", "~q", "1 nv", "élysée", "네이버", "99 nv"].map { Array($0.utf8) }
        for cores in [1, 2] {
            let index = SearchIndex(deals: all, cores: cores)
            let untabled = SearchIndex(deals: all, cores: cores, table: false)
            XCTAssertTrue(index.hasTable)
            XCTAssertFalse(untabled.hasTable)
            XCTAssertTrue(untabled.withTable().hasTable)
            for n in needles {
                let expected = ids.filter { index.matches(Int($0), needle: n) }
                XCTAssertEqual(index.filter(ids, needle: n, cores: cores), expected, "\(n), \(cores) cores")
                XCTAssertEqual(untabled.filter(ids, needle: n, cores: cores), expected, "\(n) without the table")
                XCTAssertEqual(
                    untabled.withTable().filter(ids, needle: n, cores: cores), expected,
                    "\(n) with the table made after")
                XCTAssertEqual(
                    index.filter(Array(ids.reversed()), needle: n, cores: 1), expected.reversed(), "\(n) reversed")
            }
        }
    }
}
