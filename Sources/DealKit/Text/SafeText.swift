/// Makes feed text safe to send to a terminal or a one-line cell.
///
/// Feed text is untrusted: an ESC in a company name could retitle the window or
/// move the cursor, a newline would break a table row, and a bidi override would
/// reorder the cells that follow it. Each such character becomes one visible
/// 1-column placeholder, so `DisplayWidth` of the sanitized text counts one column
/// per replaced character.
public enum SafeText {
    /// Replaces every character that could act on a terminal with a visible placeholder.
    ///
    /// C0 controls (U+0000–U+001F) become the Unicode Control Pictures
    /// (U+2400 + code, e.g. ESC → "␛", tab → "␉"), except newline, which becomes
    /// "␤" (U+2424); DEL → "␡"; C1 controls (U+0080–U+009F, which include NEL),
    /// bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) and
    /// the line and paragraph separators U+2028/U+2029 → "�". Returns the input
    /// unchanged (no copy) when it has none of these.
    public static func sanitize(_ s: String) -> String {
        guard needsSanitizing(s) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(replacement(for: scalar.value) ?? scalar)
        }
        return String(out)
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
            if byte == 0xC2, i + 1 < count, bytes[i + 1] <= 0x9F {
                // U+0080–U+009F are C2 80–C2 9F.
                return true
            }
            if byte == 0xE2, i + 2 < count {
                let second = bytes[i + 1], third = bytes[i + 2]
                // U+2028–U+202E are E2 80 A8–AE; U+2066–U+2069 are E2 81 A6–A9.
                if second == 0x80, third >= 0xA8, third <= 0xAE { return true }
                if second == 0x81, third >= 0xA6, third <= 0xA9 { return true }
            }
            i += 1
        }
        return false
    }

    /// The placeholder for a scalar, or nil when the scalar is harmless.
    private static func replacement(for value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x0A: return "\u{2424}"
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + value)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F, 0x2028...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        default: return nil
        }
    }
}
