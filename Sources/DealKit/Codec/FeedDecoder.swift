import Foundation

/// Reads a feed from bytes (version 1 or 2) and checks every rule of the format on the way.
///
/// It keeps going after a problem so that `validate` can list them all in one run;
/// a value of the wrong type is reported and skipped.
public struct FeedDecoder {
    /// What decoding found: the feed (complete only when there is no error) and every issue.
    public struct Result: Sendable {
        public var feed: Feed
        public var issues: [FeedIssue]
        /// True when the document cannot be read as feed v1 at all (syntax, not a feed, newer version).
        public var isFatal: Bool
        /// Errors and warnings found past the first `issueLimit`, counted but not kept.
        public var omittedErrors = 0
        public var omittedWarnings = 0
        public var hasErrors: Bool { omittedErrors > 0 || issues.contains { $0.isError } }
        /// Every error found, kept or not.
        public var errorCount: Int { issues.reduce(0) { $0 + ($1.isError ? 1 : 0) } + omittedErrors }
        /// Every warning found, kept or not.
        public var warningCount: Int { issues.count + omittedErrors + omittedWarnings - errorCount }
    }

    /// Issues kept: the first this many are listed, the rest only counted. So a 6 MB file of
    /// two million empty deals (eight million problems) is reported in bounded memory and
    /// time; once errors are past the limit the deals read are let go too, since a feed with
    /// errors is never used.
    public static let issueLimit = 100

    private var issues: [FeedIssue] = []
    private var omittedErrors = 0
    private var omittedWarnings = 0
    /// Issues found so far, kept or not: it only grows, unlike `issues.count`.
    private var reported: Int { issues.count + omittedErrors + omittedWarnings }
    /// True once errors were left out: the feed is invalid, and its deals are no longer kept.
    private var truncated: Bool { omittedErrors > 0 }

    /// Counts and drops the issues past `issueLimit`.
    private mutating func capIssues() {
        guard issues.count > FeedDecoder.issueLimit else { return }
        for issue in issues[FeedDecoder.issueLimit...] {
            if issue.isError { omittedErrors += 1 } else { omittedWarnings += 1 }
        }
        issues.removeSubrange(FeedDecoder.issueLimit...)
    }

    private mutating func result(_ feed: Feed) -> Result {
        capIssues()
        return Result(feed: feed, issues: issues, isFatal: false, omittedErrors: omittedErrors, omittedWarnings: omittedWarnings)
    }

    /// Told of byte ranges that have been read and will not be read again, so a caller can let go of them.
    private var consumed: (@Sendable (Range<Int>) -> Void)?
    private var parallel = true
    /// For a selective read: the deals to keep (all when nil), which it may also trim.
    private var keep: (@Sendable (inout Deal) -> Bool)?
    /// The order of the ids read: increasing, they need no check for duplicates.
    private var order = IDOrder()

    /// Decodes and validates a whole document.
    public static func decode(_ data: [UInt8]) -> Result {
        data.withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// Decodes and validates a document in memory the caller owns (a mapped file, say).
    /// `parallel: false` reads on one core whatever the size (tests compare the two).
    ///
    /// With `keeping`, the feed holds only the deals it accepts, as it leaves them (it may
    /// drop fields the caller will not read); every deal is still read and checked first,
    /// and the issues are those of the whole document. A deal let go is freed at
    /// once, so the next deals reuse its memory: `list --country KR` on 100,000 deals holds
    /// the 4,000 it shows, not all of them (a fifth of the time, in page faults, is saved).
    public static func decode(buffer data: UnsafeBufferPointer<UInt8>, consumed: (@Sendable (Range<Int>) -> Void)? = nil,
                              parallel: Bool = true, keeping keep: (@Sendable (inout Deal) -> Bool)? = nil) -> Result {
        var decoder = FeedDecoder()
        decoder.consumed = consumed
        decoder.parallel = parallel
        decoder.keep = keep
        return decoder.run(data)
    }

    private mutating func run(_ data: UnsafeBufferPointer<UInt8>) -> Result {
        var feed = Feed()
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Result(feed: feed, issues: [FeedIssue(.error, .document, "the file is empty; expected a sovtrack feed")], isFatal: true)
        }
        var fatal: FeedIssue?
        do {
            try JSONReader.parse(buffer: data) { r in
                let kind = try r.peekKind()
                guard kind == .object else {
                    let (l, c) = JSONReader.lineAndColumn(of: r.offset, in: data)
                    fatal = FeedIssue(.error, .position(line: l, column: c),
                                      "expected a JSON object with \"format\": \"sovtrack-feed\", found \(kind.typeName)")
                    return
                }
                fatal = try readDocument(&r, into: &feed)
                if fatal == nil { try r.expectEnd() }
            }
        } catch let e as JSONSyntaxError {
            let (l, c) = JSONReader.lineAndColumn(of: e.offset, in: data)
            fatal = FeedIssue(.error, .position(line: l, column: c), e.message)
        } catch {
            fatal = FeedIssue(.error, .document, "cannot read the feed")
        }
        if let fatal { return Result(feed: feed, issues: [fatal], isFatal: true) }
        // Ids in strictly increasing order (every saved store) prove there is no duplicate.
        // Otherwise only all of them can tell; a selective read has let some go, so it reads
        // again, keeping every deal.
        if !order.increasing {
            guard let keep else {
                issues += DealValidator.duplicateIssues(feed.deals)
                capIssues()
                return result(feed)
            }
            var all = FeedDecoder.decode(buffer: data, consumed: consumed, parallel: parallel)
            var kept: [Deal] = []
            for var deal in all.feed.deals where keep(&deal) { kept.append(deal) }
            all.feed.deals = kept
            return all
        }
        return result(feed)
    }

