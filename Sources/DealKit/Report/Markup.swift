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
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
                                     || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }) {
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

    /// Text for a Markdown paragraph, list item or table cell: every character Markdown or
    /// inline HTML could read as syntax is backslash-escaped or written as an entity, so
    /// nothing links, emphasises or opens a tag; a leading `-`, `+` or `1.` cannot start a list.
    public static func markdown(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let scalars = Array(SafeText.sanitize(s).unicodeScalars)
        // Digits then "." or ")" at the start would make an ordered list: that mark is escaped.
        let leadingDigits = scalars.prefix { $0.properties.numericType != nil && $0.isASCII }.count
        for (i, ch) in scalars.enumerated() {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "(", ")", "#", "|", "!", "~", "{", "}":
                out += "\\"; out.unicodeScalars.append(ch)
            case "-" where i == 0, "+" where i == 0, "=" where i == 0:
                out += "\\"; out.unicodeScalars.append(ch)
            case "." where i == leadingDigits && i > 0:
                out += "\\"; out.unicodeScalars.append(ch)
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
            case 0...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"),
                 UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "^"):
                return nil
            default: continue
            }
        }
        return s
    }
}
