/// A date known only as precisely as its source states it: a year, half, quarter, month or day.
///
/// Deals are announced "in 2026-H2" as often as on a given day, and inventing a day would
/// put a fact in the data that no source gives; so the precision is part of the value.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How precise a partial date is, from least to most.
    public enum Precision: Int, Sendable, Comparable {
        case year, half, quarter, month, day
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let precision: Precision
    /// The half (1-2), quarter (1-4), month (1-12) or 0 for a year.
    public let part: Int
    /// The day of the month, 0 unless the precision is `.day`.
    public let day: Int

    /// Parses `YYYY`, `YYYY-H1`, `YYYY-Q3`, `YYYY-MM` or `YYYY-MM-DD`, checking real calendar days.
    public init?(_ text: some StringProtocol) {
        let b = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 4, let y = digits(0..<4) else { return nil }
        year = y
        if b.count == 4 {
            precision = .year
            part = 0
            day = 0
            return
        }
        guard b[4] == UInt8(ascii: "-") else { return nil }
        switch b.count {
        case 7 where b[5] == UInt8(ascii: "H") || b[5] == UInt8(ascii: "Q"):
            guard let n = digits(6..<7) else { return nil }
            let isHalf = b[5] == UInt8(ascii: "H")
            guard n >= 1, n <= (isHalf ? 2 : 4) else { return nil }
            precision = isHalf ? .half : .quarter
            part = n
            day = 0
        case 7:
            guard let m = digits(5..<7), (1...12).contains(m) else { return nil }
            precision = .month
            part = m
            day = 0
        case 10:
            guard let m = digits(5..<7), (1...12).contains(m), b[7] == UInt8(ascii: "-"),
                let d = digits(8..<10), d >= 1, d <= PartialDate.daysIn(month: m, year: y)
            else { return nil }
            precision = .day
            part = m
            day = d
        default:
            return nil
        }
    }

    /// A date precise to the day.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.precision = .day
        self.part = month
        self.day = day
    }

    /// A date from its parts as stored (`StoreIndex` keeps them so, already checked).
    init(year: Int, precision: Precision, part: Int, day: Int) {
        self.year = year
        self.precision = precision
        self.part = part
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first month of the period (1-12).
    public var firstMonth: Int {
        switch precision {
        case .year: return 1
        case .half: return part == 1 ? 1 : 7
        case .quarter: return (part - 1) * 3 + 1
        case .month, .day: return part
        }
    }

    /// The last month of the period (1-12).
    public var lastMonth: Int {
        switch precision {
        case .year: return 12
        case .half: return part * 6
        case .quarter: return part * 3
        case .month, .day: return part
        }
    }

    /// The first day of the period as a sortable number `yyyymmdd`.
    public var startKey: Int { year * 10_000 + firstMonth * 100 + (precision == .day ? day : 1) }

    /// The last day of the period as a sortable number `yyyymmdd`.
    public var endKey: Int {
        year * 10_000 + lastMonth * 100
            + (precision == .day ? day : PartialDate.daysIn(month: lastMonth, year: year))
    }

    /// Orders by the first day of the period, the less precise first on a tie.
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        let ka = a.startKey
        let kb = b.startKey
        return ka != kb ? ka < kb : a.precision < b.precision
    }

    /// The date as written in a feed ("2026-H2", never a made-up day).
    /// `description`'s bytes, made without a String: a store writes several dates per deal,
    /// and a CSV export one per row.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let oneDigitPart = precision == .half || precision == .quarter
        guard (0...9999).contains(year), (0...(oneDigitPart ? 9 : 99)).contains(part), (0...99).contains(day) else {
            var text = description
            return text.withUTF8(body)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { t in
            func digit(_ n: Int) -> UInt8 { 0x30 + UInt8(n) }
            t[0] = digit(year / 1000)
            t[1] = digit(year / 100 % 10)
            t[2] = digit(year / 10 % 10)
            t[3] = digit(year % 10)
            var n = 4
            switch precision {
            case .year: break
            case .half, .quarter:
                t[4] = 0x2D
                t[5] = precision == .half ? UInt8(ascii: "H") : UInt8(ascii: "Q")
                t[6] = digit(part)
                n = 7
            case .month, .day:
                t[4] = 0x2D
                t[5] = digit(part / 10)
                t[6] = digit(part % 10)
                n = 7
                if precision == .day {
                    t[7] = 0x2D
                    t[8] = digit(day / 10)
                    t[9] = digit(day % 10)
                    n = 10
                }
            }
            return body(UnsafeBufferPointer(rebasing: t[0..<n]))
        }
    }

    public var description: String {
        let y = String(year)
        let padded = String(repeating: "0", count: max(0, 4 - y.count)) + y
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch precision {
        case .year: return padded
        case .half: return "\(padded)-H\(part)"
        case .quarter: return "\(padded)-Q\(part)"
        case .month: return "\(padded)-\(two(part))"
        case .day: return "\(padded)-\(two(part))-\(two(day))"
        }
    }
}