    /// Notes a deal's id for the proof that no id is used twice, and says whether to keep
    /// the deal: always, unless a selective read lets it go.
    private mutating func admit(_ deal: inout Deal) -> Bool {
        order.see(deal.id)
        return keep?(&deal) ?? true
    }

    /// Returns a fatal issue when the document is not a v1 feed.
    private mutating func readDocument(_ r: inout JSONReader, into feed: inout Feed) throws -> FeedIssue? {
        var format: String?, version: Double?, sawDeals = false, sawVersion = false
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("format"):
                try keys.insert(0, key)
                let kind = try r.peekKind()
                guard kind == .string else {
                    return FeedIssue(.error, .path("format"), "expected \"sovtrack-feed\", found \(kind.typeName): this is not a sovtrack feed")
                }
                format = try r.readString()
                if let f = format, f != Feed.formatName {
                    return FeedIssue(.error, .path("format"), "\(FeedIssue.quote(f)) is not a sovtrack feed (expected \"\(Feed.formatName)\")")
                }
            case _ where key.is("version"):
                try keys.insert(1, key)
                sawVersion = true
                version = try number(&r, "version")
                if let v = version {
                    if v > Double(Feed.currentVersion) {
                        return FeedIssue(.error, .path("version"), "version \(JSONWriter.format(v)) was written by a newer sovtrack; this one reads versions up to \(Feed.currentVersion) and leaves the file untouched")
                    }
                    if v == 1 || v == 2 {
                        feed.version = Int(v)
                    } else {
                        issues.append(.error("version", "must be 1 or \(Feed.currentVersion)"))
                    }
                }
            case _ where key.is("updated"):
                try keys.insert(2, key)
                if let s = try string(&r, "updated") { feed.updated = date(s, "updated") }
            case _ where key.is("deals"):
                try keys.insert(3, key)
                sawDeals = true
                guard try expect(.array, &r, "deals") else { continue }
                if let parallel = readDealsInParallel(&r) {
                    feed.deals = parallel.deals
                    issues += parallel.issues
                    omittedErrors += parallel.omitted.errors
                    omittedWarnings += parallel.omitted.warnings
                    capIssues()
                    order = parallel.order
                    continue
                }
                try r.beginArray()
                var i = 0
                var released = r.offset
                while try r.nextElement() {
                    if var deal = try readDeal(&r, index: i), admit(&deal), !truncated { feed.deals.append(deal) }
                    capIssues()
                    i += 1
                    if let consumed, r.offset - released >= FeedDecoder.releaseStep {
                        consumed(released..<r.offset)
                        released = r.offset
                    }
                }
            default:
                let keyName = try keys.insertExtra(key, among: feed.extra)
                feed.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if format == nil { return FeedIssue(.error, .document, "missing required key \"format\": this is not a sovtrack feed") }
        if !sawVersion { issues.insert(.error("version", "missing required key \"version\""), at: 0) }
        if !sawDeals { issues.append(.error("deals", "missing required key \"deals\"")) }
        return nil
    }

    // MARK: Parallel decoding of a large deals array

