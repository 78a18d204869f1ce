/// The one fact of the canonical layout that reading relies on: where a deal starts.
///
/// `FeedEncoder` writes every deal as a block that opens on a line of its own, `dealOpen`
/// after a newline; `ParallelDealSplit` looks for `dealStart` to cut a large deals array
/// into pieces without scanning it. A raw newline never occurs inside a JSON string, so in a
/// file the encoder wrote, `dealStart` is found only where a deal (or a compact history
/// record, which the split tells apart by where the array ends) begins. Change the layout
/// here and both sides follow; a file in any other layout is still read, only more slowly.
public enum FeedLayout {
    /// A deal's first line: four spaces and `{`.
    public static let dealOpen: StaticString = "    {"
    /// A newline, then `dealOpen`: the bytes at which a deal starts.
    public static let dealStart: [UInt8] =
        [UInt8(ascii: "\n")] + UnsafeBufferPointer(start: dealOpen.utf8Start, count: dealOpen.utf8CodeUnitCount)
}
