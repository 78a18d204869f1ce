/// One terminal cell: a grapheme, how many columns it takes, and its style.
///
/// A wide glyph occupies two cells: the first holds the glyph with width 2, the
/// second is a continuation (width 0, empty text) that painters skip.
public struct Cell: Sendable, Equatable {
    /// One grapheme cluster, already made safe for a terminal; empty for a continuation.
    public var text: String
    /// 1 or 2 for a glyph, 0 for the right half of a wide glyph.
    public var width: UInt8
    public var style: Style

    public init(_ text: String, width: UInt8 = 1, style: Style = .normal) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(" ")

    public var isContinuation: Bool { width == 0 }
}
