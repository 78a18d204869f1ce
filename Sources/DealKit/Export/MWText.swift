import Foundation

/// How megawatt figures read in tables: unknown is "-", never 0.
public enum MWText {
    /// `1,000`, `55`, `12.5`; "-" for unknown. Tables round: whole megawatts from 100 MW up,
    /// one decimal below, since the sources never state more and sums carry float noise.
    /// A figure that is not zero never reads as `0`: below 0.05 it keeps its first
    /// significant digit or two (`0.03`, `0.0042`), since zero is what a source says when it means none.
    public static func figure(_ v: Double?) -> String {
        guard let raw = v else { return "-" }
        var v = abs(raw) >= 100 ? raw.rounded() : (raw * 10).rounded() / 10
        if v == 0 && raw != 0 { v = small(raw) }
        let plain = JSONWriter.format(v)
        guard v >= 1000, v == v.rounded(), v < 1e15 else { return plain }
        var digits = Array(plain)
        var i = digits.count - 3
        while i > 0 {
            digits.insert(",", at: i)
            i -= 3
        }
        return String(digits)
    }

    /// A figure too small for one decimal, to two significant digits.
    private static func small(_ raw: Double) -> Double {
        var scale = 100.0
        while abs(raw) * scale < 10 && scale < 1e12 { scale *= 10 }
        let r = (raw * scale).rounded() / scale
        // Float noise in the last digit (0.030000000000000002) is not a figure a source gave.
        return Double(String(format: "%.12g", r)) ?? r
    }

    /// The figure, with `≈` in front when it is approximate: `≈1,000`.
    public static func figure(_ v: Double?, approx: Bool) -> String {
        approx && v != nil ? "≈" + figure(v) : figure(v)
    }

    /// What a table shows for a deal that megawatts do not apply to: not "-", which is unknown.
    public static let notApplicable = "n/a"

    /// A deal's capacity as `55 → ≈1,000`, `55`, `→ 1,000`, `-` (unknown) or `n/a` (does not apply).
    public static func range(_ d: Deal) -> String {
        if !d.mwApplies { return notApplicable }
        let c = d.capacity
        let committed = d.committedMW
        let target = c?.targetMW
        let committedText = figure(committed, approx: c?.committedIsApprox ?? false)
        let targetText = figure(target, approx: c?.approx.contains(.target) ?? false)
        switch (committed, target) {
        case (let c?, let t?) where c != t: return "\(committedText) → \(targetText)"
        case (.some, _): return committedText
        case (nil, .some): return "→ \(targetText)"
        case (nil, nil): return "-"
        }
    }
}
