#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A store's `history` array as the file holds it, which a save writes back verbatim with the
/// lines of the revisions it adds: so a save costs the same whatever the history's length,
/// instead of reading every revision into a tree, checking it and encoding it again.
///
/// Made only from bytes that are exactly what `FeedEncoder` writes for the history they hold,
/// and only when every revision reads as `History(of:)` reads it. Writing the text (each new
/// line at the place `History.append` gives it) then makes the same file, byte for byte, as
/// the full decode and re-encode. Anything else (another layout, a key or id with an escape,
/// a revision that does not read) gives no text, and the save takes the full path, which
/// reports what is wrong and never writes over it.
struct HistoryText: Sendable {
    /// The array, from `[` to `]`: each revision after `\n    ` (`,\n    ` after the first), then `\n  ]`.
    private(set) var bytes: [UInt8]
    /// Where each revision's `{` is in `bytes`.
    private var starts: [Int]
    /// Each revision's id, in `bytes` (the id needs no escape, so these are its characters).
    private var ids: [Range<Int>]

    /// How many revisions it holds.
    var count: Int { starts.count }

    private static let separator: [UInt8] = Array(",\n    ".utf8)
    private static let close: [UInt8] = Array("\n  ]".utf8)

    /// Reads the history array whose `[` is at `offset` in `buffer` (a whole document); nil
    /// when it is not in the canonical layout or a revision does not read. `end` is the offset
    /// just after its `]`.
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> (text: HistoryText, end: Int)? {
        var scan = Recognizer(bytes: buffer, i: offset)
        guard let found = scan.history() else { return nil }
        let text = HistoryText(
            bytes: Array(buffer[offset..<scan.i]), starts: found.starts.map { $0 - offset },
            ids: found.ids.map { ($0.lowerBound - offset)..<($0.upperBound - offset) })
        return (text, scan.i)
    }

    /// The history of a valid feed whose last key is `history`, found from the end of its bytes:
    /// for a store read through its index, which holds no offsets of the JSON. Nil when the
    /// feed ends otherwise (merge conflicts after the history, another layout).
    ///
    /// The last `,\n  "history": [` is a member of the top-level object when its array, read
    /// from there, is followed by nothing but `\n}\n`: the comma before a raw newline is outside
    /// any string, and the `}` that ends the document closes the object holding the member.
    static func atEnd(of buffer: UnsafeBufferPointer<UInt8>) -> HistoryText? {
        let opening = Array(",\n  \"history\": [".utf8)
        let ending = Array("\n}\n".utf8)
        guard buffer.count > opening.count + ending.count, buffer.suffix(ending.count).elementsEqual(ending) else {
            return nil
        }
        // Back from the end, line by line: the history's revisions are the lines before its end.
        var k = buffer.count - ending.count
        while k > 0 {
            k -= 1
            guard k > 0, buffer[k] == 0x0A, buffer[k - 1] == UInt8(ascii: ","), k - 1 + opening.count <= buffer.count,
                buffer[(k - 1)..<(k - 1 + opening.count)].elementsEqual(opening)
            else { continue }
            guard let read = read(buffer, at: k - 2 + opening.count), read.end == buffer.count - ending.count else {
                return nil
            }
            return read.text
        }
        return nil
    }

