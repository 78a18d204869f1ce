import DealKit

/// The dashboard's editing: the open form, the delete being confirmed, and the changes that `u` undoes.
public struct EditingState: Sendable, Equatable {
    /// The add / edit form, when open; it takes every key.
    public var form: FormState?
    /// The deal `d` asked about, until the user answers.
    public var confirmDelete: Deal?
    /// The changes this dashboard saved, oldest first; `u` applies the last one's inverse.
    public var undo: [StoreSession.Change] = []
    /// The changes `u` undid, most recent last; `Ctrl-R` saves the last one again. A new change empties it.
    public var redo: [StoreSession.Change] = []
    /// True while the change being saved is a redo, so saving it keeps the rest of `redo`.
    var redoing = false

    public init() {}

    /// True while editing takes the keys (a form or a question is open).
    public var isActive: Bool { form != nil || confirmDelete != nil }
}
