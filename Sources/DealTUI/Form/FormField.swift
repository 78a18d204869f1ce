/// One row of the edit form: what it holds, the text typed, and what is wrong with it.
public struct FormField: Sendable, Equatable {
    public var kind: FieldKind
    public var line: TextLine
    /// The problem with the text as it is now, from the same rules the store applies; nil when fine.
    public var message: String?

    public init(_ kind: FieldKind, _ text: String = "") {
        self.kind = kind
        line = TextLine(text)
    }

    public var text: String { line.text }
}
