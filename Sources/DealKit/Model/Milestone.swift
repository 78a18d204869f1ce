/// A dated step on a deal's timeline.
public struct Milestone: Sendable, Equatable {
    public var date: PartialDate
    public var event: String
    public var done: Bool
    /// The sources (1-based numbers) that state this milestone.
    public var cite: [Int]
    public var extra: [JSONField]

    public init(date: PartialDate, event: String, done: Bool = false, cite: [Int] = [], extra: [JSONField] = []) {
        self.date = date; self.event = event; self.done = done; self.cite = cite; self.extra = extra
    }

    /// The earliest milestone not yet done, the first of equals.
    ///
    /// Over the list alone, so code reading deals through a pointer (`Summary`, `DealSort`)
    /// can ask without copying the whole deal.
    public static func next(in milestones: [Milestone]) -> Milestone? {
        var next: Milestone?
        for m in milestones where !m.done && (next == nil || m.date < next!.date) { next = m }
        return next
    }

    /// `DATE event`, as the summary's next_milestone column shows it.
    public var summary: String { "\(date) \(event)" }
}
