/// A dated step on a deal's timeline.
public struct Milestone: Sendable, Equatable {
    public var date: PartialDate
    public var event: String
    public var done: Bool
    /// The sources (1-based numbers) that state this milestone.
    public var cite: [Int]
    public var extra: [JSONField]

    public init(date: PartialDate, event: String, done: Bool = false, cite: [Int] = [], extra: [JSONField] = []) {
        self.date = date
        self.event = event
        self.done = done
        self.cite = cite
        self.extra = extra
    }

    /// Whether it is still planned though the whole period its date names ended before `today`
    /// (`2026-Q1` is overdue from 2026-04-01 on, not during the quarter).
    public func isOverdue(on today: PartialDate) -> Bool { !done && date.endKey < today.startKey }

    /// The milestone a deal's (or a group's) `next milestone` shows: the one that needs
    /// attention first. That is the longest overdue one if any, else the earliest to come;
    /// nil when every milestone is done. Ties go to the first listed.
    ///
    /// An overdue milestone is not the next thing to come, but hiding it behind a later one
    /// would hide the slip: an analyst scanning the column must see it, marked (`summary(today:)`).
    /// Without `today` (nil) nothing is overdue: the earliest milestone not done.
    /// Over the list alone, so code reading deals through a pointer (`Summary`, `DealSort`)
    /// can ask without copying the whole deal.
    public static func next(in milestones: [Milestone], today: PartialDate?) -> Milestone? {
        var next: Milestone?
        for m in milestones where !m.done {
            guard let n = next else {
                next = m
                continue
            }
            if precedes(m, n, today: today) { next = m }
        }
        return next
    }

    /// Whether `a` needs attention before `b` (both planned): overdue first, then by date.
    public static func precedes(_ a: Milestone, _ b: Milestone, today: PartialDate?) -> Bool {
        if let today {
            let ao = a.isOverdue(on: today)
            let bo = b.isOverdue(on: today)
            if ao != bo { return ao }
        }
        return a.date < b.date
    }

    /// `DATE event`, as the summary's next_milestone column shows it.
    public var summary: String { "\(date) \(event)" }

    /// `DATE event`, or `overdue DATE event` for a milestone overdue on `today`: the mark
    /// first, so a column too narrow for the event still shows it.
    public func summary(today: PartialDate?) -> String {
        today.map { isOverdue(on: $0) } == true ? Milestone.overdueMark + summary : summary
    }

    /// What starts the text of an overdue milestone in a next-milestone column.
    public static let overdueMark = "overdue "
}
