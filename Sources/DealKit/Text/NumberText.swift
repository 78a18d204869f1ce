/// The one grammar for a number given as text (a CSV cell, a command-line flag, an Epoch
/// figure): JSON's, `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
///
/// `Double("0x10")` is 16, `Double("0x1p-2")` is 0.25, `Double("inf")` and `Double("nan")`
/// are numbers and `Double("1e-400")` is 0: a feed could never hold any of them, so text
/// that is turned into a feed's number must not either. A figure that does not fit a
/// Double (too large, or so small that it would become 0) is refused rather than changed.
public enum NumberText {
    /// Why a text is not a number.
    public enum Problem: Sendable, Equatable {
        /// Not in the grammar (hex, `inf`, `nan`, `+1`, `.5`, `1.`, `007`, spaces, text).
        case notANumber
        /// In the grammar, but its value does not fit a Double (`1e400`) or is lost (`1e-400`).
        case outOfRange
    }

    /// The value of a number in JSON's grammar, or nil (see ``problem(_:)`` for why).
    public static func parse(_ text: some StringProtocol) -> Double? {
        if case .value(let v) = read(text) { return v }
        return nil
    }

    /// Why `text` is not a number, or nil when it is one.
    public static func problem(_ text: some StringProtocol) -> Problem? {
        if case .problem(let p) = read(text) { return p }
        return nil
    }

    /// A message for a text that is not a number: `"0x10" is not a number`.
    public static func describe(_ text: some StringProtocol, _ problem: Problem) -> String {
        switch problem {
        case .notANumber: return "\(FeedIssue.quote(String(text))) is not a number"
        case .outOfRange: return "\(FeedIssue.quote(String(text))) is out of range (a number must fit a 64-bit float without becoming 0 or infinite)"
        }
    }

    private enum Outcome { case value(Double), problem(Problem) }

    private static func read(_ text: some StringProtocol) -> Outcome {
        var s = String(text)
        let nonZero = s.withUTF8 { grammarMantissaIsNonZero($0) }
        guard let nonZero else { return .problem(.notANumber) }
        guard let v = Double(s), v.isFinite else { return .problem(.outOfRange) }
        // "1e-400" reads as 0, though its digits are not all zero: the figure was lost.
        if v == 0 && nonZero { return .problem(.outOfRange) }
        return .value(v)
    }

    /// Whether the mantissa has a non-zero digit, or nil when the bytes are not a JSON number.
    static func grammarMantissaIsNonZero(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        var i = 0, nonZero = false
        if i < b.count, b[i] == 0x2D { i += 1 }
        guard isDigit(i) else { return nil }
        if b[i] == 0x30 {
            i += 1
            if isDigit(i) { return nil }
        } else {
            while isDigit(i) { nonZero = true; i += 1 }
        }
        if i < b.count, b[i] == 0x2E {
            i += 1
            guard isDigit(i) else { return nil }
            while isDigit(i) { if b[i] != 0x30 { nonZero = true }; i += 1 }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        return i == b.count ? nonZero : nil
    }
}
