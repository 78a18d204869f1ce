import Foundation

/// Decodes a large deals array on every core, in pieces of whole deals, and joins the pieces
/// into what an in-order read would have given: the same deals, issues (numbered in the whole
/// array) and id order.
///
/// The array is cut into pieces, one run of whole deals each, decoded at once on all cores.
/// The cuts come from a guess first: a raw newline never occurs inside a JSON string, so in
/// the canonical layout a line `FeedLayout.dealStart` starts a deal, and finding one near each
/// cut costs nothing. A guess is trusted only once proven: each piece is read from its start
/// until the next deal starts at or past the following cut, and that must be exactly where the
/// next piece began. Any mismatch (a hand-edited or minified file) falls back to cuts from a
/// scan of the whole array, which is exact but reads every byte on one core first.
struct ParallelDealSplit {
    /// Told of byte ranges that have been read and will not be read again.
    var consumed: (@Sendable (Range<Int>) -> Void)?
    /// For a selective read: the deals to keep (all when nil), which it may also trim.
    var keep: (@Sendable (inout Deal) -> Bool)?
    /// Below this many bytes of deals the array is left to the in-order read.
    var minimumBytes = FeedDecoder.parallelThreshold

    /// What the pieces gave, joined.
    struct Joined {
        var deals: [Deal]
        var issues: [FeedIssue]
        var omitted: (errors: Int, warnings: Int)
        var order: IDOrder
        /// `.canonicalCuts` or `.scannedCuts`.
        var strategy: FeedDecoder.Strategy
    }

    /// Decodes the deals array at `r` (before its `[`) on every core when it is large, and moves
    /// `r` past its `]`. Returns nil (nothing consumed, `r` unmoved) when the array is small or
    /// has a syntax error, and the caller reads it in order, which reports the first error exactly.
    func read(_ r: inout JSONReader) -> Joined? {
        let cores = Parallel.cores
        guard cores > 1, let open = try? r.peekOffset(),
            r.bytes.count - open >= minimumBytes
        else { return nil }
        var first = JSONReader(bytes: r.bytes)
        first.seek(to: open + 1)
        guard let start = try? first.peekOffset(), r.bytes[start] != UInt8(ascii: "]") else { return nil }
        // Several pieces per core, so a core slowed by another process does not hold up the rest.
        let pieces = cores * 8
        var strategy = FeedDecoder.Strategy.canonicalCuts
        let guessed = ParallelDealSplit.guessedStarts(in: r.bytes, from: start, pieces: pieces)
        // No cut found at all (no line is `dealStart`: another layout) would be one piece, read
        // on one core: the exact scan splits such a file instead.
        var outcome = guessed.count > 1 ? decodePieces(startingAt: guessed, r.bytes) : .mismatch
        if case .mismatch = outcome {
            strategy = .scannedCuts
            guard let (starts, _) = JSONArrayScanner.elements(in: r.bytes, arrayAt: open), starts.count >= pieces else {
                return nil
            }
            let per = (starts.count + pieces - 1) / pieces
            outcome = decodePieces(startingAt: stride(from: 0, to: starts.count, by: per).map { starts[$0] }, r.bytes)
        }
        guard case .decoded(let deals, let issues, let omitted, let order, let end) = outcome else { return nil }
        r.seek(to: end, depth: 1)
        return Joined(deals: deals, issues: issues, omitted: omitted, order: order, strategy: strategy)
    }

    /// The first deal, then the first `FeedLayout.dealStart` at or after each of `pieces - 1` even cuts.
    private static func guessedStarts(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, pieces: Int) -> [Int] {
        var starts = [start]
        guard let base = bytes.baseAddress else { return starts }
        let n = bytes.count
        let line = FeedLayout.dealStart
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
        let consumed = self.consumed
        let keep = self.keep
        DispatchQueue.concurrentPerform(iterations: starts.count) { k in
            let limit = k + 1 < starts.count ? starts[k + 1] : Int.max
            var decoder = DealReader(keep: keep)
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
                    if var deal = try decoder.readDeal(&reader, index: piece.elements), decoder.admit(&deal),
                        !decoder.truncated
                    {
                        piece.append(deal)
                    }
                    decoder.capIssues()
                    piece.elements += 1
                    switch reader.nextSignificantByte() {
                    case UInt8(ascii: ",")?:
                        let next = try reader.peekOffset()
                        if next >= limit {
                            piece.stop = .next(next)
                            break reading
                        }
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
        var used = 0
        var end = 0
        chain: for k in starts.indices {
            switch slots.pieces[k].stop {
            case .failed: return .syntaxError
            case .end(let e):
                used = k + 1
                end = e
                break chain
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
                    for issue in piece.issues {
                        if issue.isError { omitted.errors += 1 } else { omitted.warnings += 1 }
                    }
                }
                omitted.errors += piece.omittedErrors
                omitted.warnings += piece.omittedWarnings
                order.append(piece.order)
                base += piece.elements
            }
        }
        return .decoded(deals, issues, omitted, order, end: end)
    }
}
