/// Each deal of a feed as the range of its bytes, with its id, found by one scan that decodes
/// no deal.
///
/// `diff` of two large feeds compares these first: a deal whose bytes are the same in both
/// feeds is the same deal with the same issues, so it need be decoded and checked once, and
/// modelled not at all. Anything unusual (no top-level `deals` array, a deal that is not an
/// object starting with a plain `"id"` string) gives nil, and the caller decodes both whole.
struct DealBlocks {
    /// The offset of the deals array's `[`, and the offset just past its `]`.
    var open: Int, end: Int
    /// Each deal's id as its bytes spell it, in file order.
    var ids: [String]
    /// Each deal's bytes, from its `{` to its `}`, in file order.
    var ranges: [Range<Int>]

    /// The blocks of the feed in `b`, or nil when they cannot be told apart safely.
    static func of(_ b: UnsafeBufferPointer<UInt8>) -> DealBlocks? {
        guard let open = dealsArray(b), let (starts, end) = JSONArrayScanner.elements(in: b, arrayAt: open) else {
            return nil
        }
        var ids: [String] = []
        var ranges: [Range<Int>] = []
        ids.reserveCapacity(starts.count)
        ranges.reserveCapacity(starts.count)
        for (k, start) in starts.enumerated() {
            // Back from the next element (or the array's `]`) over blanks, its comma and blanks.
            var stop = k + 1 < starts.count ? starts[k + 1] : end - 1
            func blanks() { while stop > start, isBlank(b[stop - 1]) { stop -= 1 } }
            blanks()
            if k + 1 < starts.count {
                guard stop > start, b[stop - 1] == UInt8(ascii: ",") else { return nil }
                stop -= 1
                blanks()
            }
            guard b[start] == UInt8(ascii: "{"), stop > start + 1, b[stop - 1] == UInt8(ascii: "}"),
                let id = leadingID(b, start + 1, stop)
            else { return nil }
            ids.append(id)
            ranges.append(start..<stop)
        }
        return DealBlocks(open: open, end: end, ids: ids, ranges: ranges)
    }

    private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    /// The offset of the `[` of the document's top-level `deals`.
    private static func dealsArray(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        try? JSONReader.parse(buffer: b) { r -> Int? in
            guard try r.peekKind() == .object else { return nil }
            try r.beginObject()
            while let key = try r.nextKey() {
                if key == "deals" { return try r.peekKind() == .array ? try r.peekOffset() : nil }
                try r.skipValue()
            }
            return nil
        }
    }

    /// The id of the object whose members start at `i` when its first key is `"id"` with a
    /// plain string (no escape, no control byte); nil otherwise.
    private static func leadingID(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ stop: Int) -> String? {
        var i = from
        func skipBlanks() { while i < stop, isBlank(b[i]) { i += 1 } }
        func expect(_ s: StaticString) -> Bool {
            for k in 0..<s.utf8CodeUnitCount {
                guard i < stop, b[i] == s.utf8Start[k] else { return false }
                i += 1
            }
            return true
        }
        skipBlanks()
        guard expect("\"id\"") else { return nil }
        skipBlanks()
        guard expect(":") else { return nil }
        skipBlanks()
        guard expect("\"") else { return nil }
        let first = i
        while i < stop, b[i] != UInt8(ascii: "\"") {
            if b[i] == UInt8(ascii: "\\") || b[i] < 0x20 { return nil }
            i += 1
        }
        guard i < stop else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: b[first..<i]), as: UTF8.self)
    }
}
