/// A JSON syntax error at a byte offset of the document.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public let offset: Int
    public let message: String
}

/// A pull parser over UTF-8 bytes: the caller asks for the value it expects next.
///
/// Decoding a 100 MB feed through `JSONDecoder` costs seconds and gigabytes; reading
/// straight from the bytes into the model, building a generic tree only for unknown
/// keys, is what keeps the store fast. Valid only inside the closure that owns
/// the buffer (see `JSONReader.parse`).
public struct JSONReader {
    /// The kind of the next value, decided from its first byte.
    public enum Kind: Sendable, Equatable {
        case object, array, string, number, bool, null

        public var typeName: String {
            switch self {
            case .object: return "an object"
            case .array: return "an array"
            case .string: return "a string"
            case .number: return "a number"
            case .bool: return "a boolean"
            case .null: return "null"
            }
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    public private(set) var offset: Int = 0
    private var depth = 0
    private static let maxDepth = 512

    /// Runs `body` with a reader over `data`; the reader must not escape it.
    public static func parse<T>(_ data: [UInt8], _ body: (inout JSONReader) throws -> T) rethrows -> T {
        try data.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer)
            return try body(&reader)
        }
    }

    /// Runs `body` with a reader over `buffer`; the reader must not escape it.
    public static func parse<T>(buffer: UnsafeBufferPointer<UInt8>, _ body: (inout JSONReader) throws -> T) rethrows
        -> T
    {
        var reader = JSONReader(bytes: buffer)
        return try body(&reader)
    }

    /// Moves to a byte offset found by a scan (see `JSONArrayScanner`), at a nesting `depth`
    /// (what an in-order read would have there, so the depth limit stays the same).
    mutating func seek(to offset: Int, depth: Int = 0) {
        self.offset = offset
        self.depth = depth
        pendingFirst = false
        closedEmpty = false
    }

    /// The byte after whitespace, consumed (for checking the separators between scanned elements).
    mutating func nextSignificantByte() -> UInt8? {
        skipWhitespace()
        guard offset < bytes.count else { return nil }
        offset += 1
        return bytes[offset - 1]
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte order mark is tolerated: editors on some systems add one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
    }

