import DealKit

/// The Changes overlay (`C`): what changed in the store over the last `days` days, from its
/// history, one change a row; Enter opens the deal.
public struct ChangesState: Sendable, Equatable {
    public var days: Int
    public var changes: [DealChange]
    public var cursor = ListCursor()
    /// Why there is nothing to show, when the history does not read.
    public var problem: String?

    /// The changes between the store at the end of the day `days` days before `today` and now.
    public init(feed: Feed, today: PartialDate, days: Int) {
        self.days = days
        let cutoff = History.dayKey(days, before: today)
        do throws(HistoryError) {
            let past = try History.feed(feed, asOf: cutoff)
            changes = DealDiff.changes(from: past.deals, to: feed.deals)
        } catch {
            changes = []
            problem = error.description
        }
    }
}
