/// Eight bytes of JSON text tested at once for the bytes that end a plain run of string text.
///
/// The classic "has a byte equal to / less than" bit tricks: each returns the high bit of
/// every byte that may match. None is ever missed, and the lowest one flagged is exact (a
/// false flag can only sit above a true one), so a scan can stop at it.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Bytes of `x` that may be `byte`.
    @inline(__always)
    static func equal(_ x: UInt64, _ byte: UInt8) -> UInt64 {
        let y = x ^ (ones &* UInt64(byte))
        return (y &- ones) & ~y & highs
    }

    /// Bytes of `x` that may be a quote or a backslash.
    @inline(__always)
    static func quoteOrBackslash(_ x: UInt64) -> UInt64 { equal(x, 0x22) | equal(x, 0x5C) }

    /// Bytes of `x` that may be a quote, a backslash or a control character (below 0x20).
    @inline(__always)
    static func special(_ x: UInt64) -> UInt64 { quoteOrBackslash(x) | ((x &- ones &* 0x20) & ~x & highs) }
}
