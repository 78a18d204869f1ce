/// Counts as people read them: thousands grouped (`100,000`) and the noun agreeing (`1 deal`, `2 deals`).
public enum CountText {
    /// `7`, `1,234`, `100,000`.
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }

    /// `1 deal`, `2 deals`, `1,000 countries`: `plural` when the noun does not just take an s.
    public static func of(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(n)) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
