/// Whether one run of bytes contains another: the search behind `--search` and the dashboard's `/`.
///
/// The haystacks are short (a deal's folded search text, about 100 bytes) and there are
/// 100,000 of them per keystroke, so the scan compares 16 positions at once: a position is
/// a candidate when both the needle's first and last bytes match there (two vector compares),
/// and only candidates are compared in full. Plain Swift SIMD types, so it needs no C and
/// runs the same on any CPU (SSE2 or NEON under the compiler's lowering).
public enum ByteSearch {
    /// Whether `hay` contains `needle`; an empty needle is in every haystack.
    @inlinable
    public static func contains(_ hay: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let h = hay.baseAddress, let n = needle.baseAddress else { return needle.isEmpty }
        return contains(h, hay.count, n, needle.count)
    }

    /// Whether the `hayLength` bytes at `h` contain the `needleLength` bytes at `n`.
    @inlinable
    public static func contains(_ h: UnsafeRawPointer, _ hayLength: Int, _ n: UnsafeRawPointer, _ needleLength: Int)
        -> Bool
    {
        if needleLength == 0 { return true }
        if needleLength > hayLength { return false }
        let firstByte = n.load(as: UInt8.self)
        let lastAt = needleLength - 1
        let first = SIMD16<UInt8>(repeating: firstByte)
        let last = SIMD16<UInt8>(repeating: n.load(fromByteOffset: lastAt, as: UInt8.self))
        // The last block of 16 starting positions that fits; the positions after the whole
        // blocks are tested by one more block ending there, overlapping the one before (some
        // positions twice), instead of byte by byte, which cost a short haystack more than its blocks.
        let lastBlock = hayLength - lastAt - 16
        var i = 0
        if lastBlock >= 0 {
            while true {
                let at = min(i, lastBlock)
                let atFirst = h.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
                let atLast = h.loadUnaligned(fromByteOffset: at + lastAt, as: SIMD16<UInt8>.self)
                let hit = (atFirst .== first) .& (atLast .== last)
                if any(hit) {
                    // First and last bytes agree at these lanes; a needle of one or two bytes is then found.
                    if needleLength <= 2 { return true }
                    for lane in 0..<16 where hit[lane] {
                        if equal(h + at + lane + 1, n + 1, needleLength - 2) { return true }
                    }
                }
                if at == lastBlock { return false }
                i += 16
            }
        }
        while i + needleLength <= hayLength {
            if h.load(fromByteOffset: i, as: UInt8.self) == firstByte && equal(h + i, n, needleLength) { return true }
            i += 1
        }
        return false
    }

    /// Whether `count` bytes at `a` and `b` are equal.
    @inlinable
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var k = 0
        while k + 8 <= count {
            if a.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            {
                return false
            }
            k += 8
        }
        while k < count {
            if a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) { return false }
            k += 1
        }
        return true
    }
}