    private func fail(_ message: String, at: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: at ?? offset, message: message)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Pretty-printed feeds are a quarter indentation: skip eight spaces at a time.
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while offset + 8 <= bytes.count
                && base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == 0x2020_2020_2020_2020
            {
                offset += 8
            }
        }
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private func describeByte(at i: Int) -> String {
        guard i < bytes.count else { return "end of file" }
        let b = bytes[i]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    /// The kind of the next value, or a syntax error if no value starts here.
    public mutating func peekKind() throws -> Kind {
        skipWhitespace()
        guard offset < bytes.count else { throw fail("unexpected end of file, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw fail("unexpected \(describeByte(at: offset)), expected a value")
        }
    }

    /// The offset of the next value's first byte.
    mutating func peekOffset() throws -> Int {
        _ = try peekKind()
        return offset
    }

    /// Checks that only whitespace follows the document.
    public mutating func expectEnd() throws {
        skipWhitespace()
        if offset < bytes.count { throw fail("unexpected \(describeByte(at: offset)) after the end of the document") }
    }

    // MARK: Objects and arrays

    /// Consumes `{`; then call `nextKey()` until it returns nil.
    public mutating func beginObject() throws { try begin(UInt8(ascii: "{"), UInt8(ascii: "}")) }

    /// Consumes the bracket `open` (`{` or `[`), one level deeper, noting whether `close` follows
    /// at once (an empty object or array, which the first `nextKeyToken` or `nextElement` ends).
    @inline(__always)
    private mutating func begin(_ open: UInt8, _ close: UInt8) throws {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == open else {
            throw fail("expected '\(Character(Unicode.Scalar(open)))'")
        }
        depth += 1
        if depth > JSONReader.maxDepth { throw fail("nesting deeper than \(JSONReader.maxDepth) levels") }
        offset += 1
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == close {
            offset += 1
            depth -= 1
            pendingFirst = false
            closedEmpty = true
        } else {
            pendingFirst = true
            closedEmpty = false
        }
    }

    private var pendingFirst = false
    private var closedEmpty = false

    /// The next member's key (positioned at its value), or nil after the closing `}`.
    public mutating func nextKey() throws -> String? {
        try nextKeyToken()?.string
    }

    /// The next member's key as raw bytes, so known keys are matched without making a String.
    public mutating func nextKeyToken() throws -> JSONKey? {
        if closedEmpty {
            closedEmpty = false
            return nil
        }
        skipWhitespace()
        if pendingFirst {
            pendingFirst = false
        } else {
            guard offset < bytes.count else { throw fail("unexpected end of file inside an object") }
            if bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                depth -= 1
                return nil
            }
            guard bytes[offset] == UInt8(ascii: ",") else {
                throw fail("expected ',' or '}' after an object member, found \(describeByte(at: offset))")
            }
            offset += 1
            skipWhitespace()
        }
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw fail("expected a quoted key, found \(describeByte(at: offset))")
        }
        let key: JSONKey
        let keyOffset = offset
        let start = offset + 1
        let (end, ascii) = scanPlainString(from: start)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            // No escape and no control character: the bytes are the key.
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !ascii, let bad = UTF8Check.firstInvalid(raw) { throw fail("text is not valid UTF-8", at: start + bad) }
            offset = end + 1
            key = JSONKey(raw: raw, decoded: nil, offset: keyOffset)
        } else {
            key = JSONKey(raw: UnsafeBufferPointer(start: nil, count: 0), decoded: try readString(), offset: keyOffset)
        }
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
            throw fail("expected ':' after a key, found \(describeByte(at: offset))")
        }
        offset += 1
        return key
    }

    /// Consumes `[`; then call `nextElement()` until it returns false.
    public mutating func beginArray() throws { try begin(UInt8(ascii: "["), UInt8(ascii: "]")) }

    /// True when positioned at the next element; false after the closing `]`.
    public mutating func nextElement() throws -> Bool {
        if closedEmpty {
            closedEmpty = false
            return false
        }
        skipWhitespace()
        if pendingFirst {
            pendingFirst = false
            return true
        }
        guard offset < bytes.count else { throw fail("unexpected end of file inside an array") }
        if bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return false
        }
        guard bytes[offset] == UInt8(ascii: ",") else {
            throw fail("expected ',' or ']' after an array element, found \(describeByte(at: offset))")
        }
        offset += 1
        return true
    }

    // MARK: Scalars

    /// The index of the first `"`, `\\` or control byte at or after `start` (or the end),
    /// and whether any byte before it is not ASCII.
    ///
    /// Looks at eight bytes at a time: most feed text has none of the three for dozens of bytes.
    /// The lowest flagged byte of a word is exact (a false flag can only sit above a true one),
    /// so the word that holds the end also says where it is, without a loop over its bytes.
    @inline(__always)
    private func scanPlainString(from start: Int) -> (end: Int, ascii: Bool) {
        var i = start
        let n = bytes.count
        var high: UInt64 = 0
        let highs = ByteWord.highs
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= n {
                let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let special = ByteWord.special(x)
                if special != 0 {
                    let k = special.trailingZeroBitCount >> 3
                    if k > 0 { high |= x & (UInt64.max >> (64 - 8 * k)) }
                    return (i + k, high & highs == 0)
                }
                high |= x
                i += 8
            }
        }
        var ascii = high & highs == 0
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { return (i, ascii) }
            if c >= 0x80 { ascii = false }
            i += 1
        }
        return (i, ascii)
    }

    /// Makes a String of bytes known to hold no quote, backslash or control byte.
    @inline(__always)
    private func makeString(_ start: Int, _ end: Int, ascii: Bool) throws -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !ascii, let bad = UTF8Check.firstInvalid(slice) { throw fail("text is not valid UTF-8", at: start + bad) }
        return String(decoding: slice, as: UTF8.self)
    }

    /// Reads a string value.
    public mutating func readString() throws -> String {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        let start = offset + 1
        let (i, ascii) = scanPlainString(from: start)
        guard i < bytes.count else { throw fail("unterminated string", at: start - 1) }
        let b = bytes[i]
        if b == UInt8(ascii: "\"") {
            let s = try makeString(start, i, ascii: ascii)
            offset = i + 1
            return s
        }
        if b < 0x20 {
            throw fail("control character (byte 0x\(String(b, radix: 16))) inside a string; escape it", at: i)
        }
        return try readEscapedString(start: start)
    }

    private mutating func readEscapedString(start: Int) throws -> String {
        var out = [UInt8]()
        out.reserveCapacity(32)
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                offset = i + 1
                if let bad = out.withUnsafeBufferPointer({ UTF8Check.firstInvalid($0) }) {
                    throw fail("text is not valid UTF-8", at: start + bad)
                }
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 {
                throw fail("control character (byte 0x\(String(b, radix: 16))) inside a string; escape it", at: i)
            }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { break }
            switch bytes[i] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4(at: i + 1)
                i += 4
                if (0xD800...0xDBFF).contains(code) {
                    // A surrogate pair: the low half must follow as another \u escape.
                    guard i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u")
                    else {
                        throw fail("unpaired surrogate in \\u escape", at: i - 5)
                    }
                    let low = try hex4(at: i + 3)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw fail("unpaired surrogate in \\u escape", at: i - 5)
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw fail("unpaired surrogate in \\u escape", at: i - 5)
                }
                guard let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape", at: i - 5) }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw fail("invalid escape '\\\(describeByte(at: i))' in a string", at: i - 1)
            }
            i += 1
        }
        throw fail("unterminated string", at: start - 1)
    }

    private func hex4(at i: Int) throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("unterminated \\u escape", at: i - 2) }
        var v: UInt32 = 0
        for j in i..<(i + 4) {
            let b = bytes[j]
            let d: UInt8
            switch b {
            case 48...57: d = b - 48
            case 65...70: d = b - 55
            case 97...102: d = b - 87
            default: throw fail("invalid \\u escape", at: i - 2)
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// Reads a number, returning its value and its literal text.
    public mutating func readNumberLiteral() throws -> (value: Double, range: Range<Int>) {
        skipWhitespace()
        let start = offset
        var i = offset
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 else { throw fail("invalid number", at: start) }
        if bytes[i] == 48 {
            i += 1
            if i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { throw fail("invalid number: leading zero", at: start) }
        } else {
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 else {
                throw fail("invalid number: digit expected after '.'", at: start)
            }
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 else {
                throw fail("invalid number: digit expected in exponent", at: start)
            }
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
        }
        offset = i
        let negative = bytes[start] == UInt8(ascii: "-")
        if isInteger && i - start <= 15 {
            var v = 0
            for j in (negative ? start + 1 : start)..<i { v = v * 10 + Int(bytes[j] - 48) }
            return (Double(negative ? -v : v), start..<i)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        return (Double(text) ?? .infinity, start..<i)
    }

    /// Reads a number's value.
    public mutating func readNumber() throws -> Double {
        try readNumberLiteral().value
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws -> Bool {
        skipWhitespace()
        if matches("true") {
            offset += 4
            return true
        }
        if matches("false") {
            offset += 5
            return false
        }
        throw fail("invalid literal, expected true or false")
    }

    /// Reads `null`.
    public mutating func readNull() throws {
        skipWhitespace()
        guard matches("null") else { throw fail("invalid literal, expected null") }
        offset += 4
    }

    private func matches(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard offset + n <= bytes.count else { return false }
        let p = word.utf8Start
        for k in 0..<n where bytes[offset + k] != p[k] { return false }
        // A literal must end there: "nullx" is not null.
        if offset + n < bytes.count {
            let next = bytes[offset + n]
            if (next >= 0x61 && next <= 0x7A) || (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39) {
                return false
            }
        }
        return true
    }

    /// Reads any value into a tree, keeping number literals and member order.
    public mutating func readValue() throws -> JSONValue {
        switch try peekKind() {
        case .null:
            try readNull()
            return .null
        case .bool: return .bool(try readBool())
        case .string: return .string(try readString())
        case .number:
            let r = try readNumberLiteral()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[r.range]), as: UTF8.self))
        case .array:
            try beginArray()
            var items: [JSONValue] = []
            while try nextElement() { items.append(try readValue()) }
            return .array(items)
        case .object:
            try beginObject()
            var fields: [JSONField] = []
            var keys = JSONKeySet()
            while let key = try nextKeyToken() {
                let name = try keys.insertExtra(key, among: fields)
                fields.append(JSONField(name, try readValue()))
            }
            return .object(fields)
        }
    }

    /// Skips the next value, checking its syntax.
    public mutating func skipValue() throws {
        _ = try readValue()
    }

    /// The 1-based line and column (in characters) of a byte offset.
    public static func lineAndColumn(of offset: Int, in data: [UInt8]) -> (line: Int, column: Int) {
        data.withUnsafeBufferPointer { lineAndColumn(of: offset, in: $0) }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    public static func lineAndColumn(of offset: Int, in data: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, data.count)
        var i = 0
        while i < end {
            if data[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        i = lineStart
        while i < end {
            // Count characters, not bytes: continuation bytes do not start a column.
            if data[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }
}
