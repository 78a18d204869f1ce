import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A binary copy of a valid store's decoded feed, kept beside it (`.deals.json.index` beside
/// `deals.json`) so that reading commands skip parsing and checking 100 MB of JSON.
///
/// A cache, never a source of truth: it is used only when it was made from exactly the bytes
/// the store holds now, by exactly this program. Its header names the store's size and
/// `ContentHash` (computed from the store's bytes on every read, not taken from its size or
/// time, which an edit can leave as they were), the program that wrote it (a rebuilt
/// sovtrack, whose rules may differ, makes its own), and a hash of each of its own sections,
/// checked as each is read. Anything else (a store edited by hand or by git, an index cut
/// short or with one byte changed, an older layout) makes the read fall back to the JSON,
/// which then writes a new index. It is written only for a store without errors, after a
/// read that decoded and checked it whole, and holds the warnings that read found.
///
/// Layout (the header's integers 8 bytes little-endian): `magic`, then the header (layout version, program,
/// store size, store hash, head offset, head length, head hash, chunk count, and per chunk its
/// offset, length, hash and number of deals), then the hash of the header, then the sections.
/// The head holds the feed's version, `updated`, top-level extra keys, issues and, when a save
/// wrote the history back as its text (`HistoryText`), that text; each chunk
/// holds `chunkSize` deals, so chunks are checked and decoded on every core at once.
public enum StoreIndex {
    static let magic: [UInt8] = Array("SOVIDX\r\n".utf8)
    /// Changes whenever `IndexWriter`'s layout does.
    static let layoutVersion = 3
    /// Deals per chunk: enough chunks to share among the cores, each small enough to be hashed
    /// and decoded while its bytes are still in the cache.
    static let chunkSize = 1024

    /// Where the index of the store at `file` lives: beside the file its links lead to, where
    /// a save (which writes through the links) puts it.
    public static func path(for file: String) -> String {
        let target = FileSystem.resolvingLinks(file)
        return "\(FileSystem.directory(of: target))/.\(FileSystem.baseName(of: target)).index"
    }

    /// This program, as the index records it: its file's size, time and inode, hashed. A
    /// program rebuilt with other rules has another identity, so never trusts this one's index.
    static let program: Int = {
        var st = stat()
        #if os(Linux)
            let exe = "/proc/self/exe"
        #else
            let exe = CommandLine.arguments.first ?? ""
        #endif
        guard stat(exe, &st) == 0 else { return 0 }
        let parts: [Int64] = [Int64(st.st_size), Int64(st.st_ino), Int64(st.st_mtim.tv_sec), Int64(st.st_mtim.tv_nsec)]
        return parts.withUnsafeBytes { Int(Int64(bitPattern: ContentHash.xxh64($0, seed: 0x534F_5654))) }
    }()

    /// Stores smaller than this are read from their JSON alone: it takes milliseconds, and a
    /// small store is not worth a second file beside it.
    public static let minimumSize = 1 << 20

    /// Decodes and checks the feed at `file` as `FeedDecoder.decode(buffer:consumed:keeping:)`
    /// does, with the same result, through its index when the index holds exactly these bytes;
    /// otherwise from the JSON, and then (no error found) writes the index for the next read.
    ///
    /// A selective read (`keeping`) that finds no index reads every deal first, to write the
    /// index, and only then lets go of those `keep` refuses. `writing: false` uses an index
    /// but never writes one (a load before a save, which would make it stale at once).
    /// `historyText` (only with `writing: false`) as in `FeedDecoder.decode`, when the JSON is read.
    public static func decode(
        file: String, keeping keep: (@Sendable (inout Deal) -> Bool)? = nil,
        writing: Bool = true
    ) throws -> FeedDecoder.Result {
        try decode(file: file, keeping: keep, minimumSize: minimumSize, chunkSize: chunkSize, writing: writing)
    }

