import Foundation

/// The current date, at the edge where the program meets the wall clock.
public enum CalendarClock {
    /// Today's date in UTC.
    @Sendable public static func today() -> PartialDate {
        let c = Calendar(identifier: .gregorian)
        var utc = c
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = utc.dateComponents([.year, .month, .day], from: Date())
        return PartialDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