    /// Bytes read between two calls of `consumed`.
    static let releaseStep = 8 << 20
    /// Below this many bytes of deals, one core is faster than starting threads.
    static let parallelThreshold = 4 << 20
    /// Where a deal starts in the canonical layout: a line holding four spaces and `{`.
    private static let dealLine: [UInt8] = Array("\n    {".utf8)

    /// Decodes the deals array on every core when it is large. Returns nil (nothing consumed)
    /// when the array is small or has a syntax error, and the caller reads it in order, which
    /// reports the first error exactly.
    ///
    /// The array is cut into pieces, one run of whole deals each, decoded at once on all cores.
    /// The cuts come from a guess first: a raw newline never occurs inside a JSON string, so in
    /// the canonical layout a line `    {` starts a deal, and finding one near each cut costs
    /// nothing. A guess is trusted only once proven: each piece is read from its start until the
    /// next deal starts at or past the following cut, and that must be exactly where the next
    /// piece began. Any mismatch (a hand-edited or minified file) falls back to cuts from a
    /// scan of the whole array, which is exact but reads every byte on one core first.
    private mutating func readDealsInParallel(_ r: inout JSONReader)
        -> (deals: [Deal], issues: [FeedIssue], omitted: (errors: Int, warnings: Int), order: IDOrder)? {
        let cores = Parallel.cores
        guard parallel, cores > 1, let open = try? r.peekOffset(),
              r.bytes.count - open >= FeedDecoder.parallelThreshold
        else { return nil }
        var first = JSONReader(bytes: r.bytes)
        first.seek(to: open + 1)
        guard let start = try? first.peekOffset(), r.bytes[start] != UInt8(ascii: "]") else { return nil }
        // Several pieces per core, so a core slowed by another process does not hold up the rest.
        let pieces = cores * 8
        var outcome = decodePieces(startingAt: FeedDecoder.guessedStarts(in: r.bytes, from: start, pieces: pieces), r.bytes)
        if case .mismatch = outcome {
            guard let (starts, _) = JSONArrayScanner.elements(in: r.bytes, arrayAt: open), starts.count >= pieces else { return nil }
            let per = (starts.count + pieces - 1) / pieces
            outcome = decodePieces(startingAt: stride(from: 0, to: starts.count, by: per).map { starts[$0] }, r.bytes)
        }
        guard case .decoded(let deals, let issues, let omitted, let order, let end) = outcome else { return nil }
        r.seek(to: end, depth: 1)
        return (deals, issues, omitted, order)
    }

    /// The first deal, then the first line `    {` at or after each of `pieces - 1` even cuts.
    private static func guessedStarts(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, pieces: Int) -> [Int] {
        var starts = [start]
        guard let base = bytes.baseAddress else { return starts }
        let n = bytes.count, line = dealLine
        for k in 1..<pieces {
            var i = max(start + (n - start) / pieces * k, starts[starts.count - 1] + 1)
            var found: Int?
            while i < n, let hit = memchr(base + i, 0x0A, n - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + line.count <= n && (1..<line.count).allSatisfy({ base[at + $0] == line[$0] }) {
                    found = at + line.count - 1
                    break
                }
                i = at + 1
            }
            guard let found else { break }
            starts.append(found)
        }
        return starts
    }

    /// What decoding the pieces gave.
    private enum Outcome {
        /// Every deal, the issues with their indices in the whole array (the first
        /// `issueLimit` of each piece), the count of those left out, the order of the ids,
        /// and the offset after `]`.
        case decoded([Deal], [FeedIssue], (errors: Int, warnings: Int), IDOrder, end: Int)
        /// A piece did not end where the next began: the cuts were not deal starts.
        case mismatch
        /// A syntax error in the array.
        case syntaxError
    }

    /// How a piece ended.
    private enum Stop {
        /// At the start of a deal at or past the next piece's start.
        case next(Int)
        /// After the array's `]`, at this offset.
        case end(Int)
        case failed
    }

    /// What one core read from one piece; its deals are moved out when the pieces are joined.
    private struct Piece {
        var deals: UnsafeMutablePointer<Deal>?
        var count = 0
        var capacity = 0
        /// Elements read, deals or not, to renumber the next pieces' issues.
        var elements = 0
        var issues: [FeedIssue] = []
        var omittedErrors = 0, omittedWarnings = 0
        var order = IDOrder()
        var stop = Stop.failed

        mutating func append(_ deal: Deal) {
            if count == capacity {
                reserve(max(64, capacity * 2))
            }
            (deals! + count).initialize(to: deal)
            count += 1
        }

