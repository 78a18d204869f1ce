/// How megawatt figures read in tables: unknown is "-", never 0.
public enum MWText {
    /// `1,000`, `55`, `12.5`; "-" for unknown. Tables round: whole megawatts from 100 MW up,
    /// one decimal below, since the sources never state more and sums carry float noise.
    public static func figure(_ v: Double?) -> String {
        guard let raw = v else { return "-" }
        let v = abs(raw) >= 100 ? raw.rounded() : (raw * 10).rounded() / 10
        let plain = JSONWriter.format(v)
        guard v >= 1000, v == v.rounded(), v < 1e15 else { return plain }
        var digits = Array(plain)
        var i = digits.count - 3
        while i > 0 { digits.insert(",", at: i); i -= 3 }
        return String(digits)
    }

    /// A deal's capacity as `55 → 1,000`, `55`, `→ 1,000` or `-`.
    public static func range(_ d: Deal) -> String {
        let committed = d.committedMW, target = d.capacity?.targetMW
        switch (committed, target) {
        case let (c?, t?) where c != t: return "\(figure(c)) → \(figure(t))"
        case let (c?, _): return figure(c)
        case let (nil, t?): return "→ \(figure(t))"
        case (nil, nil): return "-"
        }
    }
}
