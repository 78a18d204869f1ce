import Foundation

/// Horizontal bars from Unicode blocks, with eighths for the end.
enum Bar {
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value / maximum` of `width` cells: solid up to `solid`, light shade from there to `value`.
    ///
    /// The solid part is committed MW and the shaded rest the ambition beyond it, so
    /// "55 → 1,000" reads as a sliver of solid in a long shaded bar.
    static func text(solid: Double?, value: Double?, maximum: Double, width: Int, log: Bool = false) -> (
        solid: String, shade: String
    ) {
        if log {
            // log10(1 + MW): 0 stays 0, and each cell step is a factor, not an amount.
            func l(_ x: Double?) -> Double? { x.map { Foundation.log10(1 + max($0, 0)) } }
            return text(solid: l(solid), value: l(value), maximum: l(maximum) ?? 0, width: width)
        }
        guard width > 0, maximum > 0 else { return ("", "") }
        let v = min(max(value ?? 0, 0), maximum)
        let s = min(max(solid ?? 0, 0), v)
        let solidEighths = Int((s / maximum * Double(width * 8)).rounded())
        var totalCells = Int((v / maximum * Double(width)).rounded(.up))
        if v > 0 && totalCells == 0 { totalCells = 1 }
        var solidText = String(repeating: "█", count: solidEighths / 8) + eighths[solidEighths % 8]
        if s > 0 && solidText.isEmpty { solidText = "▏" }
        let solidCells = solidText.unicodeScalars.count
        let shade = String(repeating: "░", count: max(0, min(width, totalCells) - solidCells))
        return (solidText, shade)
    }
}
