/// Finds bytes that are not well-formed UTF-8 (RFC 3629).
///
/// `String(validating:)` is generic and unspecialised across modules, and cost a third of
/// the time to load a large store; this loop over a buffer is all the decoder needs.
enum UTF8Check {
    /// The offset of the first byte that does not start a valid sequence, or nil if all is valid.
    static func firstInvalid(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            switch c {
            case 0xC2...0xDF:
                guard cont(1) else { return i }
                i += 2
            case 0xE0...0xEF:
                guard cont(1), cont(2) else { return i }
                let c1 = b[i + 1]
                // No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
                if c == 0xE0 && c1 < 0xA0 { return i }
                if c == 0xED && c1 > 0x9F { return i }
                i += 3
            case 0xF0...0xF4:
                guard cont(1), cont(2), cont(3) else { return i }
                let c1 = b[i + 1]
                if c == 0xF0 && c1 < 0x90 { return i }
                if c == 0xF4 && c1 > 0x8F { return i }
                i += 4
            default:
                return i
            }
        }
        return nil
    }
}
