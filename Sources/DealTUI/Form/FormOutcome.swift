import DealKit

/// What a key in the form asks of the dashboard.
public enum FormOutcome: Sendable, Equatable {
    /// Keep the form open; show `note` in the footer (`isError` in red).
    case stay(note: String?, isError: Bool)
    /// Close the form and show `note`.
    case close(note: String?)
    /// Send this change to the store; the form stays open until the store answers.
    case save(StoreSession.Change)
    /// Leave the dashboard (Ctrl-C, after agreeing to lose the changes).
    case quit
}
