import Foundation

/// Reads a feed from bytes and checks every rule of feed v1 on the way.
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
        public var hasErrors: Bool { issues.contains { $0.isError } }
    }

    private var issues: [FeedIssue] = []

    /// Told of byte ranges that have been read and will not be read again, so a caller can let go of them.
    private var consumed: (@Sendable (Range<Int>) -> Void)?
    private var parallel = true

    /// Decodes and validates a whole document.
    public static func decode(_ data: [UInt8]) -> Result {
        data.withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// Decodes and validates a document in memory the caller owns (a mapped file, say).
    /// `parallel: false` reads on one core whatever the size (tests compare the two).
    public static func decode(buffer data: UnsafeBufferPointer<UInt8>, consumed: (@Sendable (Range<Int>) -> Void)? = nil,
                              parallel: Bool = true) -> Result {
        var decoder = FeedDecoder()
        decoder.consumed = consumed
        decoder.parallel = parallel
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
        issues += DealValidator.duplicateIssues(feed.deals)
        return Result(feed: feed, issues: issues, isFatal: false)
    }

    /// Returns a fatal issue when the document is not a v1 feed.
    private mutating func readDocument(_ r: inout JSONReader, into feed: inout Feed) throws -> FeedIssue? {
        var format: String?, version: Double?, sawDeals = false, sawVersion = false
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("format"):
                let kind = try r.peekKind()
                guard kind == .string else {
                    return FeedIssue(.error, .path("format"), "expected \"sovtrack-feed\", found \(kind.typeName): this is not a sovtrack feed")
                }
                format = try r.readString()
                if let f = format, f != Feed.formatName {
                    return FeedIssue(.error, .path("format"), "\(FeedIssue.quote(f)) is not a sovtrack feed (expected \"\(Feed.formatName)\")")
                }
            case _ where key.is("version"):
                sawVersion = true
                version = try number(&r, "version")
                if let v = version {
                    if v > Double(Feed.currentVersion) {
                        return FeedIssue(.error, .path("version"), "version \(JSONWriter.format(v)) was written by a newer sovtrack; this one reads version \(Feed.currentVersion) and leaves the file untouched")
                    }
                    if v != Double(Feed.currentVersion) { issues.append(.error("version", "must be \(Feed.currentVersion)")) }
                }
            case _ where key.is("updated"):
                if let s = try string(&r, "updated") { feed.updated = date(s, "updated") }
            case _ where key.is("deals"):
                if sawDeals {
                    // A second array would renumber deals[0], deals[1]... and every path would mislead.
                    issues.append(.error("deals", "the key \"deals\" appears twice; a feed has one deals array"))
                    try r.skipValue()
                    continue
                }
                sawDeals = true
                guard try expect(.array, &r, "deals") else { continue }
                if let parallel = readDealsInParallel(&r) {
                    feed.deals = parallel.deals
                    issues += parallel.issues
                    continue
                }
                try r.beginArray()
                var i = 0
                var released = r.offset
                while try r.nextElement() {
                    if let deal = try readDeal(&r, index: i) { feed.deals.append(deal) }
                    i += 1
                    if let consumed, r.offset - released >= FeedDecoder.releaseStep {
                        consumed(released..<r.offset)
                        released = r.offset
                    }
                }
            default:
                feed.extra.append(JSONField(key.string, try r.readValue()))
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

    /// What one core read: how many deals it placed in its slots, its issues, its syntax error.
    private struct Chunk {
        var count = 0
        var issues: [FeedIssue] = []
        var failed = false
    }

    /// Memory the cores write into, each in its own part, so no Swift array is shared between threads.
    private struct Slots: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let deals: UnsafeMutablePointer<Deal>
        let chunks: UnsafeMutablePointer<Chunk>
    }

    /// Decodes the deals array on every core when it is large: a scan finds where each deal
    /// starts, and each core decodes a contiguous run of deals. Returns nil (nothing consumed)
    /// when the array is small or the scan cannot follow it, and the caller reads it in order.
    private mutating func readDealsInParallel(_ r: inout JSONReader) -> (deals: [Deal], issues: [FeedIssue])? {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        guard parallel, cores > 1, let open = try? r.peekOffset(),
              r.bytes.count - open >= FeedDecoder.parallelThreshold,
              let (starts, end) = JSONArrayScanner.elements(in: r.bytes, arrayAt: open),
              starts.count >= cores * 64
        else { return nil }
        let slots = Slots(bytes: r.bytes, deals: .allocate(capacity: starts.count), chunks: .allocate(capacity: cores))
        slots.chunks.initialize(repeating: Chunk(), count: cores)
        defer {
            slots.chunks.deinitialize(count: cores)
            slots.chunks.deallocate()
            slots.deals.deallocate()
        }
        let per = (starts.count + cores - 1) / cores
        let consumed = self.consumed
        DispatchQueue.concurrentPerform(iterations: cores) { k in
            let lo = k * per, hi = min(starts.count, lo + per)
            guard lo < hi else { return }
            var decoder = FeedDecoder()
            var reader = JSONReader(bytes: slots.bytes)
            var count = 0
            var released = starts[lo]
            do {
                for i in lo..<hi {
                    reader.seek(to: starts[i])
                    if let deal = try decoder.readDeal(&reader, index: i) {
                        (slots.deals + lo + count).initialize(to: deal)
                        count += 1
                    }
                    let separator = reader.nextSignificantByte()
                    let expected = i == starts.count - 1 ? UInt8(ascii: "]") : UInt8(ascii: ",")
                    if separator != expected {
                        throw JSONSyntaxError(offset: reader.offset - 1, message: "expected ',' or ']' after an array element")
                    }
                    if let consumed, reader.offset - released >= FeedDecoder.releaseStep {
                        consumed(released..<reader.offset)
                        released = reader.offset
                    }
                }
            } catch {
                slots.chunks[k].failed = true
            }
            slots.chunks[k].count = count
            slots.chunks[k].issues = decoder.issues
        }
        let chunks = (0..<cores).map { slots.chunks[$0] }
        // A syntax error anywhere: read again in order, which reports the first one exactly.
        if chunks.contains(where: \.failed) {
            for (k, c) in chunks.enumerated() { (slots.deals + k * per).deinitialize(count: c.count) }
            return nil
        }
        r.seek(to: end)
        // Move the deals out of the slots: copying 100,000 deals was a tenth of a load.
        let total = chunks.reduce(0) { $0 + $1.count }
        let deals = [Deal](unsafeUninitializedCapacity: total) { buffer, n in
            n = 0
            for (k, c) in chunks.enumerated() {
                (buffer.baseAddress! + n).moveInitialize(from: slots.deals + k * per, count: c.count)
                n += c.count
            }
        }
        return (deals, chunks.flatMap(\.issues))
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
        try r.beginArray()
        var i = 0
        while try r.nextElement() {
            if let s = try string(&r, "\(path())[\(i)]") {
                if let p = DealValidator.textProblem(s) { issues.append(.error("\(path())[\(i)]", p)) } else { out.append(s) }
            }
            i += 1
        }
        return out
    }

    private mutating func objectArray<T>(
        _ r: inout JSONReader, _ path: @autoclosure () -> String,
        _ element: (inout FeedDecoder, inout JSONReader, _ base: String, _ index: Int) throws -> T?
    ) throws -> [T] {
        guard try expect(.array, &r, path()) else { return [] }
        var out: [T] = []
        try r.beginArray()
        var i = 0
        let base = path()
        while try r.nextElement() {
            if try expect(.object, &r, "\(base)[\(i)]"), let v = try element(&self, &r, base, i) { out.append(v) }
            i += 1
        }
        return out
    }

    private mutating func missing(_ key: String, _ path: String) {
        issues.append(.error(path, "missing required key \"\(key)\""))
    }

    // MARK: Deal and its parts

    private mutating func readDeal(_ r: inout JSONReader, index: Int) throws -> Deal? {
        // Built once per deal, not per key; only messages use it.
        let path = "deals[\(index)]"
        guard try expect(.object, &r, path) else { return nil }
        let before = issues.count
        var id: String?, title: String?, country: String?, announced: PartialDate?
        var sawAnnounced = false
        var deal = Deal(id: "", title: "", country: "", announced: PartialDate(year: 1, month: 1, day: 1))
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("id"):
                id = try string(&r, path + ".id")
                if let v = id, let p = DealValidator.idProblem(v) { issues.append(.error(path + ".id", p)) }
            case _ where key.is("title"):
                title = try string(&r, path + ".title")
                if let v = title, let p = DealValidator.textProblem(v) { issues.append(.error(path + ".title", p)) }
            case _ where key.is("country"):
                country = try string(&r, path + ".country")
                if let v = country, let p = DealValidator.countryProblem(v) { issues.append(.error(path + ".country", p)) }
            case _ where key.is("announced"):
                sawAnnounced = true
                if let s = try string(&r, path + ".announced") { announced = date(s, path + ".announced") }
            case _ where key.is("status"):
                deal.status = try enumValue(&r, DealStatus.self, path + ".status") ?? .announced
            case _ where key.is("sponsor"): deal.sponsor = try text(&r, path + ".sponsor")
            case _ where key.is("platform"): deal.platform = try text(&r, path + ".platform")
            case _ where key.is("site"): deal.site = try text(&r, path + ".site")
            case _ where key.is("notes"): deal.notes = try string(&r, path + ".notes", nullable: true)
            case _ where key.is("partners"):
                deal.partners = try objectArray(&r, path + ".partners") { d, r, base, i in try d.readPartner(&r, base, i) }
            case _ where key.is("capacity"):
                if try r.peekKind() == .null { try r.readNull(); break }
                if try expect(.object, &r, path + ".capacity") { deal.capacity = try readCapacity(&r, { path + ".capacity" }) }
            case _ where key.is("accelerators"):
                if try r.peekKind() == .null { try r.readNull(); break }
                if try expect(.object, &r, path + ".accelerators") { deal.accelerators = try readAccelerators(&r, { path + ".accelerators" }) }
            case _ where key.is("investment"):
                if try r.peekKind() == .null { try r.readNull(); break }
                if try expect(.object, &r, path + ".investment") { deal.investment = try readInvestment(&r, { path + ".investment" }) }
            case _ where key.is("models"): deal.models = try stringArray(&r, path + ".models")
            case _ where key.is("tags"): deal.tags = try stringArray(&r, path + ".tags")
            case _ where key.is("milestones"):
                deal.milestones = try objectArray(&r, path + ".milestones") { d, r, base, i in try d.readMilestone(&r, base, i) }
            case _ where key.is("sources"):
                deal.sources = try objectArray(&r, path + ".sources") { d, r, base, i in try d.readSource(&r, base, i) }
            default:
                deal.extra.append(JSONField(key.string, try r.readValue()))
            }
        }
        if id == nil && !issues[before...].contains(where: { $0.location == .path(path + ".id") }) { missing("id", path) }
        if title == nil && !issues[before...].contains(where: { $0.location == .path(path + ".title") }) { missing("title", path) }
        if country == nil && !issues[before...].contains(where: { $0.location == .path(path + ".country") }) { missing("country", path) }
        if !sawAnnounced { missing("announced", path) }
        deal.id = id ?? ""
        deal.title = title ?? ""
        deal.country = country ?? ""
        if let announced { deal.announced = announced }
        if issues.count == before { issues += DealValidator.warnings(for: deal, at: path) }
        return deal
    }

    private mutating func readPartner(_ r: inout JSONReader, _ base: String, _ index: Int) throws -> Partner? {
        // The path is made only when a message needs it.
        func path() -> String { "\(base)[\(index)]" }
        var name: String?, role: PartnerRole?, sawRole = false
        var extra: [JSONField] = []
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("name"): name = try text(&r, path() + ".name")
            case _ where key.is("role"): sawRole = true; role = try enumValue(&r, PartnerRole.self, path() + ".role")
            default: extra.append(JSONField(key.string, try r.readValue()))
            }
        }
        if name == nil && !issues.contains(where: { $0.location == .path(path() + ".name") }) { missing("name", path()) }
        if !sawRole { missing("role", path()) }
        guard let name, let role else { return nil }
        return Partner(name: name, role: role, extra: extra)
    }

    private mutating func readCapacity(_ r: inout JSONReader, _ path: () -> String) throws -> Capacity {
        var c = Capacity()
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("initialMW"): c.initialMW = try megawatts(&r, path() + ".initialMW")
            case _ where key.is("targetMW"): c.targetMW = try megawatts(&r, path() + ".targetMW")
            case _ where key.is("operationalMW"): c.operationalMW = try megawatts(&r, path() + ".operationalMW")
            case _ where key.is("confidence"): c.confidence = try enumValue(&r, Confidence.self, path() + ".confidence")
            default: c.extra.append(JSONField(key.string, try r.readValue()))
            }
        }
        return c
    }

    private mutating func readAccelerators(_ r: inout JSONReader, _ path: () -> String) throws -> Accelerators {
        var a = Accelerators()
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("count"):
                if let n = try number(&r, path() + ".count", nullable: true) {
                    if n != n.rounded() || !n.isFinite || abs(n) > 1e15 {
                        issues.append(.error(path() + ".count", "must be a whole number"))
                    } else {
                        a.count = Int(n)
                        if let p = DealValidator.countProblem(Int(n)) { issues.append(.error(path() + ".count", p)) }
                    }
                }
            case _ where key.is("type"): a.type = try string(&r, path() + ".type", nullable: true)
            default: a.extra.append(JSONField(key.string, try r.readValue()))
            }
        }
        return a
    }

    private mutating func readInvestment(_ r: inout JSONReader, _ path: () -> String) throws -> Investment? {
        var amount: Double?, currency: String?, sawAmount = false, sawCurrency = false
        var extra: [JSONField] = []
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("amount"):
                sawAmount = true
                amount = try number(&r, path() + ".amount")
                if let a = amount, let p = DealValidator.amountProblem(a) { issues.append(.error(path() + ".amount", p)) }
            case _ where key.is("currency"):
                sawCurrency = true
                currency = try string(&r, path() + ".currency")
                if let c = currency, let p = DealValidator.currencyProblem(c) { issues.append(.error(path() + ".currency", p)) }
            default: extra.append(JSONField(key.string, try r.readValue()))
            }
        }
        if !sawAmount { missing("amount", path()) }
        if !sawCurrency { missing("currency", path()) }
        guard let amount, let currency else { return nil }
        return Investment(amount: amount, currency: currency, extra: extra)
    }

    private mutating func readMilestone(_ r: inout JSONReader, _ base: String, _ index: Int) throws -> Milestone? {
        // The path is made only when a message needs it.
        func path() -> String { "\(base)[\(index)]" }
        var date: PartialDate?, event: String?, done = false, sawDate = false
        var extra: [JSONField] = []
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("date"):
                sawDate = true
                if let s = try string(&r, path() + ".date") { date = self.date(s, path() + ".date") }
            case _ where key.is("event"): event = try text(&r, path() + ".event")
            case _ where key.is("done"):
                if try expect(.bool, &r, path() + ".done") { done = try r.readBool() }
            default: extra.append(JSONField(key.string, try r.readValue()))
            }
        }
        if !sawDate { missing("date", path()) }
        if event == nil && !issues.contains(where: { $0.location == .path(path() + ".event") }) { missing("event", path()) }
        guard let date, let event else { return nil }
        return Milestone(date: date, event: event, done: done, extra: extra)
    }

    private mutating func readSource(_ r: inout JSONReader, _ base: String, _ index: Int) throws -> Source? {
        // The path is made only when a message needs it.
        func path() -> String { "\(base)[\(index)]" }
        var s = Source()
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("title"): s.title = try text(&r, path() + ".title")
            case _ where key.is("publisher"): s.publisher = try text(&r, path() + ".publisher")
            case _ where key.is("url"): s.url = try text(&r, path() + ".url")
            case _ where key.is("date"):
                if let d = try string(&r, path() + ".date", nullable: true) { s.date = date(d, path() + ".date") }
            default: s.extra.append(JSONField(key.string, try r.readValue()))
            }
        }
        if s.title == nil && s.url == nil { issues.append(.error(path(), "a source needs a title or a url")) }
        return s
    }
}
