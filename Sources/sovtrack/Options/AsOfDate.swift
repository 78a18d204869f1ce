import DealKit

/// A date given on the command line for `--as-of`, `--since` and `@DATE`: any partial date,
/// standing for the end of its period (`2026-06` is the end of June).
enum AsOfDate {
    /// The last day of `text`'s period as `yyyymmdd`, or a usage error with an example.
    static func endKey(_ text: String, option: String) throws -> Int {
        guard let d = PartialDate(text) else {
            throw CLIError.usage(
                "\(option): \(FeedIssue.quote(text)) is not a date; write YYYY, YYYY-H1, YYYY-Q3, YYYY-MM or YYYY-MM-DD (e.g. 2026-06-01)"
            )
        }
        return d.endKey
    }

    /// The first day of `text`'s period as `yyyymmdd` (for `--since`), or a usage error.
    static func startKey(_ text: String, option: String) throws -> Int {
        _ = try endKey(text, option: option)
        return PartialDate(text)!.startKey
    }

    /// The day `days` before today (UTC) as `yyyymmdd`.
    static func daysAgo(_ days: Int, from today: PartialDate = CalendarClock.today()) -> Int {
        History.dayKey(days, before: today)
    }
}
