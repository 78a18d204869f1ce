import Foundation

/// The one way a person writes a number into sovtrack, on every entry path: the command
/// line (`edit --initial-mw`), the dashboard's form and CSV import.
///
/// Digits with an optional decimal point; commas (or underscores) only between groups of
/// three digits before the point (`1,500`, `12,345.5`). Anything else is refused, above all
/// a decimal comma (`1,5`), since read as grouping it silently becomes 15: the refusal
/// says how to write the number instead. No exponents, hex, `nan` or `inf`.
public enum NumberGrammar {
    /// Why a text is not a number, as one line for the user.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    static let howTo = "write digits with a decimal point, and commas only between thousands (1.5, 1500, 1,500)"

    /// The number `text` writes, or why it is not one.
    public static func parse(_ text: String) -> Result<Double, Refusal> {
        let t = text.trimmingCharacters(in: .whitespaces)
        let quoted = FeedIssue.quote(t)
        var chars = Substring(t)
        var sign = ""
        if chars.first == "-" {
            sign = "-"
            chars = chars.dropFirst()
        }
        let point = chars.firstIndex(of: ".")
        let whole = point.map { chars[..<$0] } ?? chars
        let fraction = point.map { chars[chars.index(after: $0)...] }
        func refuse(_ why: String) -> Result<Double, Refusal> {
            .failure(Refusal(description: "\(quoted) \(why): \(howTo)"))
        }
        guard !t.isEmpty else { return refuse("is empty") }
        if let fraction {
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else {
                return refuse(fraction.contains(",") ? "has a comma after the decimal point" : "is not a number")
            }
        }
        guard let digits = groupedDigits(whole, hasFraction: fraction != nil) else {
            if whole.contains(",") && whole.allSatisfy({ $0.isASCIIDigit || $0 == "," }) && whole.first != "," {
                // `1,5`: a decimal comma, or a typo in a thousands group; either way a guess would be wrong.
                let asPoint =
                    whole.split(separator: ",").count == 2 && fraction == nil
                    ? " (did you mean \(sign)\(whole.replacingOccurrences(of: ",", with: "."))?)" : ""
                return refuse("has a comma that does not separate thousands\(asPoint)")
            }
            return refuse("is not a number")
        }
        guard let value = Double(sign + digits + (fraction.map { "." + $0 } ?? "")), value.isFinite else {
            return refuse("is too large")
        }
        // "0.000…0001" with hundreds of zeros reads as 0: the figure would be lost, not kept.
        if value == 0 && (digits + (fraction ?? "")).contains(where: { $0 != "0" }) { return refuse("is too small") }
        return .success(value)
    }

    /// The number, or nil when `text` is not one (for callers that report it their own way).
    public static func value(_ text: String) -> Double? {
        if case .success(let v) = parse(text) { return v }
        return nil
    }

    /// A whole number written in this grammar (`1,024`), or why not.
    public static func parseWhole(_ text: String) -> Result<Int, Refusal> {
        switch parse(text) {
        case .failure(let r): return .failure(r)
        case .success(let v):
            guard v == v.rounded(), abs(v) < 9e15 else {
                return .failure(
                    Refusal(
                        description:
                            "\(FeedIssue.quote(text.trimmingCharacters(in: .whitespaces))) is not a whole number"))
            }
            return .success(Int(v))
        }
    }

    /// The digits of the part before the point with its separators taken out, or nil when
    /// they are not grouped by three (or mix `,` and `_`).
    private static func groupedDigits(_ whole: Substring, hasFraction: Bool) -> String? {
        if whole.isEmpty { return hasFraction ? "0" : nil }
        if whole.allSatisfy(\.isASCIIDigit) { return String(whole) }
        for separator in [",", "_"] as [Character] where whole.contains(separator) {
            let groups = whole.split(separator: separator, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
            return groups.joined()
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
