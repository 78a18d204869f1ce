/// Finds where each element of a JSON array starts without parsing the elements.
///
/// It lets the decoder split a large `deals` array between cores. The scan only tracks
/// strings and nesting; anything it cannot follow makes it give up (nil), and the caller
/// then parses sequentially, which reports the exact syntax error.
enum JSONArrayScanner {
    /// The start offset of every element of the array whose `[` is at `open`, and the
    /// offset just past its `]`.
    static func elements(in b: UnsafeBufferPointer<UInt8>, arrayAt open: Int) -> (starts: [Int], end: Int)? {
        guard open < b.count, b[open] == UInt8(ascii: "["), let base = UnsafeRawPointer(b.baseAddress) else {
            return nil
        }
        let n = b.count
        var starts: [Int] = []
        var depth = 1
        var expecting = true
        var i = open + 1
        let spaces: UInt64 = 0x2020_2020_2020_2020
        while i < n {
            // Indentation: eight spaces at a time, then straight to the first byte that is not
            // one (the words are little-endian: the lowest set bit is the first byte in the text).
            while i + 8 <= n {
                let y = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ spaces
                if y != 0 {
                    i += y.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            guard i < n else { break }
            let c = b[i]
            switch c {
            case 0x20, 0x0A, 0x0D, 0x09:
                i += 1
                continue
            default:
                break
            }
            if depth == 1 && expecting && c != UInt8(ascii: "]") {
                starts.append(i)
                expecting = false
            }
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                // Skip the string: find the closing quote, stepping over escapes.
                while true {
                    while i + 8 <= n {
                        let m = ByteWord.quoteOrBackslash(
                            UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                        // The lowest flag is exact: jump to that byte.
                        if m != 0 {
                            i += m.trailingZeroBitCount >> 3
                            break
                        }
                        i += 8
                    }
                    guard i < n else { return nil }
                    let d = b[i]
                    if d == UInt8(ascii: "\"") {
                        i += 1
                        break
                    }
                    if d == UInt8(ascii: "\\") {
                        i += 2
                        continue
                    }
                    i += 1
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                i += 1
                if depth == 0 { return c == UInt8(ascii: "]") ? (starts, i) : nil }
            case UInt8(ascii: ","):
                if depth == 1 { expecting = true }
                i += 1
            default:
                i += 1
            }
        }
        return nil
    }
}
