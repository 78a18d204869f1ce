import DealKit

/// One line of editable text with a cursor counted in graphemes, so a Hangul syllable or an
/// emoji moves and deletes as one; where the cursor sits on screen comes from `DisplayWidth`.
public struct TextLine: Sendable, Equatable {
    public private(set) var text: String
    /// Graphemes before the cursor.
    public private(set) var cursor: Int

    /// A line holding `text`, with the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// The columns before the cursor: where it is drawn.
    public var cursorColumn: Int { DisplayWidth.of(String(text.prefix(cursor))) }

    /// Inserts a character at the cursor; a combining mark joins the grapheme before it.
    public mutating func insert(_ c: Character) {
        let chars = Array(text)
        let before = String(chars[..<cursor]) + String(c)
        let after = String(chars[cursor...])
        text = before + after
        cursor = min(before.count, text.count)
    }

    /// Backspace: removes the grapheme before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        var chars = Array(text)
        chars.remove(at: cursor - 1)
        text = String(chars)
        cursor -= 1
    }

    /// Delete: removes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        var chars = Array(text)
        chars.remove(at: cursor)
        text = String(chars)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = text.count }

    /// Ctrl-U: removes everything before the cursor.
    public mutating func killToStart() {
        text = String(text.dropFirst(cursor))
        cursor = 0
    }

    /// Ctrl-K: removes everything from the cursor on.
    public mutating func killToEnd() { text = String(text.prefix(cursor)) }

    /// Ctrl-W: removes the word before the cursor and the spaces after it.
    public mutating func deleteWordBackward() {
        var chars = Array(text)
        var start = cursor
        while start > 0, chars[start - 1] == " " { start -= 1 }
        while start > 0, chars[start - 1] != " " { start -= 1 }
        chars.removeSubrange(start..<cursor)
        text = String(chars)
        cursor = start
    }

    /// Replaces the whole text and puts the cursor at its end.
    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }
}
