/// A dated step on a deal's timeline.
public struct Milestone: Sendable, Equatable {
    public var date: PartialDate
    public var event: String
    public var done: Bool
    public var extra: [JSONField]

    public init(date: PartialDate, event: String, done: Bool = false, extra: [JSONField] = []) {
        self.date = date; self.event = event; self.done = done; self.extra = extra
    }

    /// `DATE event`, as the summary's next_milestone column shows it.
    public var summary: String { "\(date) \(event)" }
}
