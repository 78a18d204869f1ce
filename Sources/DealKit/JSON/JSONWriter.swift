/// Appends JSON text to a byte buffer.
///
/// The feed is written by hand rather than by `JSONEncoder` so that its layout is
/// fixed (stable diffs in git) and a 100 MB store is written in a fraction of a second.
public struct JSONWriter {
    /// Room to write into: its count is its capacity, of which the first `used` bytes are the
    /// text. Writing through a pointer into room already there costs a fraction of
    /// `Array.append(contentsOf:)`, which encoding a store calls some 60 times per deal.
    private var storage: [UInt8]
    private var used = 0

    /// The bytes written so far (a copy; `finish()` hands them over without one).
    public var bytes: [UInt8] { Array(storage[..<used]) }

    public init(capacity: Int = 4096) {
        storage = JSONWriter.room(max(capacity, 64), keeping: [], count: 0)
    }

    /// A writer that writes into `buffer`'s storage: a chunk of a store already written out
    /// lends its memory to the next, which then needs no new pages.
    public init(reusing buffer: [UInt8]?, capacity: Int) {
        guard var buffer else {
            self = JSONWriter(capacity: capacity)
            return
        }
        // The old text is left where it is, unread; only the rest of the capacity is filled.
        buffer.append(contentsOf: repeatElement(0, count: buffer.capacity - buffer.count))
        storage = buffer
        if storage.count < capacity { grow(capacity) }
    }

    /// The bytes written, handing over the storage rather than copying it.
    public consuming func finish() -> [UInt8] {
        storage.removeLast(storage.count - used)
        return storage
    }