    static func decode(file: String, writing: Bool, historyText: Bool) throws -> FeedDecoder.Result {
        try decode(
            file: file, keeping: nil, minimumSize: minimumSize, chunkSize: chunkSize, writing: writing,
            historyText: historyText)
    }

    /// `decode(file:keeping:)` with the sizes tests choose (small, so that small feeds show every case).
    static func decode(
        file: String, keeping keep: (@Sendable (inout Deal) -> Bool)?,
        minimumSize: Int, chunkSize: Int, writing: Bool = true, historyText: Bool = false
    ) throws -> FeedDecoder.Result {
        // Never for a result an index is written from: the index would hold the text's placeholder.
        let historyText = historyText && !writing
        return try FileSystem.withContents(of: file) { buffer, consumed in
            // Without an index to read nor one to write, hashing would be wasted.
            guard buffer.count >= minimumSize, writing || FileSystem.exists(path(for: file)) else {
                return FeedDecoder.decode(buffer: buffer, consumed: consumed, keeping: keep, historyText: historyText)
            }
            // Its pages go as they are hashed; on a miss the decoder maps them in again, from the page cache.
            let hash = ContentHash.of(UnsafeRawBufferPointer(buffer), done: consumed)
            if var indexed = read(for: file, size: buffer.count, hash: hash, keeping: keep, historyText: historyText) {
                // An index holding a tree of the history (written by a save that read it whole,
                // or by a read): a save wants its text, from the JSON.
                if historyText, indexed.history == nil,
                    let at = indexed.feed.extra.firstIndex(where: { $0.key == History.key }),
                    let text = HistoryText.atEnd(of: buffer)
                {
                    indexed.feed.extra[at].value = .null
                    indexed.history = text
                }
                return indexed
            }
            guard writing else {
                return FeedDecoder.decode(buffer: buffer, consumed: consumed, keeping: keep, historyText: historyText)
            }
            var result = FeedDecoder.decode(buffer: buffer, consumed: consumed)
            guard !result.hasErrors, !result.isFatal else { return result }
            write(result, for: file, size: buffer.count, hash: hash, chunkSize: chunkSize)
            if let keep {
                var kept: [Deal] = []
                for var deal in result.feed.deals where keep(&deal) { kept.append(deal) }
                result.feed.deals = kept
            }
            return result
        }
    }

    /// What the decoder would have given for the store's bytes, read from the index; nil when
    /// there is no index for exactly these bytes, or it is damaged. `keep` and `historyText`
    /// as in `FeedDecoder` (a history the index holds as its text comes as that text).
    static func read(
        for file: String, size: Int, hash: UInt64,
        keeping keep: (@Sendable (inout Deal) -> Bool)?, historyText: Bool = false
    ) -> FeedDecoder.Result? {
        try? FileSystem.withContents(of: path(for: file)) { buffer, consumed in
            decode(
                UnsafeRawBufferPointer(buffer), size: size, hash: hash, keeping: keep, historyText: historyText,
                consumed: consumed)
        }
    }

    /// Where each section is, from a header that passed its checks.
    struct Section: Sendable {
        var offset: Int, length: Int, hash: UInt64, deals: Int
    }

    /// `body` given the index's bytes and its chunks (each still to be `checked`), when the index
    /// beside `file` was made by this program from exactly the bytes the store holds now and its
    /// header and head pass their checks; nil otherwise, or when `body` gives nil. For a reader
    /// that takes the deals' bytes as they lie (`IndexCSV`) instead of making the deals.
    static func withChunks<R>(
        of file: String, minimumSize: Int,
        _ body: (UnsafeRawBufferPointer, [Section], _ consumed: @escaping @Sendable (Range<Int>) -> Void) -> R?
    ) -> R? {
        let found = try? FileSystem.withContents(of: file) { buffer, consumed -> R? in
            guard buffer.count >= minimumSize, FileSystem.exists(path(for: file)) else { return nil }
            let hash = ContentHash.of(UnsafeRawBufferPointer(buffer), done: consumed)
            return try FileSystem.withContents(of: path(for: file)) { index, consumed -> R? in
                let bytes = UnsafeRawBufferPointer(index)
                guard let (head, chunks) = sections(bytes, size: buffer.count, hash: hash), checked(bytes, head) != nil
                else { return nil }
                return body(bytes, chunks, consumed)
            }
        }
        return found ?? nil
    }

