import Foundation

/// Reads a feed from bytes (version 1 or 2) and checks every rule of the format on the way.
///
/// It keeps going after a problem so that `validate` can list them all in one run;
/// a value of the wrong type is reported and skipped. This type reads the document around
/// the deals; `DealReader` reads each deal, and `ParallelDealSplit` spreads a large deals
/// array over the cores.
public struct FeedDecoder {
    /// What decoding found: the feed (complete only when there is no error) and every issue.
    public struct Result: Sendable {
        public var feed: Feed
        public var issues: [FeedIssue]
        /// True when the document cannot be read as feed v1 at all (syntax, not a feed, newer version).
        public var isFatal: Bool
        /// How the deals array was read (tests check that the fast path is taken when it should be).
        public var strategy = Strategy.inOrder
        /// Errors and warnings found past the first `issueLimit`, counted but not kept.
        public var omittedErrors = 0
        public var omittedWarnings = 0
        /// The `history` array's text, when asked for (`historyText`) and in the canonical
        /// layout: the feed's `history` key then holds `null` in its place, which only a save
        /// that writes this text there may see (see `Store.update(deal:)`).
        var history: HistoryText?
        public var hasErrors: Bool { omittedErrors > 0 || issues.contains { $0.isError } }
        /// Every error found, kept or not.
        public var errorCount: Int { issues.reduce(0) { $0 + ($1.isError ? 1 : 0) } + omittedErrors }
        /// Every warning found, kept or not.
        public var warningCount: Int { issues.count + omittedErrors + omittedWarnings - errorCount }
    }

    /// How the deals array was read: all three give the same result, at different speeds.
    public enum Strategy: Sendable, Equatable {
        /// In order on one core (a small array, or one with a syntax error).
        case inOrder
        /// On every core, cut where the canonical layout (`FeedLayout.dealStart`) starts a deal:
        /// the fast path, for any file `FeedEncoder` wrote.
        case canonicalCuts
        /// On every core, cut after a scan of the whole array on one core (a large file in
        /// another layout: minified, re-indented by hand).
        case scannedCuts
    }

    /// Issues kept: the first this many are listed, the rest only counted. So a 6 MB file of
    /// two million empty deals (eight million problems) is reported in bounded memory and
    /// time; once errors are past the limit the deals read are let go too, since a feed with
    /// errors is never used.
    public static let issueLimit = 100

    /// Reads the deals and keeps the issues, the document's own among them.
    private var reader = DealReader()
    private var strategy = Strategy.inOrder

    private mutating func result(_ feed: Feed) -> Result {
        reader.capIssues()
        return Result(
            feed: feed, issues: reader.issues, isFatal: false, strategy: strategy,
            omittedErrors: reader.omittedErrors, omittedWarnings: reader.omittedWarnings, history: history)
    }

    /// Told of byte ranges that have been read and will not be read again, so a caller can let go of them.
    private var consumed: (@Sendable (Range<Int>) -> Void)?
    private var parallel = true
    private var parallelFrom = FeedDecoder.parallelThreshold
    /// Keep the history's text rather than a tree of it, when it is in the canonical layout.
    private var historyText = false
    private var history: HistoryText?