    /// A buffer of `capacity` bytes starting with the first `count` of `old`.
    ///
    /// The rest is left as `malloc` gives it rather than zeroed: it is only ever written before
    /// it is read, and pages never written never become resident (nor count in the peak).
    private static func room(_ capacity: Int, keeping old: [UInt8], count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: capacity) { buf, initialized in
            old.withUnsafeBufferPointer { src in
                if count > 0 { buf.baseAddress!.update(from: src.baseAddress!, count: count) }
            }
            initialized = capacity
        }
    }

    private mutating func grow(_ needed: Int) {
        storage = JSONWriter.room(max(needed, storage.count * 2), keeping: storage, count: used)
    }

    /// Copies `n` bytes from `source` to the end.
    @inline(__always)
    private mutating func put(_ source: UnsafePointer<UInt8>, _ n: Int) {
        if used + n > storage.count { grow(used + n) }
        let at = used
        storage.withUnsafeMutableBufferPointer { ($0.baseAddress! + at).update(from: source, count: n) }
        used += n
    }

    @inline(__always)
    private mutating func put(_ b: UnsafeBufferPointer<UInt8>) {
        if let base = b.baseAddress { put(base, b.count) }
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        if used == storage.count { grow(used + 1) }
        storage[used] = byte
        used += 1
    }

    @inline(__always)
    public mutating func raw(_ s: StaticString) {
        put(s.utf8Start, s.utf8CodeUnitCount)
    }

    /// Appends a String's bytes.
    ///
    /// Named apart from `raw(_: StaticString)`: given both, Swift would pass every literal
    /// here, as a String to be looked into at run time, instead of as a pointer and a length.
    public mutating func raw(string s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ put($0) }) == nil {
            var s = s
            s.withUTF8 { put($0) }
        }
    }

    /// Appends bytes as they are; they must be valid JSON text where they go.
    @inline(__always)
    public mutating func raw(_ b: UnsafeBufferPointer<UInt8>) {
        put(b)
    }

    public mutating func newline(indent: Int) {
        put(0x0A)
        for _ in 0..<indent { put(0x20) }
    }

    /// Writes a quoted string, escaping what JSON requires and the characters that could act
    /// on a terminal (C1, bidi and direction marks, line separators); other non-ASCII text
    /// stays raw UTF-8. The escaped text is the same data, read back by any JSON reader.
    public mutating func string(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ quoted($0) }) == nil {
            var s = s
            s.withUTF8 { quoted($0) }
        }
    }

    private mutating func quoted(_ buf: UnsafeBufferPointer<UInt8>) {
        if JSONWriter.needsNoEscape(buf) {
            // Quotes and text in one go: nearly every string takes this way.
            let n = buf.count
            if used + n + 2 > storage.count { grow(used + n + 2) }
            let at = used
            storage.withUnsafeMutableBufferPointer { out in
                let p = out.baseAddress! + at
                p[0] = 0x22
                if let base = buf.baseAddress { (p + 1).update(from: base, count: n) }
                p[n + 1] = 0x22
            }
            used += n + 2
        } else {
            put(0x22)
            escaped(buf)
            put(0x22)
        }
    }

    /// True when the string has no control character, quote or backslash, and none of the
    /// characters that are written escaped so a terminal never sees them raw (C1 controls,
    /// bidi controls, LRM/RLM/ALM, U+2028/U+2029: `SafeText.escapesInJSON`).
    ///
    /// Nearly every string in a store is clean ASCII, and a store holds millions of them:
    /// eight bytes are tested at a time (the classic "has a byte less than / equal to" bit
    /// tricks, which never miss a byte; a false alarm would only take the escaping path).
    /// Only a string with a non-ASCII byte is then looked at byte by byte.
    @inline(__always)
    static func needsNoEscape(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buf.baseAddress else { return true }
        let n = buf.count
        var i = 0
        while i + 8 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if ByteWord.special(x) != 0 { return false }
            if x & ByteWord.highs != 0 { return exactlyNoEscape(buf, from: i) }
            i += 8
        }
        return exactlyNoEscape(buf, from: i)
    }

    /// `needsNoEscape` from byte `start` on, one byte at a time.
    private static func exactlyNoEscape(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        while i < buf.count {
            let b = buf[i]
            if b < 0x20 || b == 0x22 || b == 0x5C { return false }
            if b >= 0x80, escapedLength(buf, at: i) > 0 { return false }
            i += 1
        }
        return true
    }

    /// The length in bytes of the character at `i` if it is one JSON output escapes though
    /// JSON does not require it (see `needsNoEscape`), else 0.
    @inline(__always)
    static func escapedLength(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = buf.count
        switch buf[i] {
        case 0xC2: return i + 1 < n && buf[i + 1] >= 0x80 && buf[i + 1] <= 0x9F ? 2 : 0
        case 0xD8: return i + 1 < n && buf[i + 1] == 0x9C ? 2 : 0
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let second = buf[i + 1]
            let third = buf[i + 2]
            if second == 0x80, third == 0x8E || third == 0x8F || (third >= 0xA8 && third <= 0xAE) { return 3 }
            if second == 0x81, third >= 0xA6 && third <= 0xA9 { return 3 }
            return 0
        default: return 0
        }
    }

    private mutating func escaped(_ buf: UnsafeBufferPointer<UInt8>) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        func unicode(_ v: UInt32) {
            for e in [
                0x5C, UInt8(ascii: "u"), hex[Int(v >> 12 & 0xF)], hex[Int(v >> 8 & 0xF)], hex[Int(v >> 4 & 0xF)],
                hex[Int(v & 0xF)],
            ] { put(e) }
        }
        var i = 0
        while i < buf.count {
            let b = buf[i]
            // A character written escaped though JSON does not require it (0: none here).
            let length = b >= 0x80 ? JSONWriter.escapedLength(buf, at: i) : 0
            if let letter = JSONWriter.shortEscape(b) {
                put(0x5C)
                put(letter)
            } else if b < 0x20 {
                unicode(UInt32(b))
            } else if length > 0 {
                // Decode the two- or three-byte sequence to its code point.
                let v =
                    length == 2
                    ? UInt32(b & 0x1F) << 6 | UInt32(buf[i + 1] & 0x3F)
                    : UInt32(b & 0x0F) << 12 | UInt32(buf[i + 1] & 0x3F) << 6 | UInt32(buf[i + 2] & 0x3F)
                unicode(v)
                i += length
                continue
            } else {
                put(b)
            }
            i += 1
        }
    }

    /// The letter of JSON's two-character escape for `b` (`n` for a line feed), or nil.
    @inline(__always)
    private static func shortEscape(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x22, 0x5C: return b
        case 0x0A: return UInt8(ascii: "n")
        case 0x0D: return UInt8(ascii: "r")
        case 0x09: return UInt8(ascii: "t")
        case 0x08: return UInt8(ascii: "b")
        case 0x0C: return UInt8(ascii: "f")
        default: return nil
        }
    }

    /// Writes a number: whole numbers without a fraction, others in Swift's shortest round-trip form.
    public mutating func number(_ d: Double) {
        // The same rule as `format`, without making a String for the common whole number.
        if JSONWriter.isWhole(d) { integer(Int(d)) } else { raw(string: "\(d)") }
    }

    /// Writes an integer in decimal, as `String(n)` would.
    public mutating func integer(_ n: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buf in
            var v = n.magnitude
            var i = buf.count
            repeat {
                i -= 1
                buf[i] = 0x30 + UInt8(v % 10)
                v /= 10
            } while v > 0
            if n < 0 {
                i -= 1
                buf[i] = 0x2D
            }
            put(UnsafeBufferPointer(rebasing: buf[i...]))
        }
    }

    /// Whether a number is written as a whole number, without a fraction.
    private static func isWhole(_ d: Double) -> Bool { d == d.rounded() && abs(d) < 1e15 }

    /// The text of a number as it is written in feeds, tables and CSV.
    public static func format(_ d: Double) -> String {
        if isWhole(d) { return String(Int(d)) }
        return "\(d)"
    }

    public mutating func optionalNumber(_ d: Double?) {
        if let d { number(d) } else { raw("null") }
    }

    /// Writes a value compactly on one line: `{"a": 1, "b": [2, 3]}`.
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let literal): raw(string: literal)
        case .string(let s): string(s)
        case .array(let items):
            put(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { raw(", ") }
                value(item)
            }
            put(UInt8(ascii: "]"))
        case .object(let fields):
            put(UInt8(ascii: "{"))
            for (i, f) in fields.enumerated() {
                if i > 0 { raw(", ") }
                member(f.key)
                value(f.value)
            }
            put(UInt8(ascii: "}"))
        }
    }

    /// Writes `"key": `.
    public mutating func member(_ key: String) {
        string(key)
        raw(": ")
    }

    /// Writes an array of strings compactly.
    public mutating func strings(_ items: [String]) {
        put(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { raw(", ") }
            string(item)
        }
        put(UInt8(ascii: "]"))
    }
}
