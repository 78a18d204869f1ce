/// The keys of one JSON object read so far, to refuse a key given twice.
///
/// RFC 8259 leaves a repeated key's meaning open and readers differ (first wins, last
/// wins, both): a feed that says `"title"` twice says two things, so it is refused as a
/// syntax error at the second key, wherever the object is. A reader that knows an object's
/// keys marks each by its number (a bit test per key); keys it does not know, kept as
/// they are, are compared with those kept before them.
struct JSONKeySet {
    private var known: UInt32 = 0
    /// Unknown keys seen, once an object has many (a hostile one may have thousands).
    private var many: Set<String>?

    /// Notes known key number `bit` (0–31), or throws if it was seen before.
    @inline(__always)
    mutating func insert(_ bit: Int, _ key: JSONKey) throws {
        let mask: UInt32 = 1 << UInt32(bit)
        if known & mask != 0 { throw JSONKeySet.duplicate(key) }
        known |= mask
    }

    /// Checks an unknown key against the unknown keys of the same object kept so far,
    /// `fields`, and returns it as a String (made once, for the field to keep).
    mutating func insertExtra(_ key: JSONKey, among fields: [JSONField]) throws -> String {
        let name = key.string
        if fields.isEmpty { return name }
        if fields.count < 16 {
            if fields.contains(where: { $0.key == name }) { throw JSONKeySet.duplicate(key) }
            return name
        }
        if many == nil { many = Set(fields.map(\.key)) }
        if many?.insert(name).inserted == false { throw JSONKeySet.duplicate(key) }
        return name
    }

    static func duplicate(_ key: JSONKey) -> JSONSyntaxError {
        JSONSyntaxError(
            offset: key.offset,
            message: "duplicate key \(FeedIssue.quote(key.string)): a key may appear once in an object")
    }
}