    /// The head and the chunks an index's header names, when it is this program's index of a
    /// store of `size` bytes hashing to `hash`, and the header passes its checks.
    private static func sections(
        _ bytes: UnsafeRawBufferPointer, size: Int, hash: UInt64
    ) -> (head: Section, chunks: [Section])? {
        guard bytes.count > magic.count, magic.elementsEqual(bytes[0..<magic.count]) else { return nil }
        var r = IndexReader(bytes, at: magic.count)
        guard let fixed = try? (0..<8).map({ _ in try r.word() }),
            fixed[0] == layoutVersion, fixed[1] == program, fixed[2] == size,
            UInt64(bitPattern: Int64(fixed[3])) == hash,
            fixed[7] >= 0, fixed[7] <= (bytes.count - r.offset) / 32,
            let chunks = try? (0..<fixed[7]).map({ _ in
                Section(
                    offset: try r.word(), length: try r.word(), hash: UInt64(bitPattern: Int64(try r.word())),
                    deals: try r.word())
            })
        else { return nil }
        let headerEnd = r.offset
        guard let headerHash = try? r.word(),
            UInt64(bitPattern: Int64(headerHash))
                == ContentHash.xxh64(UnsafeRawBufferPointer(rebasing: bytes[0..<headerEnd]), seed: 0)
        else { return nil }
        let head = Section(offset: fixed[4], length: fixed[5], hash: UInt64(bitPattern: Int64(fixed[6])), deals: 0)
        let all = [head] + chunks
        // A deal takes at least a byte of its chunk: a count past that is a broken header, and
        // readers size their buffers by it.
        guard
            all.allSatisfy({
                $0.offset >= r.offset && $0.length >= 0 && $0.length <= bytes.count - $0.offset
                    && (0...$0.length).contains($0.deals)
            })
        else { return nil }
        return (head, chunks)
    }

    static func decode(
        _ bytes: UnsafeRawBufferPointer, size: Int, hash: UInt64, keeping keep: (@Sendable (inout Deal) -> Bool)?,
        historyText: Bool = false, consumed: @escaping @Sendable (Range<Int>) -> Void
    ) -> FeedDecoder.Result? {
        guard let (head, chunks) = sections(bytes, size: size, hash: hash), let headBytes = checked(bytes, head) else {
            return nil
        }
        var feed = Feed()
        var result: FeedDecoder.Result
        do {
            var h = IndexReader(headBytes)
            feed.version = try h.int()
            feed.updated = try h.optionalDate()
            feed.extra = try h.fields()
            let issues = try h.list { try $0.issue() }
            let omittedWarnings = try h.int()
            result = FeedDecoder.Result(
                feed: feed, issues: issues, isFatal: false, omittedErrors: 0, omittedWarnings: omittedWarnings)
            if let text = try h.optional({ try $0.blob() }), !place(text, in: &result, asText: historyText) {
                return nil
            }
        } catch { return nil }
        guard let deals = decodeChunks(bytes, chunks, keeping: keep, consumed: consumed) else { return nil }
        result.feed.deals = deals
        return result
    }

    /// Puts a history the index holds as its JSON text where the head's placeholder (`null`) is:
    /// as that text for a save (`asText`), else as the tree the decoder reads from it. False
    /// when there is no placeholder or the text does not read.
    private static func place(_ text: [UInt8], in result: inout FeedDecoder.Result, asText: Bool) -> Bool {
        guard let at = result.feed.extra.firstIndex(where: { $0.key == History.key }),
            case .null = result.feed.extra[at].value
        else { return false }
        if asText, let read = text.withUnsafeBufferPointer({ HistoryText.read($0, at: 0) }), read.end == text.count {
            result.history = read.text
            return true
        }
        let tree = try? JSONReader.parse(text) { r -> JSONValue in
            let value = try r.readValue()
            try r.expectEnd()
            return value
        }
        guard let tree else { return false }
        result.feed.extra[at].value = tree
        return true
    }

