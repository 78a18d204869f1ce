import XCTest

@testable import DealKit

final class TextTableTests: XCTestCase {
    /// The display column where each cell of a line starts, given the columns' widths.
    private func starts(of line: String, widths: [Int]) -> [Int] {
        var out: [Int] = []
        var col = 0
        for w in widths {
            out.append(col)
            col += w + 2
        }
        return out
    }

    /// Splits a rendered line into cells by walking display columns.
    private func cell(_ line: String, from start: Int, width: Int) -> String {
        var col = 0
        var out = ""
        for ch in line {
            let w = DisplayWidth.of(ch)
            if col >= start && col + w <= start + width { out.append(ch) }
            col += w
        }
        return out
    }

    private let names = ["네이버", "鴻海", "ソフトバンク", "هيوماين", "Élysée", "NVIDIA", "e\u{301}cole", "😀 emoji"]

    func testWideTextColumnsStartAtTheSameDisplayColumn() {
        let table = TextTable(
            columns: [.init("name"), .init("mw", alignRight: true), .init("country")],
            rows: names.enumerated().map { i, n in [n, String(i * 1000), "KR"] })
        let text = table.renderText()
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, names.count + 2)
        // The name column is as wide as the widest name (ソフトバンク: 6 wide characters = 12 columns).
        let widths = [12, 4, 7]
        XCTAssertTrue(
            lines[1].hasPrefix(String(repeating: "─", count: 12) + "  " + String(repeating: "─", count: 4) + "  "),
            lines[1])
        for (i, line) in lines.enumerated() where i != 1 {
            let s = starts(of: line, widths: widths)
            let country = cell(line, from: s[2], width: widths[2])
            XCTAssertEqual(
                country.trimmingCharacters(in: .whitespaces), i == 0 ? "country" : "KR", "line \(i): \(line)")
            // Everything before the country column is exactly as wide as the two columns and their gaps.
            let prefix = String(line[..<line.range(of: i == 0 ? "country" : "KR")!.lowerBound])
            XCTAssertEqual(DisplayWidth.of(prefix), s[2], "line \(i): \(line)")
            let mw = cell(line, from: s[1], width: widths[1])
            XCTAssertEqual(DisplayWidth.of(mw), widths[1], "right-aligned, padded: \(line)")
        }
        for (i, n) in names.enumerated() {
            XCTAssertTrue(lines[i + 2].hasPrefix(n), lines[i + 2])
            XCTAssertTrue(lines[i + 2].contains(" \(i * 1000)  KR"), "numbers right-aligned: \(lines[i + 2])")
        }
    }

    func testLongCellsAreCutToTheColumnMaximum() {
        let table = TextTable(
            columns: [.init("t", maxWidth: 5), .init("x")], rows: [["네이버네이버", "1"], ["abcdefgh", "2"], ["ab", "3"]])
        let lines = table.renderText().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[2], "네이…  1")
        XCTAssertEqual(lines[3], "abcd…  2")
        XCTAssertEqual(lines[4], "ab     3")
        XCTAssertEqual(DisplayWidth.of(lines[2]), DisplayWidth.of(lines[4]))
    }

    func testHeaderWiderThanMaximumIsKept() {
        let table = TextTable(
            columns: [.init("a-long-header", maxWidth: 3), .init("b")], rows: [["xxxxxxxxxxxxxxxxxxxx", "1"]])
        let lines = table.renderText().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "a-long-header  b")
        XCTAssertEqual(DisplayWidth.of(lines[2]), DisplayWidth.of(lines[0]))
    }

    func testFooterAfterARuleAndNoTrailingSpaces() {
        let table = TextTable(
            columns: [.init("k"), .init("v", alignRight: true), .init("note")],
            rows: [["a", "1", ""], ["bb", "22", "x"]],
            footer: ["total", "23", ""])
        XCTAssertEqual(
            table.renderText(),
            """
            k       v  note
            ─────  ──  ────
            a       1
            bb     22  x
            ─────  ──  ────
            total  23

            """)
    }

    func testControlCharactersCannotBreakTheLayout() {
        let table = TextTable(
            columns: [.init("a"), .init("b")], rows: [["x\ny\u{1B}[2J", "1"], ["\u{202E}evil", "2"]])
        let text = table.renderText()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 5, text)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        XCTAssertEqual(DisplayWidth.of(lines[2].prefix { $0 != "1" }), DisplayWidth.of(lines[3].prefix { $0 != "2" }))
    }

    func testMarkdown() {
        let table = TextTable(
            columns: [.init("name"), .init("mw", alignRight: true)],
            rows: [["a|b", "1"], ["back\\slash\nnew", "2"], ["네이버"]],
            footer: ["total", "3"])
        XCTAssertEqual(
            table.renderMarkdown(),
            """
            | name | mw |
            | --- | ---: |
            | a\\|b | 1 |
            | back\\\\slash new | 2 |
            | 네이버 |  |
            | total | 3 |

            """)
    }

    func testListTableOfTheFixture() throws {
        let feed = FeedDecoder.decode(try FeedText.fixtureBytes()).feed
        let text = String(decoding: ListExport.render(feed.deals, as: .table), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 7)
        // The title column starts at the same display column on every line, Hangul titles included.
        let header = lines[0]
        let titleColumn = DisplayWidth.of(header[..<header.range(of: "title")!.lowerBound])
        for line in lines.dropFirst(2) {
            let id = line.split(separator: " ").first!
            let deal = feed.deals.first { $0.id.hasPrefix(id.replacingOccurrences(of: "…", with: "")) }!
            let titleStart = String(deal.title.prefix(3))
            let r = line.range(of: titleStart)!
            XCTAssertEqual(DisplayWidth.of(line[..<r.lowerBound]), titleColumn, line)
        }
        XCTAssertTrue(text.contains("55 → ≈1,000"), "a gigawatt-scale target is approximate")
        XCTAssertTrue(text.contains(" → ≈1,000"))
        XCTAssertTrue(text.contains(" n/a "), "megawatts do not apply to the memory partnership")
        XCTAssertTrue(text.contains("≤2026-06-07"), "an unstated date")
    }

    func testMarkdownCellsAreTextNeverMarkup() {
        // Issue 11: a feed's HTML, links and images must not become live in a Markdown table.
        let md = TextTable(
            columns: [.init("<h1>")], rows: [["</td><script>"], ["[click](javascript:alert(1))"], ["- a|b"]]
        ).renderMarkdown()
        XCTAssertEqual(
            md,
            """
            | &lt;h1&gt; |
            | --- |
            | &lt;/td&gt;&lt;script&gt; |
            | \\[click\\](javascript:alert(1)) |
            | \\- a\\|b |

            """)
    }

    func testHTMLPageEscapesFeedText() throws {
        let t = TextTable(
            columns: [.init("name"), .init("mw", alignRight: true)],
            rows: [["</td><script>alert(1)</script>", "55"]], footer: ["total", "55"])
        let html = t.renderHTML(title: "a <title>")
        XCTAssertFalse(html.contains("<script>"), html)
        XCTAssertTrue(
            html.contains("<td>&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"n\">55</td>"), html)
        XCTAssertTrue(html.contains("<title>a &lt;title&gt;</title>"))
        XCTAssertTrue(html.contains("<tfoot>\n<tr><td>total</td>"))
        let info = try MarkupCheck.parse(html, as: "html")
        XCTAssertEqual(info["unclosed"] as? [String], [])
        XCTAssertEqual(info["scripts"] as? Int, 0)
    }
}
