/// Appends JSON text to a byte buffer.
///
/// The feed is written by hand rather than by `JSONEncoder` so that its layout is
/// fixed (stable diffs in git) and a 100 MB store is written in a fraction of a second.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    public mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    public mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    public mutating func newline(indent: Int) {
        bytes.append(0x0A)
        for _ in 0..<indent { bytes.append(0x20) }
    }

    /// Writes a quoted string, escaping only what JSON requires (non-ASCII stays raw UTF-8).
    public mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { buf in
            var clean = true
            for b in buf where b < 0x20 || b == 0x22 || b == 0x5C { clean = false; break }
            if clean { bytes.append(contentsOf: buf); return }
            for b in buf {
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
                case 0..<0x20:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                default: bytes.append(b)
                }
            }
        }
        bytes.append(0x22)
    }

    /// Writes a number: whole numbers without a fraction, others in Swift's shortest round-trip form.
    public mutating func number(_ d: Double) {
        raw(JSONWriter.format(d))
    }

    /// The text of a number as it is written in feeds, tables and CSV.
    public static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
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
        case .number(let literal): raw(literal)
        case .string(let s): string(s)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { raw(", ") }
                value(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            bytes.append(UInt8(ascii: "{"))
            for (i, f) in fields.enumerated() {
                if i > 0 { raw(", ") }
                member(f.key)
                value(f.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Writes `"key": `.
    public mutating func member(_ key: String) {
        string(key)
        raw(": ")
    }

    /// Writes an array of strings compactly.
    public mutating func strings(_ items: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { raw(", ") }
            string(item)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