    /// Adds a revision's line at the place `History.append` gives it: after the last revision
    /// with the same or a smaller id, found by the same binary search over the same order.
    /// False, changing nothing, for a revision whose line the text cannot hold (an id with an
    /// escape): the caller then takes the full path (`tree`).
    mutating func append(_ revision: Revision) -> Bool {
        var w = JSONWriter(capacity: 512)
        w.value(revision.json)
        let item = w.finish()
        let idInItem: Range<Int>? = item.withUnsafeBufferPointer { buf in
            var scan = Recognizer(bytes: buf, i: 0)
            guard let id = scan.revision(), scan.i == buf.count else { return nil }
            return id
        }
        guard let idInItem else { return false }
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if id(mid) <= revision.id { lo = mid + 1 } else { hi = mid }
        }
        // A new last line goes before `\n  ]`, after a separator; any other before the revision
        // now at its place, followed by one.
        let last = lo == starts.count
        let at = last ? bytes.count - HistoryText.close.count : starts[lo]
        let line = last ? HistoryText.separator + item : item + HistoryText.separator
        let start = last ? at + HistoryText.separator.count : at
        bytes.insert(contentsOf: line, at: at)
        for k in lo..<starts.count {
            starts[k] += line.count
            ids[k] = (ids[k].lowerBound + line.count)..<(ids[k].upperBound + line.count)
        }
        starts.insert(start, at: lo)
        ids.insert((start + idInItem.lowerBound)..<(start + idInItem.upperBound), at: lo)
        return true
    }

    /// The history as the full path holds it: a tree, read from the text.
    ///
    /// Cannot fail (the text was checked as it was read, and each line added was written by
    /// `JSONWriter`), but if it did, the caller refuses the save rather than lose a revision.
    func tree() throws -> JSONValue {
        try JSONReader.parse(bytes) { try $0.readValue() }
    }

    private func id(_ k: Int) -> String { String(decoding: bytes[ids[k]], as: UTF8.self) }
}

extension HistoryText {
    /// Checks bytes against the one layout `FeedEncoder` writes a history in, reading nothing
    /// into a tree: `JSONWriter.value`'s compact form (`, ` and `: `, strings escaped exactly
    /// as `JSONWriter.string` escapes them, number literals as they are), one revision a line.
    ///
    /// It accepts a subset of what the decoder accepts, never more: every syntax rule the
    /// decoder applies is applied (UTF-8, escapes, numbers, literals, nesting, a key given
    /// twice), and what it would take long to settle (a key with an escape or a non-ASCII
    /// character, an object with many keys, deep nesting) is refused, for the full path.
    struct Recognizer {
        let bytes: UnsafeBufferPointer<UInt8>
        var i: Int
        private var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>, i: Int) {
            self.bytes = bytes
            self.i = i
        }

        /// Deeper than this the full path decides (the reader's limit is 512, counted from the document).
        private static let maxDepth = 400
        /// Keys per object compared pairwise for a repeat; more, and the full path decides.
        private static let maxKeys = 48

        /// A non-empty history array at `i`: each revision's start and id range.
        mutating func history() -> (starts: [Int], ids: [Range<Int>])? {
            guard take("[") else { return nil }
            var starts: [Int] = []
            var ids: [Range<Int>] = []
            repeat {
                guard take(starts.isEmpty ? "\n    " : ",\n    ") else { return nil }
                starts.append(i)
                guard let id = revision() else { return nil }
                ids.append(id)
            } while i < bytes.count && bytes[i] == UInt8(ascii: ",")
            guard take("\n  ]") else { return nil }
            return (starts, ids)
        }

        /// One revision that `Revision(json:)` reads; returns its id's range.
        mutating func revision() -> Range<Int>? {
            var id: Range<Int>?
            var required = 0
            let ok = object { key, this in
                switch key {
                case "at":
                    guard let s = this.string() else { return false }
                    guard Revision.isTimestamp(String(decoding: this.bytes[s], as: UTF8.self)) else { return false }
                case "id":
                    // Plain text only, so that the id's bytes are its characters.
                    let open = this.i
                    guard this.string() != nil, let s = this.plain(from: open) else { return false }
                    id = s
                case "author", "action", "note":
                    guard this.string() != nil else { return false }
                case "changes":
                    return this.array { this in
                        var field = false
                        let ok = this.object { key, this in
                            guard key == "field" else { return this.value() }
                            field = true
                            return this.string() != nil
                        }
                        return ok && field
                    }
                default:
                    return this.value()
                }
                return true
            } keys: { key in
                if key == "at" || key == "author" || key == "action" || key == "changes" { required += 1 }
            }
            // Each key is there once at most, so four means all four.
            guard ok, let id, required == 4 else { return nil }
            return id
        }

