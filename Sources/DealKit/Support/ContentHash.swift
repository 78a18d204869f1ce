import Foundation

/// A fast 64-bit fingerprint of bytes (XXH64 of each 1 MiB block, on every core, then XXH64
/// of the blocks' digests and the length): what `StoreIndex` compares to tell whether the
/// store's bytes are those it was built from.
///
/// Not a cryptographic hash, and it need not be: the index guards against edits by hand, by
/// git or by another program, not against someone forging a collision (who can write the
/// index can as well write the store). One changed byte always changes the accumulator of its
/// block (each XXH64 round is a bijection of the lane it reads), and two different contents
/// share a digest with a chance of about 2⁻⁶⁴. SHA-256 would read the 110 MB of a large store
/// at ≈ 0.4 GB/s on this machine's cores; this reads it at memory speed.
public enum ContentHash {
    /// Bytes per block hashed on its own: enough blocks for every core, few digests to combine.
    public static let blockSize = 1 << 20

    /// The fingerprint of `bytes`; `done` is told of each block once hashed (to let its pages go).
    ///
    /// `blockSize` is a parameter for tests, whose cases at block edges need not be megabytes;
    /// a fingerprint that is kept (the index's) always uses the default.
    public static func of(
        _ bytes: UnsafeRawBufferPointer, blockSize: Int = ContentHash.blockSize,
        done: (@Sendable (Range<Int>) -> Void)? = nil
    ) -> UInt64 {
        let count = bytes.count
        let blocks = (count + blockSize - 1) / blockSize
        guard blocks > 1 else {
            done?(0..<count)
            return xxh64(bytes, seed: UInt64(count))
        }
        let shared = ReadOnlyBuffer(bytes.assumingMemoryBound(to: UInt8.self))
        let digests = Parallel.map(blocks) { i -> UInt64 in
            let lo = i * blockSize
            let hi = min(count, lo + blockSize)
            let h = xxh64(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: shared.buffer[lo..<hi])), seed: 0)
            done?(lo..<hi)
            return h
        }
        return digests.withUnsafeBytes { xxh64($0, seed: UInt64(count)) }
    }

    /// `of` for bytes that come in pieces (a save hashing the store as it writes it): the same
    /// fingerprint, without the whole in memory.
    ///
    /// Whole blocks inside a piece are hashed in place; only the bytes of a block that spans
    /// pieces are gathered first.
    struct Incremental {
        private let blockSize: Int
        private(set) var count = 0
        private var digests: [UInt64] = []
        private var pending: [UInt8] = []

        /// A stream whose blocks are `blockSize` bytes (the default but in tests, as for `of`).
        init(blockSize: Int = ContentHash.blockSize) { self.blockSize = blockSize }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            guard !bytes.isEmpty else { return }
            count += bytes.count
            // A full block waits for more bytes: a document of one block is hashed whole, not by blocks.
            if pending.count == blockSize { flush() }
            var i = 0
            if !pending.isEmpty {
                i = min(blockSize - pending.count, bytes.count)
                pending.append(contentsOf: bytes[0..<i])
                if pending.count == blockSize && i < bytes.count { flush() }
            }
            while bytes.count - i > blockSize {
                digests.append(xxh64(UnsafeRawBufferPointer(rebasing: bytes[i..<i + blockSize]), seed: 0))
                i += blockSize
            }
            pending.append(contentsOf: bytes[i...])
        }

        mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

        private mutating func flush() {
            digests.append(pending.withUnsafeBytes { xxh64($0, seed: 0) })
            pending.removeAll(keepingCapacity: true)
        }

        /// What `ContentHash.of` gives for all the bytes added, in order.
        mutating func finish() -> UInt64 {
            if digests.isEmpty { return pending.withUnsafeBytes { xxh64($0, seed: UInt64(count)) } }
            if !pending.isEmpty { flush() }
            return digests.withUnsafeBytes { xxh64($0, seed: UInt64(count)) }
        }
    }

    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) private static func round(_ acc: UInt64, _ lane: UInt64) -> UInt64 {
        rotl(acc &+ lane &* p2, 31) &* p1
    }

    @inline(__always) private static func merge(_ acc: UInt64, _ v: UInt64) -> UInt64 {
        (acc ^ round(0, v)) &* p1 &+ p4
    }

    /// XXH64 as its specification gives it (little-endian lanes).
    static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let n = bytes.count
        guard let p = bytes.baseAddress else { return finish(seed &+ p5, bytes, from: 0) }
        var i = 0
        var h: UInt64
        if n >= 32 {
            var v1 = seed &+ p1 &+ p2
            var v2 = seed &+ p2
            var v3 = seed
            var v4 = seed &- p1
            while i + 32 <= n {
                v1 = round(v1, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                v2 = round(v2, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
                v3 = round(v3, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
                v4 = round(v4, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1)
            h = merge(h, v2)
            h = merge(h, v3)
            h = merge(h, v4)
        } else {
            h = seed &+ p5
        }
        return finish(h &+ UInt64(n), bytes, from: i)
    }

    /// The tail of fewer than 32 bytes from `i`, then the avalanche.
    private static func finish(_ start: UInt64, _ bytes: UnsafeRawBufferPointer, from offset: Int) -> UInt64 {
        var h = start
        var i = offset
        let n = bytes.count
        if let p = bytes.baseAddress {
            while i + 8 <= n {
                h ^= round(0, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                h = rotl(h, 27) &* p1 &+ p4
                i += 8
            }
            if i + 4 <= n {
                h ^= UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt32.self))) &* p1
                h = rotl(h, 23) &* p2 &+ p3
                i += 4
            }
            while i < n {
                h ^= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) &* p5
                h = rotl(h, 11) &* p1
                i += 1
            }
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        h ^= h >> 32
        return h
    }
}