    /// A section's bytes if they hash as the header says.
    static func checked(_ bytes: UnsafeRawBufferPointer, _ s: Section) -> UnsafeRawBufferPointer? {
        let part = UnsafeRawBufferPointer(rebasing: bytes[s.offset..<s.offset + s.length])
        return ContentHash.xxh64(part, seed: 0) == s.hash ? part : nil
    }

    /// The chunks' deals that `keep` accepts, in order, each chunk checked and decoded on its
    /// own core; nil if any chunk fails its check.
    private static func decodeChunks(
        _ bytes: UnsafeRawBufferPointer, _ chunks: [Section], keeping keep: (@Sendable (inout Deal) -> Bool)?,
        consumed: @escaping @Sendable (Range<Int>) -> Void
    ) -> [Deal]? {
        let shared = ReadOnlyBuffer(bytes.assumingMemoryBound(to: UInt8.self))
        // Optionals, so that the join moves each deal out (`Array(moving:)`) instead of copying it.
        var pieces = Parallel.map(chunks.count) { k -> [Deal?]? in
            let s = chunks[k]
            guard let part = checked(UnsafeRawBufferPointer(shared.buffer), s) else { return nil }
            var out: [Deal?] = []
            out.reserveCapacity(min(s.deals, part.count))
            var r = IndexReader(part)
            do {
                for _ in 0..<s.deals {
                    var deal = try r.deal()
                    if keep?(&deal) ?? true { out.append(consume deal) }
                }
            } catch { return nil }
            // Read once: its pages can go now (the file stays on disk, in the page cache).
            consumed(s.offset..<s.offset + s.length)
            return r.offset == part.count ? out : nil
        }
        guard pieces.allSatisfy({ $0 != nil }) else { return nil }
        var parts = pieces.indices.map { pieces[$0].take()! }
        return [Deal](moving: &parts)
    }

    /// Writes the index of a store a save has just written, from the feed it wrote: so the
    /// read after a save finds an index instead of decoding the whole JSON to make one.
    ///
    /// `size` and `hash` are of the bytes the save encoded (hashed as they were written, not
    /// read back from the file, which someone could have changed since). The index holds
    /// what decoding those bytes gives: the same deals (the encoder writes every field the
    /// decoder reads back, `StoreIndexTests` compare the two), the version written, and the
    /// warnings of every deal as the decoder reports them (a saved feed has no error).
    /// `history`: the text a save wrote in place of the feed's placeholder, which the index keeps.
    static func write(
        saved feed: Feed, history: HistoryText? = nil, for file: String, size: Int, hash: UInt64,
        minimumSize: Int = minimumSize
    ) {
        guard size >= minimumSize else {
            // A store that shrank below the size: its old index can never match again.
            unlink(path(for: file))
            return
        }
        var result = FeedDecoder.Result(feed: feed, issues: [], isFatal: false)
        result.feed.version = feed.versionToWrite
        result.history = history
        let exact = feed.deals.withUnsafeBufferPointer { all -> Bool in
            var kept = 0
            for i in all.indices {
                // -0 is written "0" and reads back +0: the one value the feed does not keep as it
                // is in memory. Such a store gets its index from the next read, as before.
                guard !hasNegativeZero(all[i]) else { return false }
                for issue in DealValidator.warnings(for: all[i], at: "deals[\(i)]") {
                    if kept < FeedDecoder.issueLimit {
                        result.issues.append(issue)
                        kept += 1
                    } else {
                        result.omittedWarnings += 1
                    }
                }
            }
            return true
        }
        if exact { write(result, for: file, size: size, hash: hash) } else { unlink(path(for: file)) }
    }

