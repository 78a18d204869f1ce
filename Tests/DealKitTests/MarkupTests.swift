import XCTest

@testable import DealKit

final class MarkupTests: XCTestCase {
    func testEscapeMakesMarkupText() {
        XCTAssertEqual(
            Markup.escape(#"</svg><script>alert("x")</script> & 'q'"#),
            "&lt;/svg&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;")
        XCTAssertEqual(Markup.escape("네이버 NAVER"), "네이버 NAVER", "text beyond ASCII is kept")
        // XML forbids most C0 controls: they become visible placeholders, never raw.
        XCTAssertEqual(Markup.escape("a\u{1B}[31mb\u{0}c"), "a\u{241B}[31mb\u{2400}c")
        XCTAssertEqual(Markup.escape("a\u{202E}b"), "a\u{FFFD}b")
    }

    func testMarkdownCannotFormLinksOrTags() {
        let m = Markup.markdown("[click](javascript:alert(1)) <img src=x onerror=alert(1)> *b* | x")
        XCTAssertFalse(m.contains("<"), m)
        XCTAssertFalse(
            m.replacingOccurrences(of: "\\]", with: "").contains("]"), "every ] is escaped, so no link forms: \(m)")
        XCTAssertFalse(m.contains(" | "), "a pipe would split a table cell: \(m)")
        XCTAssertTrue(m.contains("\\[click\\](javascript:alert(1))"), m)
        XCTAssertEqual(Markup.markdown("- not a list"), "\\- not a list")
        XCTAssertEqual(Markup.markdown("1. not a list"), "1\\. not a list")
        XCTAssertEqual(Markup.markdown("2026-Q4 a-b 1.5"), "2026-Q4 a-b 1.5", "inside text, - and . are plain")
        XCTAssertEqual(Markup.markdown("-"), "-", "a lone dash (a table's empty cell) is plain")
        XCTAssertEqual(Markup.markdown("2) x 3."), "2\\) x 3.")
        XCTAssertEqual(
            Markup.markdown("committed_mw _em_ __b__"), "committed_mw \\_em\\_ \\_\\_b\\_\\_",
            "an underscore inside a word is plain")
        XCTAssertEqual(Markup.markdown("a\nb"), "a b", "one line")
    }

    /// The cases of issue 11 (HTML, `javascript:` links, remote images, entities, reference
    /// links, table pipes, terminal controls) come out as text.
    func testMarkdownOfHostileCells() {
        XCTAssertEqual(Markup.markdown("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;")
        XCTAssertEqual(Markup.markdown("[click](javascript:alert(1))"), "\\[click\\](javascript:alert(1))")
        XCTAssertEqual(
            Markup.markdown("![x](https://tracker.example/p.png)"), "!\\[x\\](https://tracker.example/p.png)")
        XCTAssertEqual(Markup.markdown("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;")
        XCTAssertEqual(Markup.markdown("<javascript:alert(1)>"), "&lt;javascript:alert(1)&gt;")
        XCTAssertEqual(Markup.markdown("AT&T &lt; &#x1b;"), "AT&amp;T &amp;lt; &amp;\\#x1b;")
        XCTAssertEqual(Markup.markdown("[ref]: javascript:x"), "\\[ref\\]: javascript:x")
        XCTAssertEqual(Markup.markdown("a|b\\c\nd\u{1B}[2J\u{202E}"), "a\\|b\\\\c d␛\\[2J\u{FFFD}")
        XCTAssertEqual(Markup.markdown("`code` *em* ~~s~~ # h"), "\\`code\\` \\*em\\* \\~\\~s\\~\\~ \\# h")
    }

    func testOnlyHTTPURLsAreLinks() {
        XCTAssertEqual(Markup.safeURL("https://example.com/a?b=c&d=e"), "https://example.com/a?b=c&d=e")
        XCTAssertEqual(Markup.safeURL("HTTP://example.com"), "HTTP://example.com")
        for bad in [
            "javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>",
            "//evil.example", "https:///x", "https://a.example/\"onmouseover=\"x", "https://a.example/<script>",
            "https://a.example/ x", "http://a\u{0}b", "vbscript:x", "/relative", "",
        ] {
            XCTAssertNil(Markup.safeURL(bad), bad)
        }
        XCTAssertNil(Markup.safeURL(nil))
    }
}
