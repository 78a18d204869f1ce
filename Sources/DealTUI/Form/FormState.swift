import DealKit

/// The add / edit form as a value: the rows as text, the focused row, what is wrong, and
/// the deal as loaded (so a save can say which version it replaces).
public struct FormState: Sendable, Equatable {
    /// What the form asks of the user besides typing.
    public enum Question: Sendable, Equatable {
        /// Esc (or Ctrl-C) on a form with changes: discard them?
        case discard(thenQuit: Bool)
        /// The deal changed on disk while the form was open; `current` is the version there now (nil: deleted).
        case changedOnDisk(current: Deal?)
    }

    /// The deal the form edits as it was loaded; nil when adding. A save replaces exactly this version.
    public var original: Deal?
    public var fields: [FormField]
    public var focus = 0
    /// The first row shown, when the form is taller than the screen.
    public var top = 0
    public var question: Question?
    /// What was typed before Ctrl-N / Ctrl-P started stepping through values, and the step.
    var choiceQuery: String?
    var choiceStep = -1
    /// The texts as the form opened, to tell whether there is anything to lose.
    private var openedWith: [String]

    public var isAdding: Bool { original == nil }

    /// A form for `deal` (editing), or an empty one (adding).
    public init(deal: Deal?) {
        original = deal
        fields = DealForm.fields(for: deal)
        openedWith = fields.map(\.text)
        DealForm.check(&fields)
    }

    /// The focused row.
    public var current: FormField { fields[focus] }

    /// True when the rows differ from what the form opened with.
    public var isDirty: Bool { fields.map(\.text) != openedWith }

    /// How many rows have a problem.
    public var problemCount: Int { fields.reduce(0) { $0 + ($1.message == nil ? 0 : 1) } }

    /// The deal to save, or nil while any row has a problem.
    public var deal: Deal? { DealForm.deal(from: fields, original: original) }

    /// The change a save asks the store for.
    public var change: StoreSession.Change? {
        guard let d = deal else { return nil }
        if let o = original { return .replace(old: o, new: d) }
        return .add(d)
    }

    /// Re-checks every row after an edit.
    mutating func recheck() { DealForm.check(&fields) }

    /// Adds an empty item row of `kind` after the last one (or after the focused row when it is of that kind), and focuses it.
    public mutating func addItem(_ kind: FieldKind) {
        let at: Int
        if fields[focus].kind == kind {
            at = focus + 1
        } else if let last = fields.lastIndex(where: { $0.kind == kind }) {
            if fields[last].text.isEmpty {
                focus = last
                return
            }
            at = last + 1
        } else {
            at = fields.count
        }
        fields.insert(FormField(kind), at: at)
        focus = at
        recheck()
    }

    /// Focuses the first row with a problem; returns false when there is none.
    @discardableResult
    mutating func focusFirstProblem() -> Bool {
        guard let i = fields.firstIndex(where: { $0.message != nil }) else { return false }
        focus = i
        return true
    }

    /// Scrolls so the focused row is among the `height` rows shown.
    public mutating func settle(height: Int) {
        let h = max(1, height)
        focus = min(max(focus, 0), fields.count - 1)
        if focus < top { top = focus }
        if focus >= top + h { top = focus - h + 1 }
        top = min(max(0, top), max(0, fields.count - h))
    }

    /// Starts over from another version of the deal (the user took the one on disk), keeping the focused kind of row.
    mutating func reset(to deal: Deal) {
        let kind = fields[focus].kind
        self = FormState(deal: deal)
        focus = fields.firstIndex { $0.kind == kind } ?? 0
    }

    /// Makes the version on disk the one this form replaces: the next save overwrites it (or re-adds a deal deleted there).
    mutating func adopt(_ current: Deal?) {
        original = current
    }
}