    /// Decodes and validates a whole document.
    public static func decode(_ data: [UInt8]) -> Result {
        data.withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// Decodes and validates a document in memory the caller owns (a mapped file, say).
    /// `parallel: false` reads on one core whatever the size (tests compare the two);
    /// A deals array of `parallelFrom` bytes or more is read on every core (tests lower it,
    /// so that small feeds take the paths a large one takes).
    ///
    /// With `keeping`, the feed holds only the deals it accepts, as it leaves them (it may
    /// drop fields the caller will not read); every deal is still read and checked first,
    /// and the issues are those of the whole document. A deal let go is freed at
    /// once, so the next deals reuse its memory: `list --country KR` on 100,000 deals holds
    /// the 4,000 it shows, not all of them (a fifth of the time, in page faults, is saved).
    ///
    /// `historyText` keeps a history in the canonical layout as its text (`Result.history`),
    /// checked but not read into a tree: for a save, which writes it back as it is.
    public static func decode(
        buffer data: UnsafeBufferPointer<UInt8>, consumed: (@Sendable (Range<Int>) -> Void)? = nil,
        parallel: Bool = true, parallelFrom: Int = parallelThreshold,
        keeping keep: (@Sendable (inout Deal) -> Bool)? = nil
    ) -> Result {
        decode(
            buffer: data, consumed: consumed, parallel: parallel, parallelFrom: parallelFrom, keeping: keep,
            historyText: false)
    }

    static func decode(
        buffer data: UnsafeBufferPointer<UInt8>, consumed: (@Sendable (Range<Int>) -> Void)? = nil,
        parallel: Bool = true, parallelFrom: Int = parallelThreshold,
        keeping keep: (@Sendable (inout Deal) -> Bool)? = nil, historyText: Bool
    ) -> Result {
        var decoder = FeedDecoder()
        decoder.consumed = consumed
        decoder.parallel = parallel
        decoder.parallelFrom = parallelFrom
        decoder.reader.keep = keep
        decoder.historyText = historyText
        return decoder.run(data)
    }

    private mutating func run(_ data: UnsafeBufferPointer<UInt8>) -> Result {
        var feed = Feed()
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Result(
                feed: feed, issues: [FeedIssue(.error, .document, "the file is empty; expected a sovtrack feed")],
                isFatal: true)
        }
        var fatal: FeedIssue?
        do {
            try JSONReader.parse(buffer: data) { r in
                let kind = try r.peekKind()
                guard kind == .object else {
                    let (l, c) = JSONReader.lineAndColumn(of: r.offset, in: data)
                    fatal = FeedIssue(
                        .error, .position(line: l, column: c),
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
        if !reader.order.increasing {
            guard let keep = reader.keep else {
                reader.issues += DealValidator.duplicateIssues(feed.deals)
                reader.capIssues()
                return result(feed)
            }
            var all = FeedDecoder.decode(
                buffer: data, consumed: consumed, parallel: parallel, parallelFrom: parallelFrom)
            var kept: [Deal] = []
            for var deal in all.feed.deals where keep(&deal) { kept.append(deal) }
            all.feed.deals = kept
            return all
        }
        return result(feed)
    }

    /// Bytes read between two calls of `consumed`.
    static let releaseStep = 8 << 20
    /// Below this many bytes of deals, one core is faster than starting threads.
    public static let parallelThreshold = 4 << 20

    /// Returns a fatal issue when the document is not a v1 feed.
    private mutating func readDocument(_ r: inout JSONReader, into feed: inout Feed) throws -> FeedIssue? {
        var format: String?
        var version: Double?
        var sawDeals = false
        var sawVersion = false
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("format"):
                try keys.insert(0, key)
                let kind = try r.peekKind()
                guard kind == .string else {
                    return FeedIssue(
                        .error, .path("format"),
                        "expected \"sovtrack-feed\", found \(kind.typeName): this is not a sovtrack feed")
                }
                format = try r.readString()
                if let f = format, f != Feed.formatName {
                    return FeedIssue(
                        .error, .path("format"),
                        "\(FeedIssue.quote(f)) is not a sovtrack feed (expected \"\(Feed.formatName)\")")
                }
            case _ where key.is("version"):
                try keys.insert(1, key)
                sawVersion = true
                version = try reader.number(&r, "version")
                if let v = version {
                    if v > Double(Feed.currentVersion) {
                        return FeedIssue(
                            .error, .path("version"),
                            "version \(JSONWriter.format(v)) was written by a newer sovtrack; this one reads versions up to \(Feed.currentVersion) and leaves the file untouched"
                        )
                    }
                    if v == 1 || v == 2 {
                        feed.version = Int(v)
                    } else {
                        reader.issues.append(.error("version", "must be 1 or \(Feed.currentVersion)"))
                    }
                }
            case _ where key.is("updated"):
                try keys.insert(2, key)
                if let s = try reader.string(&r, "updated") { feed.updated = reader.date(s, "updated") }
            case _ where key.is("deals"):
                try keys.insert(3, key)
                sawDeals = true
                guard try reader.expect(.array, &r, "deals") else { continue }
                if parallel,
                    let split = ParallelDealSplit(consumed: consumed, keep: reader.keep, minimumBytes: parallelFrom)
                        .read(&r)
                {
                    feed.deals = split.deals
                    reader.issues += split.issues
                    reader.omittedErrors += split.omitted.errors
                    reader.omittedWarnings += split.omitted.warnings
                    reader.capIssues()
                    reader.order = split.order
                    strategy = split.strategy
                    continue
                }
                try r.beginArray()
                var i = 0
                var released = r.offset
                while try r.nextElement() {
                    if var deal = try reader.readDeal(&r, index: i), reader.admit(&deal), !reader.truncated {
                        feed.deals.append(deal)
                    }
                    reader.capIssues()
                    i += 1
                    if let consumed, r.offset - released >= FeedDecoder.releaseStep {
                        consumed(released..<r.offset)
                        released = r.offset
                    }
                }
            default:
                let keyName = try keys.insertExtra(key, among: feed.extra)
                if historyText, key.is("history"), let read = HistoryText.read(r.bytes, at: try r.peekOffset()) {
                    history = read.text
                    r.seek(to: read.end, depth: 1)
                    feed.extra.append(JSONField(keyName, .null))
                    continue
                }
                feed.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if format == nil {
            return FeedIssue(.error, .document, "missing required key \"format\": this is not a sovtrack feed")
        }
        if !sawVersion { reader.issues.insert(.error("version", "missing required key \"version\""), at: 0) }
        if !sawDeals { reader.issues.append(.error("deals", "missing required key \"deals\"")) }
        return nil
    }
}
