import DealKit

/// Word wrapping by display columns, for the detail view's long text.
enum TextWrap {
    /// Splits sanitized text into lines of at most `width` columns, breaking at spaces
    /// where possible and inside a word (between glyphs, never inside one) when a word is too long.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let safe = SafeText.sanitize(String(paragraph))
            var line = ""
            var lineWidth = 0
            for word in safe.split(separator: " ", omittingEmptySubsequences: true) {
                var w = String(word)
                var ww = DisplayWidth.of(w)
                if lineWidth > 0 && lineWidth + 1 + ww <= width {
                    line += " " + w
                    lineWidth += 1 + ww
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while ww > width {
                    // Cut the word at the last glyph that fits.
                    var head = ""
                    var hw = 0
                    var rest = Substring(w)
                    while let c = rest.first {
                        let cw = DisplayWidth.of(c)
                        if hw + cw > width { break }
                        head.append(c)
                        hw += cw
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty {
                        head = String(rest.prefix(1))
                        rest = rest.dropFirst()
                    }
                    lines.append(head)
                    w = String(rest)
                    ww = DisplayWidth.of(w)
                }
                line = w
                lineWidth = ww
            }
            lines.append(line)
        }
        return lines
    }
}
