/// Writes a decoded feed as the bytes of a `StoreIndex`: every field of every deal, in a fixed
/// binary form that `IndexReader` turns back into the same values without parsing JSON.
///
/// Integers take as few bytes as they need, numbers their IEEE bits (so `-0` and every digit come
/// back as they were decoded), strings a length and their UTF-8 bytes, optionals a presence
/// byte, enums their position in `allCases`. The layout has no alignment: `IndexReader` reads
/// unaligned, and the bytes are never mapped as structures.
struct IndexWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A whole number in as few bytes as it needs (zigzag, then 7 bits a byte): most are
    /// lengths and counts under 128, one byte instead of eight.
    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64(v << 1 ^ v >> 63))
        while u >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: u) | 0x80)
            u >>= 7
        }
        bytes.append(UInt8(u))
    }

    /// A whole number in exactly 8 bytes, little-endian: the header, whose size is fixed.
    mutating func word(_ v: Int) {
        withUnsafeBytes(of: Int64(v).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ v: UInt8) { bytes.append(v) }

    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    mutating func double(_ v: Double) { word(Int(Int64(bitPattern: v.bitPattern))) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Bytes kept as they are (a history's JSON text): a length, then the bytes.
    mutating func blob(_ b: [UInt8]) {
        int(b.count)
        bytes.append(contentsOf: b)
    }

    /// A presence byte, then the value if there is one.
    mutating func optional<T: IndexWritable>(_ v: T?) {
        guard let v else { return byte(0) }
        byte(1)
        v.write(to: &self)
    }

    /// `optional` of what has no `IndexWritable` form, written by `write`.
    mutating func optional<T>(_ v: T?, _ write: (inout IndexWriter, T) -> Void) {
        guard let v else { return byte(0) }
        byte(1)
        write(&self, v)
    }

    /// A count, then each item.
    mutating func list<T: IndexWritable>(_ items: [T]) {
        int(items.count)
        for item in items { item.write(to: &self) }
    }

    /// A count, then each item as `write` writes it (for what has no `IndexWritable` form).
    mutating func list<T>(_ items: [T], _ write: (inout IndexWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }

    mutating func enumCase<E: IndexWritableCase>(_ v: E) { byte(UInt8(E.indexed.firstIndex(of: v)!)) }

    mutating func date(_ d: PartialDate) {
        int(d.year)
        byte(UInt8(d.precision.rawValue))
        byte(UInt8(d.part))
        byte(UInt8(d.day))
    }

    mutating func date(_ d: PartialDate?) { optional(d) }

    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: byte(0)
        case .bool(let b):
            byte(1)
            bool(b)
        case .number(let text):
            byte(2)
            string(text)
        case .string(let s):
            byte(3)
            string(s)
        case .array(let items):
            byte(4)
            list(items)
        case .object(let members):
            byte(5)
            list(members)
        }
    }

    mutating func fields(_ fields: [JSONField]) { list(fields) }

    mutating func issue(_ issue: FeedIssue) {
        bool(issue.isError)
        switch issue.location {
        case .path(let p):
            byte(0)
            string(p)
        case .position(let line, let column):
            byte(1)
            int(line)
            int(column)
        case .document: byte(2)
        }
        string(issue.message)
    }

    mutating func deal(_ d: Deal) { d.write(to: &self) }
}
