/// Makes feed text safe to send to a terminal or a one-line cell.
///
/// Feed text is untrusted: an ESC in a company name could retitle the window or
/// move the cursor, a newline would break a table row, and a bidi override would
/// reorder the cells that follow it. Each such character becomes one visible
/// 1-column placeholder, so `DisplayWidth` of the sanitized text counts one column
/// per replaced character. Invisible characters that could disguise a name (a zero-width
/// space inside `NVIDIA`, an LRM, a tag character) are made visible the same way.
///
/// This is the one rule for text bound for a terminal: tables, `show`, CSV written to a
/// terminal or a pipe, Markdown, every message and error line (`Console`), and every cell
/// the dashboard draws (`CellGrid`). JSON output escapes the same controls instead
/// (`JSONWriter`, see `escapesInJSON`), which keeps the data.
public enum SafeText {
    /// Replaces every character that could act on a terminal with a visible placeholder.
    ///
    /// C0 controls (U+0000–U+001F) become the Unicode Control Pictures
    /// (U+2400 + code, e.g. ESC → "␛", tab → "␉"), except newline, which becomes
    /// "␤" (U+2424); DEL → "␡"; C1 controls (U+0080–U+009F, which include NEL),
    /// bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) and
    /// the line and paragraph separators U+2028/U+2029, and the invisible characters
    /// (zero-width space, non-joiner and joiner U+200B–U+200D, LRM/RLM U+200E/U+200F,
    /// the Arabic letter mark U+061C, word joiner and invisible operators U+2060–U+2064,
    /// a byte order mark U+FEFF, tag characters U+E0000–U+E007F) → "�". Returns the
    /// input unchanged (no copy) when it has none of these.
    public static func sanitize(_ s: String) -> String {
        sanitize(s, keepingNewlines: false)
    }

    /// `sanitize`, but with line breaks (LF) kept: for text of several lines, such as a
    /// message or `show`'s page, whose every line is then safe.
    public static func sanitize(_ s: String, keepingNewlines: Bool) -> String {
        guard needsSanitizing(s) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if keepingNewlines && scalar == "\n" {
                out.append(scalar)
                continue
            }
            out.append(replacement(for: scalar.value) ?? scalar)
        }
        return String(out)
    }

    /// True for the characters JSON output writes as `\uXXXX` rather than raw: C0 and C1
    /// controls, bidi embeddings, overrides and isolates, LRM/RLM/ALM and U+2028/U+2029.
    /// (Zero-width joiners and tags stay raw in JSON: they are data, as in emoji; DEL does
    /// nothing on a terminal.) `JSONWriter` tests the UTF-8 bytes of these directly.
    public static func escapesInJSON(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x1F, 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// True if `sanitize` would change the string.
    public static func needsSanitizing(_ s: String) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable(containsUnsafe) {
            return found
        }
        return s.unicodeScalars.contains { replacement(for: $0.value) != nil }
    }

    /// Scans UTF-8 bytes, so clean text, the common case, is checked without decoding scalars.
    private static func containsUnsafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte < 0x80 {
                i += 1
                continue
            }
            if byte == 0xC2, i + 1 < count, bytes[i + 1] <= 0x9F {
                // U+0080–U+009F are C2 80–C2 9F.
                return true
            }
            // U+061C is D8 9C.
            if byte == 0xD8, i + 1 < count, bytes[i + 1] == 0x9C { return true }
            if byte == 0xE2, i + 2 < count {
                let second = bytes[i + 1]
                let third = bytes[i + 2]
                // U+200B–U+200F are E2 80 8B–8F; U+2028–U+202E are E2 80 A8–AE;
                // U+2060–U+2064 are E2 81 A0–A4; U+2066–U+2069 are E2 81 A6–A9.
                if second == 0x80, (third >= 0x8B && third <= 0x8F) || (third >= 0xA8 && third <= 0xAE) { return true }
                if second == 0x81, (third >= 0xA0 && third <= 0xA4) || (third >= 0xA6 && third <= 0xA9) { return true }
            }
            // U+FEFF is EF BB BF.
            if byte == 0xEF, i + 2 < count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return true }
            // U+E0000–U+E007F are F3 A0 80 80–F3 A0 81 BF.
            if byte == 0xF3, i + 2 < count, bytes[i + 1] == 0xA0, bytes[i + 2] <= 0x81 { return true }
            i += 1
        }
        return false
    }

    /// The placeholder for a scalar, or nil when the scalar is harmless.
    static func replacement(for value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x0A: return "\u{2424}"
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + value)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F, 0x2028...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        case 0x061C, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xE0000...0xE007F: return "\u{FFFD}"
        default: return nil
        }
    }
}