        /// Makes room for `capacity` deals; room never used is never touched, so costs no memory.
        mutating func reserve(_ capacity: Int) {
            self.capacity = capacity
            let grown = UnsafeMutablePointer<Deal>.allocate(capacity: capacity)
            if let deals {
                // Moved, never copied: a copy would retain every string of every deal.
                grown.moveInitialize(from: deals, count: count)
                deals.deallocate()
            }
            deals = grown
        }

        /// Frees what was not moved out.
        mutating func discard() {
            deals?.deinitialize(count: count)
            deals?.deallocate()
            deals = nil
            count = 0
        }
    }

    /// Memory the cores write their pieces into, each its own slot, so no Swift array is shared between threads.
    private struct Slots: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let pieces: UnsafeMutablePointer<Piece>
    }

    /// Decodes the deals from each start up to the next start on all cores, then checks that the
    /// pieces join up and moves their deals into one array.
    private func decodePieces(startingAt starts: [Int], _ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let slots = Slots(bytes: bytes, pieces: .allocate(capacity: starts.count))
        slots.pieces.initialize(repeating: Piece(), count: starts.count)
        defer {
            for k in starts.indices { slots.pieces[k].discard() }
            slots.pieces.deinitialize(count: starts.count)
            slots.pieces.deallocate()
        }
        let consumed = self.consumed, keep = self.keep
        DispatchQueue.concurrentPerform(iterations: starts.count) { k in
            let limit = k + 1 < starts.count ? starts[k + 1] : Int.max
            var decoder = FeedDecoder()
            decoder.keep = keep
            var reader = JSONReader(bytes: slots.bytes)
            // Inside the top-level object and the deals array, as an in-order read would be.
            reader.seek(to: starts[k], depth: 2)
            var piece = Piece()
            // A deal in the canonical layout takes several hundred bytes: room for one every 256
            // makes growing (and so holding two buffers) rare.
            piece.reserve((min(limit, slots.bytes.count) - starts[k]) / 256 + 64)
            var released = starts[k]
            do {
                reading: while true {
                    if var deal = try decoder.readDeal(&reader, index: piece.elements), decoder.admit(&deal), !decoder.truncated {
                        piece.append(deal)
                    }
                    decoder.capIssues()
                    piece.elements += 1
                    switch reader.nextSignificantByte() {
                    case UInt8(ascii: ",")?:
                        let next = try reader.peekOffset()
                        if next >= limit { piece.stop = .next(next); break reading }
                    case UInt8(ascii: "]")?:
                        piece.stop = .end(reader.offset)
                        break reading
                    default:
                        break reading
                    }
                    if let consumed, reader.offset - released >= FeedDecoder.releaseStep {
                        consumed(released..<reader.offset)
                        released = reader.offset
                    }
                }
            } catch {
                piece.stop = .failed
            }
            consumed?(released..<reader.offset)
            piece.issues = decoder.issues
            piece.omittedErrors = decoder.omittedErrors
            piece.omittedWarnings = decoder.omittedWarnings
            piece.order = decoder.order
            slots.pieces[k] = piece
        }
        // Follow the chain from the first deal: each piece must end where the next began.
        var used = 0, end = 0
        chain: for k in starts.indices {
            switch slots.pieces[k].stop {
            case .failed: return .syntaxError
            case .end(let e): used = k + 1; end = e; break chain
            case .next(let p): if k + 1 == starts.count || p != starts[k + 1] { return .mismatch }
            }
        }
        if used == 0 { return .mismatch }
        let total = (0..<used).reduce(0) { $0 + slots.pieces[$1].count }
        var issues: [FeedIssue] = []
        var omitted = (errors: 0, warnings: 0)
        var order = IDOrder()
        var base = 0
        let deals = [Deal](unsafeUninitializedCapacity: total) { buffer, n in
            n = 0
            for k in 0..<used {
                let piece = slots.pieces[k]
                if let from = piece.deals { (buffer.baseAddress! + n).moveInitialize(from: from, count: piece.count) }
                n += piece.count
                slots.pieces[k].count = 0
                // Past the limit, the rest are only counted (the caller counts these too).
                if issues.count < FeedDecoder.issueLimit {
                    issues += base == 0 ? piece.issues : piece.issues.map { $0.renumberingDeal(by: base) }
                } else {
                    for issue in piece.issues { if issue.isError { omitted.errors += 1 } else { omitted.warnings += 1 } }
                }
                omitted.errors += piece.omittedErrors
                omitted.warnings += piece.omittedWarnings
                order.append(piece.order)
                base += piece.elements
            }
        }
        return .decoded(deals, issues, omitted, order, end: end)
    }

    // MARK: Typed reads that report and skip a wrong type

    private mutating func expect(_ kind: JSONReader.Kind, _ r: inout JSONReader, _ path: @autoclosure () -> String) throws -> Bool {
        let found = try r.peekKind()
        if found == kind { return true }
        issues.append(.error(path(), "expected \(kind.typeName), found \(found.typeName)"))
        try r.skipValue()
        return false
    }

    /// A string, or nil (reported) for another type; `null` is nil without a report when allowed.
    private mutating func string(_ r: inout JSONReader, _ path: @autoclosure () -> String, nullable: Bool = false) throws -> String? {
        let kind = try r.peekKind()
        if kind == .string { return try r.readString() }
        if kind == .null && nullable { try r.readNull(); return nil }
        issues.append(.error(path(), "expected a string, found \(kind.typeName)"))
        try r.skipValue()
        return nil
    }

    private mutating func number(_ r: inout JSONReader, _ path: @autoclosure () -> String, nullable: Bool = false) throws -> Double? {
        let kind = try r.peekKind()
        if kind == .number { return try r.readNumber() }
        if kind == .null && nullable { try r.readNull(); return nil }
        issues.append(.error(path(), "expected a number\(nullable ? " or null" : ""), found \(kind.typeName)"))
        try r.skipValue()
        return nil
    }

    private mutating func text(_ r: inout JSONReader, _ path: @autoclosure () -> String) throws -> String? {
        guard let s = try string(&r, path(), nullable: true) else { return nil }
        if let p = DealValidator.textProblem(s) { issues.append(.error(path(), p)); return nil }
        return s
    }

    private mutating func date(_ s: String, _ path: @autoclosure () -> String) -> PartialDate? {
        if let d = PartialDate(s) { return d }
        issues.append(.error(path(), DealValidator.partialDateProblem(s) ?? "bad date"))
        return nil
    }

    private mutating func megawatts(_ r: inout JSONReader, _ path: @autoclosure () -> String) throws -> Double? {
        guard let mw = try number(&r, path(), nullable: true) else { return nil }
        if let p = DealValidator.megawattProblem(mw) { issues.append(.error(path(), p)) }
        return mw
    }

    private mutating func enumValue<E: RawRepresentable & CaseIterable>(
        _ r: inout JSONReader, _ type: E.Type, _ path: @autoclosure () -> String
    ) throws -> E? where E.RawValue == String {
        guard let s = try string(&r, path(), nullable: true) else { return nil }
        if let v = E(rawValue: s) { return v }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        issues.append(.error(path(), DealValidator.enumProblem(s, allowed: allowed)))
        return nil
    }

    private mutating func stringArray(_ r: inout JSONReader, _ path: @autoclosure () -> String) throws -> [String] {
        guard try expect(.array, &r, path()) else { return [] }
        var out: [String] = []
        // Room for the usual few up front: growing 1, 2, 4 was three allocations per list.
        out.reserveCapacity(4)
        try r.beginArray()
        var i = 0
        while try r.nextElement() {
            if let s = try string(&r, "\(path())[\(i)]") {
                if let p = DealValidator.textProblem(s) { issues.append(.error("\(path())[\(i)]", p)) } else if !truncated { out.append(s) }
            }
            capIssues()
            i += 1
        }
        return out
    }

    private mutating func objectArray<T>(
        _ r: inout JSONReader, _ path: @autoclosure () -> String,
        _ element: (inout FeedDecoder, inout JSONReader, _ base: () -> String, _ index: Int) throws -> T?
    ) throws -> [T] {
        guard try expect(.array, &r, path()) else { return [] }
        var out: [T] = []
        try r.beginArray()
        var i = 0
        while try r.nextElement() {
            // The path is made only for a message: building it for every array was a tenth of a load.
            if try expect(.object, &r, "\(path())[\(i)]"),
               let v = try withoutActuallyEscaping(path, do: { path in try element(&self, &r, path, i) }), !truncated {
                out.append(v)
            }
            capIssues()
            i += 1
        }
        return out
    }

    private mutating func missing(_ key: String, _ path: @autoclosure () -> String) {
        // Past the limit only counted: no message made for two million empty deals.
        if issues.count >= FeedDecoder.issueLimit { omittedErrors += 1; return }
        issues.append(.error(path(), "missing required key \"\(key)\""))
    }

    // MARK: Deal and its parts

    private mutating func readDeal(_ r: inout JSONReader, index: Int) throws -> Deal? {
        // Made only when a message needs it: most deals have none.
        func path() -> String { "deals[\(index)]" }
        guard try expect(.object, &r, path()) else { return nil }
        let before = reported
        var id: String?, title: String?, country: String?, announced: PartialDate?
        // Whether reading the key reported a problem (a wrong type): then it is not also "missing".
        var idReported = false, titleReported = false, countryReported = false
        var sawAnnounced = false, sawAnnouncedBy = false
        var deal = Deal(id: "", title: "", country: "", announced: PartialDate(year: 1, month: 1, day: 1))
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("id"):
                try keys.insert(0, key)
                let n = reported
                id = try string(&r, path() + ".id")
                idReported = reported > n
                if let v = id, let p = DealValidator.idProblem(v) { issues.append(.error(path() + ".id", p)) }
            case _ where key.is("title"):
                try keys.insert(1, key)
                let n = reported
                title = try string(&r, path() + ".title")
                titleReported = reported > n
                if let v = title, let p = DealValidator.textProblem(v) { issues.append(.error(path() + ".title", p)) }
            case _ where key.is("country"):
                try keys.insert(2, key)
                let n = reported
                country = try string(&r, path() + ".country")
                countryReported = reported > n
                if let v = country, let p = DealValidator.countryProblem(v) { issues.append(.error(path() + ".country", p)) }
            case _ where key.is("announced"):
                try keys.insert(3, key)
                sawAnnounced = true
                if let s = try string(&r, path() + ".announced") { announced = date(s, path() + ".announced") }
            case _ where key.is("status"):
                try keys.insert(4, key)
                deal.status = try enumValue(&r, DealStatus.self, path() + ".status") ?? .announced
            case _ where key.is("sponsor"): try keys.insert(5, key); deal.sponsor = try text(&r, path() + ".sponsor")
            case _ where key.is("platform"): try keys.insert(6, key); deal.platform = try text(&r, path() + ".platform")
            case _ where key.is("site"): try keys.insert(7, key); deal.site = try text(&r, path() + ".site")
            case _ where key.is("notes"): try keys.insert(8, key); deal.notes = try string(&r, path() + ".notes", nullable: true)
            case _ where key.is("partners"):
                try keys.insert(9, key)
                deal.partners = try objectArray(&r, path() + ".partners") { d, r, base, i in try d.readPartner(&r, base, i) }
            case _ where key.is("capacity"):
                try keys.insert(10, key)
                if try r.peekKind() == .null { try r.readNull(); break }
                if try expect(.object, &r, path() + ".capacity") { deal.capacity = try readCapacity(&r, { path() + ".capacity" }) }
            case _ where key.is("accelerators"):
                try keys.insert(11, key)
                if try r.peekKind() == .null { try r.readNull(); break }
                if try expect(.object, &r, path() + ".accelerators") { deal.accelerators = try readAccelerators(&r, { path() + ".accelerators" }) }
            case _ where key.is("investment"):
                try keys.insert(12, key)
                if try r.peekKind() == .null { try r.readNull(); break }
                if try expect(.object, &r, path() + ".investment") { deal.investment = try readInvestment(&r, { path() + ".investment" }) }
            case _ where key.is("models"): try keys.insert(13, key); deal.models = try stringArray(&r, path() + ".models")
            case _ where key.is("tags"): try keys.insert(14, key); deal.tags = try stringArray(&r, path() + ".tags")
            case _ where key.is("milestones"):
                try keys.insert(15, key)
                deal.milestones = try objectArray(&r, path() + ".milestones") { d, r, base, i in try d.readMilestone(&r, base, i) }
            case _ where key.is("sources"):
                try keys.insert(16, key)
                deal.sources = try objectArray(&r, path() + ".sources") { d, r, base, i in try d.readSource(&r, base, i) }
            // Version 2's keys last: a version-1 deal's keys are matched without trying them first.
            case _ where key.is("announcedBy"):
                try keys.insert(17, key)
                sawAnnouncedBy = true
                if let s = try string(&r, path() + ".announcedBy") {
                    announced = date(s, path() + ".announcedBy")
                    deal.announcedStated = false
                }
            case _ where key.is("kind"):
                try keys.insert(18, key)
                deal.kind = try enumValue(&r, DealKind.self, path() + ".kind")
            case _ where key.is("products"): try keys.insert(19, key); deal.products = try stringArray(&r, path() + ".products")
            case _ where key.is("cite"):
                try keys.insert(20, key)
                if try expect(.object, &r, path() + ".cite") { deal.cite = try readCitations(&r, { path() + ".cite" }) }
            default:
                let keyName = try keys.insertExtra(key, among: deal.extra)
                deal.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if id == nil && !idReported { missing("id", path()) }
        if title == nil && !titleReported { missing("title", path()) }
        if country == nil && !countryReported { missing("country", path()) }
        if sawAnnounced && sawAnnouncedBy {
            issues.append(.error(path(), "has both \"announced\" and \"announcedBy\"; a date is either stated or not"))
        } else if !sawAnnounced && !sawAnnouncedBy {
            missing("announced", path())
        }
        deal.id = id ?? ""
        deal.title = title ?? ""
        deal.country = country ?? ""
        if let announced { deal.announced = announced }
        if let p = DealValidator.citationProblem(deal) { issues.append(.error(path() + p.key, p.message)) }
        if reported == before { issues += DealValidator.warnings(for: deal, at: path()) }
        return deal
    }

    private mutating func readPartner(_ r: inout JSONReader, _ base: () -> String, _ index: Int) throws -> Partner? {
        // The path is made only when a message needs it.
        func path() -> String { "\(base())[\(index)]" }
        var name: String?, role: PartnerRole?, sawRole = false, nameReported = false, supplies: String?, to: String?
        var extra: [JSONField] = []
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("name"):
                try keys.insert(0, key)
                let n = reported
                name = try text(&r, path() + ".name")
                nameReported = reported > n
            case _ where key.is("role"): try keys.insert(1, key); sawRole = true; role = try enumValue(&r, PartnerRole.self, path() + ".role")
            case _ where key.is("supplies"): try keys.insert(2, key); supplies = try text(&r, path() + ".supplies")
            case _ where key.is("to"): try keys.insert(3, key); to = try text(&r, path() + ".to")
            default:
                let keyName = try keys.insertExtra(key, among: extra)
                extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if name == nil && !nameReported { missing("name", path()) }
        if !sawRole { missing("role", path()) }
        guard let name, let role else { return nil }
        return Partner(name: name, role: role, supplies: supplies, to: to, extra: extra)
    }

    private mutating func readCapacity(_ r: inout JSONReader, _ path: () -> String) throws -> Capacity {
        var c = Capacity()
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("initialMW"): try keys.insert(0, key); c.initialMW = try megawatts(&r, path() + ".initialMW")
            case _ where key.is("targetMW"): try keys.insert(1, key); c.targetMW = try megawatts(&r, path() + ".targetMW")
            case _ where key.is("operationalMW"): try keys.insert(2, key); c.operationalMW = try megawatts(&r, path() + ".operationalMW")
            case _ where key.is("confidence"): try keys.insert(3, key); c.confidence = try enumValue(&r, Confidence.self, path() + ".confidence")
            case _ where key.is("approx"):
                try keys.insert(4, key)
                for (i, name) in try stringArray(&r, path() + ".approx").enumerated() {
                    if let f = CapacityFigures.keyed.first(where: { $0.key == name }) {
                        c.approx.insert(f.figure)
                    } else {
                        issues.append(.error(path() + ".approx[\(i)]", DealValidator.enumProblem(name, allowed: "initialMW, targetMW, operationalMW")))
                    }
                }
            default:
                let keyName = try keys.insertExtra(key, among: c.extra)
                c.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        return c
    }

    private mutating func readAccelerators(_ r: inout JSONReader, _ path: () -> String) throws -> Accelerators {
        var a = Accelerators()
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("count"):
                try keys.insert(0, key)
                if let n = try number(&r, path() + ".count", nullable: true) {
                    if n != n.rounded() || !n.isFinite || abs(n) > 1e15 {
                        issues.append(.error(path() + ".count", "must be a whole number"))
                    } else {
                        a.count = Int(n)
                        if let p = DealValidator.countProblem(Int(n)) { issues.append(.error(path() + ".count", p)) }
                    }
                }
            case _ where key.is("type"): try keys.insert(1, key); a.type = try string(&r, path() + ".type", nullable: true)
            default:
                let keyName = try keys.insertExtra(key, among: a.extra)
                a.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        return a
    }

    private mutating func readInvestment(_ r: inout JSONReader, _ path: () -> String) throws -> Investment? {
        var amount: Double?, currency: String?, sawAmount = false, sawCurrency = false
        var extra: [JSONField] = []
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("amount"):
                try keys.insert(0, key)
                sawAmount = true
                amount = try number(&r, path() + ".amount")
                if let a = amount, let p = DealValidator.amountProblem(a) { issues.append(.error(path() + ".amount", p)) }
            case _ where key.is("currency"):
                try keys.insert(1, key)
                sawCurrency = true
                currency = try string(&r, path() + ".currency")
                if let c = currency, let p = DealValidator.currencyProblem(c) { issues.append(.error(path() + ".currency", p)) }
            default:
                let keyName = try keys.insertExtra(key, among: extra)
                extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if !sawAmount { missing("amount", path()) }
        if !sawCurrency { missing("currency", path()) }
        guard let amount, let currency else { return nil }
        return Investment(amount: amount, currency: currency, extra: extra)
    }

    private mutating func readMilestone(_ r: inout JSONReader, _ base: () -> String, _ index: Int) throws -> Milestone? {
        // The path is made only when a message needs it.
        func path() -> String { "\(base())[\(index)]" }
        var date: PartialDate?, event: String?, done = false, sawDate = false, eventReported = false, cite: [Int] = []
        var extra: [JSONField] = []
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("date"):
                try keys.insert(0, key)
                sawDate = true
                if let s = try string(&r, path() + ".date") { date = self.date(s, path() + ".date") }
            case _ where key.is("event"):
                try keys.insert(1, key)
                let n = reported
                event = try text(&r, path() + ".event")
                eventReported = reported > n
            case _ where key.is("done"):
                try keys.insert(2, key)
                if try expect(.bool, &r, path() + ".done") { done = try r.readBool() }
            case _ where key.is("cite"): try keys.insert(3, key); cite = try sourceNumbers(&r, path() + ".cite")
            default:
                let keyName = try keys.insertExtra(key, among: extra)
                extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if !sawDate { missing("date", path()) }
        if event == nil && !eventReported { missing("event", path()) }
        guard let date, let event else { return nil }
        return Milestone(date: date, event: event, done: done, cite: cite, extra: extra)
    }

    private mutating func readCitations(_ r: inout JSONReader, _ path: () -> String) throws -> Citations {
        var c = Citations()
        var keys = JSONKeySet()
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            let name = key.string
            guard let figure = Citations.Figure(rawValue: name) else {
                issues.append(.error(path(), DealValidator.enumProblem(name, allowed: Citations.Figure.allCases.map(\.rawValue).joined(separator: ", "))))
                try r.skipValue()
                continue
            }
            try keys.insert(Citations.Figure.allCases.firstIndex(of: figure)!, key)
            c[figure] = try sourceNumbers(&r, path() + "." + name)
        }
        return c
    }

    /// An array of source numbers (whole numbers from 1; whether each names a source is checked with the deal).
    private mutating func sourceNumbers(_ r: inout JSONReader, _ path: @autoclosure () -> String) throws -> [Int] {
        guard try expect(.array, &r, path()) else { return [] }
        var out: [Int] = []
        try r.beginArray()
        var i = 0
        while try r.nextElement() {
            if let n = try number(&r, "\(path())[\(i)]") {
                if n >= 1 && n <= 1e6 && n == n.rounded() { out.append(Int(n)) } else {
                    issues.append(.error("\(path())[\(i)]", "\(JSONWriter.format(n)) is not a source number (1 for the first source)"))
                }
            }
            i += 1
        }
        return out
    }

    private mutating func readSource(_ r: inout JSONReader, _ base: () -> String, _ index: Int) throws -> Source? {
        // The path is made only when a message needs it.
        func path() -> String { "\(base())[\(index)]" }
        var s = Source()
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("title"): try keys.insert(0, key); s.title = try text(&r, path() + ".title")
            case _ where key.is("publisher"): try keys.insert(1, key); s.publisher = try text(&r, path() + ".publisher")
            case _ where key.is("url"): try keys.insert(2, key); s.url = try text(&r, path() + ".url")
            case _ where key.is("date"):
                try keys.insert(3, key)
                if let d = try string(&r, path() + ".date", nullable: true) { s.date = date(d, path() + ".date") }
            default:
                let keyName = try keys.insertExtra(key, among: s.extra)
                s.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if s.title == nil && s.url == nil { issues.append(.error(path(), "a source needs a title or a url")) }
        return s
    }
}
