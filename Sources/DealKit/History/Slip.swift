/// How far a date moved, in the dates' own precision: `1 half`, `2 quarters`, `45 days`.
public struct Slip: Sendable, Equatable {
    /// Months between the starts of the two periods (negative when the new one is earlier).
    public let months: Int
    /// The distance in the coarser of the two precisions, in words, without a sign.
    public let text: String

    public init(from a: PartialDate, to b: PartialDate) {
        months = (b.year * 12 + b.firstMonth) - (a.year * 12 + a.firstMonth)
        let p = min(a.precision, b.precision)
        func index(_ d: PartialDate) -> Int {
            switch p {
            case .year: return d.year
            case .half: return d.year * 2 + (d.firstMonth - 1) / 6
            case .quarter: return d.year * 4 + (d.firstMonth - 1) / 3
            case .month: return d.year * 12 + d.firstMonth - 1
            case .day: return Slip.dayNumber(d)
            }
        }
        var n = abs(index(b) - index(a))
        var unit: String
        switch p {
        case .year: unit = "year"
        case .half: unit = "half"
        case .quarter: unit = "quarter"
        case .month: unit = "month"
        case .day: unit = "day"
        }
        if n == 0 {
            // Same coarse period (2026 to 2026-H2): say how far the start moved instead.
            n = abs(months)
            unit = "month"
        }
        text = "\(n) \(unit == "half" && n != 1 ? "halves" : n == 1 ? unit : unit + "s")"
    }

    /// Days since a fixed epoch, for the distance between two days.
    static func dayNumber(_ d: PartialDate) -> Int {
        // Days from civil (Howard Hinnant's algorithm).
        let m = d.firstMonth
        let y = d.year - (m <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + max(d.day, 1) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }
}