        /// Any value in compact form.
        mutating func value() -> Bool {
            guard i < bytes.count else { return false }
            switch bytes[i] {
            case UInt8(ascii: "{"): return object { _, this in this.value() }
            case UInt8(ascii: "["): return array { this in this.value() }
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "t"): return take("true") && ended()
            case UInt8(ascii: "f"): return take("false") && ended()
            case UInt8(ascii: "n"): return take("null") && ended()
            default: return number()
            }
        }

        /// `{"key": value, ...}`, each member's value read by `member` (positioned at it).
        /// Keys must be plain ASCII, each once; `keys` is told each.
        private mutating func object(
            _ member: (String, inout Recognizer) -> Bool, keys: (String) -> Void = { _ in }
        ) -> Bool {
            guard take("{"), enter() else { return false }
            defer { depth -= 1 }
            if take("}") { return true }
            var names: [String] = []
            repeat {
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return false }
                let open = i
                guard string() != nil, let raw = plain(from: open), take(": ") else { return false }
                guard bytes[raw].allSatisfy({ $0 < 0x80 }), names.count < Recognizer.maxKeys else { return false }
                let name = String(decoding: bytes[raw], as: UTF8.self)
                guard !names.contains(name) else { return false }
                names.append(name)
                keys(name)
                guard member(name, &self) else { return false }
            } while take(", ")
            return take("}")
        }

        /// `[value, ...]`, each element read by `element`.
        private mutating func array(_ element: (inout Recognizer) -> Bool) -> Bool {
            guard take("["), enter() else { return false }
            defer { depth -= 1 }
            if take("]") { return true }
            repeat {
                guard element(&self) else { return false }
            } while take(", ")
            return take("]")
        }

        private mutating func enter() -> Bool {
            depth += 1
            return depth <= Recognizer.maxDepth
        }

        /// A string written as `JSONWriter.string` writes it; returns the range between the quotes.
        mutating func string() -> Range<Int>? {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
            let open = i
            let start = i + 1
            guard let base = bytes.baseAddress,
                let q = memchr(base + start, 0x22, bytes.count - start)?.assumingMemoryBound(to: UInt8.self)
            else { return nil }
            let end = UnsafePointer(q) - base
            let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if JSONWriter.needsNoEscape(text) {
                guard UTF8Check.firstInvalid(text) == nil else { return nil }
                i = end + 1
                return start..<end
            }
            // An escape (or a character that needed one): the text must be what the writer
            // makes of what the reader makes of it.
            var reader = JSONReader(bytes: bytes)
            reader.seek(to: open)
            guard let decoded = try? reader.readString() else { return nil }
            var w = JSONWriter(capacity: reader.offset - open)
            w.string(decoded)
            let written = w.finish()
            guard written.count == reader.offset - open, written.elementsEqual(bytes[open..<reader.offset]) else {
                return nil
            }
            i = reader.offset
            return start..<(reader.offset - 1)
        }

        /// The range of the string just read from `open`, when it has no escape.
        func plain(from open: Int) -> Range<Int>? {
            let r = (open + 1)..<(i - 1)
            return bytes[r].contains(UInt8(ascii: "\\")) ? nil : r
        }

        /// A number literal (any the reader takes: it is kept and written as it is).
        private mutating func number() -> Bool {
            // The reader would skip whitespace before it; the compact form has none.
            guard bytes[i] == UInt8(ascii: "-") || (bytes[i] >= 0x30 && bytes[i] <= 0x39) else { return false }
            var reader = JSONReader(bytes: bytes)
            reader.seek(to: i)
            guard (try? reader.readNumberLiteral()) != nil else { return false }
            i = reader.offset
            return true
        }

        /// True when a literal ends here, as the reader requires (`nullx` is not `null`).
        private func ended() -> Bool {
            guard i < bytes.count else { return true }
            let b = bytes[i] | 0x20
            return !(b >= 0x61 && b <= 0x7A) && !(bytes[i] >= 0x30 && bytes[i] <= 0x39)
        }

        /// Consumes `s` if the bytes at `i` are exactly it.
        private mutating func take(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard i + n <= bytes.count, memcmp(bytes.baseAddress! + i, s.utf8Start, n) == 0 else { return false }
            i += n
            return true
        }
    }
}
