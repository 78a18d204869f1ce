/// Feed text made inert in HTML, SVG (XML) and Markdown, and links only where they are safe.
///
/// Feed text is untrusted: a title holding `</svg><script>` must read as text, and a URL
/// `javascript:alert(1)` must never become a link.
public enum Markup {
    /// Text for HTML or XML content and attribute values: `& < > " '` escaped, and the
    /// characters XML 1.0 forbids (C0 controls but tab and newline) and every other character
    /// `SafeText` would not send to a terminal raw (C1, bidi, invisible) shown as placeholders.
    public static func escape(_ s: String) -> String {
        // Most feed text has nothing to escape: one pass over its bytes says so, and it is kept as is.
        if !s.utf8.contains(where: {
            $0 < 0x20 || $0 == 0x7F || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
                || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF
        }) {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += " "
            default:
                // The terminal rule (`SafeText`), which covers what XML forbids but U+FFFE/U+FFFF.
                if let placeholder = SafeText.replacement(for: scalar.value) {
                    out.unicodeScalars.append(placeholder)
                } else if (0xFFFE...0xFFFF).contains(scalar.value) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Text for a Markdown paragraph, list item or table cell, which renders as that text and
    /// nothing else: the one Markdown escaper (the report, `show --format md`, and every
    /// `--format md` table).
    ///
    /// A feed could otherwise put HTML (`<script>`, `<img src=...>`), a link to `javascript:`
    /// or a remote image (`![](https://tracker/...)`) into a document that is then opened in a
    /// viewer. `<`, `>` and `&` become entities, so no tag, autolink or entity forms; `[` and
    /// `]`, which every link and image needs, are escaped, so none forms (a viewer's own
    /// autolink of a bare `http`/`https` address aside); `|` cannot split a table cell; `\`,
    /// `` ` ``, `*`, `~`, `#` and `_` (but inside a word, where it is plain: `committed_mw`)
    /// cannot make code, emphasis or a heading; and a leading `-`, `+` or `1.` before a space
    /// cannot start a list. The text is made safe for a terminal and kept on one line (a line
    /// break becomes a space, as in HTML) first. Characters that are syntax only next to
    /// these (`(`, `!`) stay as they are, so most text reads the same raw and rendered.
    public static func markdown(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let oneLine = s.contains("\n") ? s.replacingOccurrences(of: "\n", with: " ") : s
        let scalars = Array(SafeText.sanitize(oneLine).unicodeScalars)
        func isWord(_ i: Int) -> Bool {
            guard scalars.indices.contains(i) else { return false }
            return scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil
        }
        func spaceAfter(_ i: Int) -> Bool { i + 1 < scalars.count && (scalars[i + 1] == " " || scalars[i + 1] == "\t") }
        // Digits then "." or ")" and a space at the start would make an ordered list: that mark is escaped.
        let leadingDigits = scalars.prefix { $0.properties.numericType != nil && $0.isASCII }.count
        for (i, ch) in scalars.enumerated() {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "[", "]", "|", "~", "#":
                out += "\\"
                out.unicodeScalars.append(ch)
            case "_" where !(isWord(i - 1) && isWord(i + 1)):
                out += "\\"
                out.unicodeScalars.append(ch)
            case "-" where i == 0 && spaceAfter(i), "+" where i == 0 && spaceAfter(i),
                "." where i == leadingDigits && i > 0 && spaceAfter(i),
                ")" where i == leadingDigits && i > 0 && spaceAfter(i):
                out += "\\"
                out.unicodeScalars.append(ch)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// The URL if it is an absolute `http` or `https` URL a browser will treat as such, else nil.
    ///
    /// Anything else (`javascript:`, `data:`, relative paths, text with spaces or controls)
    /// is shown as text, never linked.
    public static func safeURL(_ s: String?) -> String? {
        guard let s else { return nil }
        let lower = s.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        let afterScheme = s.drop { $0 != ":" }.dropFirst(3)
        guard let host = afterScheme.first, host != "/" else { return nil }
        for b in s.utf8 {
            switch b {
            case 0...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                UInt8(ascii: "`"),
                UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "^"):
                return nil
            default: continue
            }
        }
        return s
    }
}
