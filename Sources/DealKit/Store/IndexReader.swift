/// Reads back what `IndexWriter` wrote, checking every length and tag against the bytes.
///
/// `StoreIndex` uses it only on bytes whose hash it has checked, so a malformed read means a
/// bug or a collision, not an edit; it still never reads past the end, and throws instead.
struct IndexReader {
    /// What `IndexReader` throws on bytes that do not hold what they should.
    struct Malformed: Error {}

    private let base: UnsafeRawPointer
    private let end: Int
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) {
        base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        end = bytes.count
        self.offset = offset
    }

    @inline(__always) private mutating func take(_ n: Int) throws -> Int {
        guard n >= 0, n <= end - offset else { throw Malformed() }
        defer { offset += n }
        return offset
    }

    /// What `IndexWriter.int` wrote.
    mutating func int() throws -> Int {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let b = base.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1))
    }

    /// What `IndexWriter.word` wrote.
    mutating func word() throws -> Int {
        Int(Int64(littleEndian: base.loadUnaligned(fromByteOffset: try take(8), as: Int64.self)))
    }

    mutating func byte() throws -> UInt8 { base.load(fromByteOffset: try take(1), as: UInt8.self) }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try word()))) }

    mutating func string() throws -> String {
        let n = try int()
        let at = try take(n)
        return String(decoding: UnsafeRawBufferPointer(start: base + at, count: n), as: UTF8.self)
    }

    /// A string's bytes where they lie, without making a `String` (`IndexedRow`).
    mutating func stringBytes() throws -> UnsafeBufferPointer<UInt8> {
        let n = try int()
        let at = try take(n)
        return UnsafeBufferPointer(start: (base + at).assumingMemoryBound(to: UInt8.self), count: n)
    }

    mutating func optionalStringBytes() throws -> UnsafeBufferPointer<UInt8>? { try bool() ? try stringBytes() : nil }

    /// A list's count, checked as `list` checks it, for a reader that steps over the items itself.
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= end - offset else { throw Malformed() }
        return n
    }

    /// Steps over a list whose items `skip` steps over, making nothing.
    mutating func skipList(_ skip: (inout IndexReader) throws -> Void) throws {
        for _ in 0..<(try count()) { try skip(&self) }
    }

    /// Steps over what `IndexWriter.value` wrote.
    mutating func skipValue() throws {
        switch try byte() {
        case 0: return
        case 1: _ = try bool()
        case 2, 3: _ = try stringBytes()
        case 4: try skipList { try $0.skipValue() }
        case 5: try skipFields()
        default: throw Malformed()
        }
    }

    /// Steps over what `IndexWriter.fields` wrote (a part's unknown keys).
    mutating func skipFields() throws {
        try skipList { r in
            _ = try r.stringBytes()
            try r.skipValue()
        }
    }

    /// What `IndexWriter.blob` wrote.
    mutating func blob() throws -> [UInt8] {
        let n = try int()
        let at = try take(n)
        return Array(UnsafeRawBufferPointer(start: base + at, count: n))
    }

    mutating func optional<T>(_ read: (inout IndexReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func optionalString() throws -> String? { try optional { try $0.string() } }
    mutating func optionalDouble() throws -> Double? { try optional { try $0.double() } }

    mutating func list<T>(_ read: (inout IndexReader) throws -> T) throws -> [T] {
        let n = try int()
        // Each element takes at least one byte: a count past the bytes left is malformed.
        guard n >= 0, n <= end - offset else { throw Malformed() }
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }

    mutating func strings() throws -> [String] { try list { try $0.string() } }
    mutating func ints() throws -> [Int] { try list { try $0.int() } }

    mutating func enumCase<E: IndexWritableCase>(_: E.Type) throws -> E {
        let i = Int(try byte())
        guard i < E.indexed.count else { throw Malformed() }
        return E.indexed[i]
    }

    mutating func optionalEnum<E: IndexWritableCase>(_: E.Type) throws -> E? {
        try optional { try $0.enumCase(E.self) }
    }

    mutating func date() throws -> PartialDate {
        let year = try int()
        guard let precision = PartialDate.Precision(rawValue: Int(try byte())) else { throw Malformed() }
        let part = Int(try byte())
        let day = Int(try byte())
        return PartialDate(year: year, precision: precision, part: part, day: day)
    }

    mutating func optionalDate() throws -> PartialDate? { try optional { try $0.date() } }

    mutating func value() throws -> JSONValue {
        switch try byte() {
        case 0: return .null
        case 1: return .bool(try bool())
        case 2: return .number(try string())
        case 3: return .string(try string())
        case 4: return .array(try list { try $0.value() })
        case 5: return .object(try fields())
        default: throw Malformed()
        }
    }

    mutating func fields() throws -> [JSONField] {
        try list { r in JSONField(try r.string(), try r.value()) }
    }

    mutating func issue() throws -> FeedIssue {
        let severity: FeedIssue.Severity = try bool() ? .error : .warning
        let location: FeedIssue.Location
        switch try byte() {
        case 0: location = .path(try string())
        case 1: location = .position(line: try int(), column: try int())
        case 2: location = .document
        default: throw Malformed()
        }
        return FeedIssue(severity, location, try string())
    }

    mutating func deal() throws -> Deal {
        var d = Deal(id: try string(), title: try string(), country: try string(), announced: try date())
        d.status = try enumCase(DealStatus.self)
        d.sponsor = try optionalString()
        d.partners = try list { r in
            let name = try r.string()
            let role = try r.enumCase(PartnerRole.self)
            return Partner(
                name: name, role: role, supplies: try r.optionalString(), to: try r.optionalString(),
                extra: try r.fields())
        }
        d.platform = try optionalString()
        d.site = try optionalString()
        d.capacity = try optional { r in
            Capacity(
                initialMW: try r.optionalDouble(), targetMW: try r.optionalDouble(),
                operationalMW: try r.optionalDouble(),
                confidence: try r.optionalEnum(Confidence.self), approx: CapacityFigures(rawValue: try r.byte()),
                extra: try r.fields())
        }
        d.accelerators = try optional { r in
            Accelerators(count: try r.optional { try $0.int() }, type: try r.optionalString(), extra: try r.fields())
        }
        d.investment = try optional { r in
            Investment(amount: try r.double(), currency: try r.string(), extra: try r.fields())
        }
        d.models = try strings()
        d.milestones = try list { r in
            Milestone(
                date: try r.date(), event: try r.string(), done: try r.bool(), cite: try r.ints(), extra: try r.fields()
            )
        }
        d.sources = try list { r in
            Source(
                title: try r.optionalString(), publisher: try r.optionalString(), url: try r.optionalString(),
                date: try r.optionalDate(), extra: try r.fields())
        }
        d.tags = try strings()
        d.notes = try optionalString()
        d.kind = try optionalEnum(DealKind.self)
        d.announcedStated = try bool()
        d.products = try strings()
        let cited = try list { r in (try r.enumCase(Citations.Figure.self), try r.ints()) }
        if !cited.isEmpty { d.cite = Citations(cited) }
        d.extra = try fields()
        return d
    }
}
