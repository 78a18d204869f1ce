/// Feed text made inert in HTML, SVG (XML) and Markdown, and links only where they are safe.
///
/// Feed text is untrusted: a title holding `</svg><script>` must read as text, and a URL
/// `javascript:alert(1)` must never become a link.
public enum Markup {
    /// Text for HTML or XML content and attribute values: `& < > " '` escaped, and the
    /// characters XML 1.0 forbids (C0 controls but tab and newline) shown as placeholders.
    public static func escape(_ s: String) -> String {
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
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0xFFFE...0xFFFF).contains(v)
                    || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                    out.unicodeScalars.append(SafeText.sanitize(String(scalar)).unicodeScalars.first!)
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
        for scalar in s.unicodeScalars where scalar.value <= 0x20 || scalar.value == 0x7F || "<>\"'`\\{}|^".unicodeScalars.contains(scalar) {
            return nil
        }
        return s
    }
}