    /// Whether one of the deal's numbers is -0 (a user may type `-0` megawatts).
    private static func hasNegativeZero(_ d: Deal) -> Bool {
        func negativeZero(_ v: Double?) -> Bool { v.map { $0 == 0 && $0.sign == .minus } ?? false }
        guard let c = d.capacity else { return negativeZero(d.investment?.amount) }
        return negativeZero(c.initialMW) || negativeZero(c.targetMW) || negativeZero(c.operationalMW)
            || negativeZero(d.investment?.amount)
    }

    /// Writes the index of a store whose bytes have `size` and `hash`, from what decoding them
    /// gave (a result without errors, every deal kept, its `history` text, if any, in place of
    /// the placeholder its feed holds). Best effort: a store in a directory
    /// the user cannot write to simply has no index. Not flushed to disk: a crash that leaves
    /// it incomplete leaves it failing its own checks, and it is made again.
    static func write(
        _ result: FeedDecoder.Result, for file: String, size: Int, hash: UInt64, chunkSize: Int = chunkSize
    ) {
        guard !result.hasErrors, !result.isFatal else { return }
        let deals = result.feed.deals
        var head = IndexWriter()
        head.int(result.feed.version)
        head.date(result.feed.updated)
        head.fields(result.feed.extra)
        head.list(result.issues) { $0.issue($1) }
        head.int(result.omittedWarnings)
        head.optional(result.history?.bytes) { $0.blob($1) }
        let chunkCount = (deals.count + chunkSize - 1) / chunkSize
        let headerLength = magic.count + 8 * 8 + chunkCount * 32 + 8
        let target = path(for: file)
        let tmp = "\(target).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        // The header goes last, over room left for it: it holds every chunk's length and hash.
        var ok = writeAll(fd, [UInt8](repeating: 0, count: headerLength)) && writeAll(fd, head.bytes)
        var offset = headerLength + head.bytes.count
        var table = IndexWriter()
        // A few chunks at a time (one per core, twice over), so the index is never in memory whole.
        let batch = Parallel.cores * 2
        deals.withUnsafeBufferPointer { all in
            // Read in place on every core: a deal copied out of the array retains each of its strings.
            let shared = ReadOnlyBuffer(all)
            let total = all.count
            for first in stride(from: 0, to: chunkCount, by: batch) where ok {
                let encoded = Parallel.map(min(batch, chunkCount - first)) { j -> [UInt8] in
                    let every = shared.buffer
                    let k = first + j
                    var w = IndexWriter(capacity: chunkSize * 700)
                    for i in k * chunkSize..<min(total, (k + 1) * chunkSize) { w.deal(every[i]) }
                    return w.bytes
                }
                for (j, chunk) in encoded.enumerated() where ok {
                    let k = first + j
                    table.word(offset)
                    table.word(chunk.count)
                    table.word(hashInt(chunk))
                    table.word(min(total, (k + 1) * chunkSize) - k * chunkSize)
                    offset += chunk.count
                    ok = writeAll(fd, chunk)
                }
            }
        }
        var header = IndexWriter()
        for i in [
            layoutVersion, program, size, Int(Int64(bitPattern: hash)), headerLength, head.bytes.count,
            hashInt(head.bytes), chunkCount,
        ] { header.word(i) }
        var bytes = magic + header.bytes + table.bytes
        bytes += withUnsafeBytes(of: Int64(hashInt(bytes)).littleEndian) { Array($0) }
        ok =
            ok && bytes.count == headerLength
            && bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) == $0.count }
        ok = close(fd) == 0 && ok
        if !ok || rename(tmp, target) != 0 { unlink(tmp) }
    }

    private static func hashInt(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { Int(Int64(bitPattern: ContentHash.xxh64($0, seed: 0))) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buf in
            var done = 0
            while done < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += n
            }
            return true
        }
    }
}
