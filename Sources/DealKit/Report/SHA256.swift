/// SHA-256 (FIPS 180-4) of a byte buffer, in Swift: Foundation on Linux has no CryptoKit.
///
/// The report's fingerprint of the data it was made from; `sha256sum` gives the same digest.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// The digest as 64 lower-case hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = Incremental()
        hasher.add(bytes)
        return hasher.hex()
    }

    /// The 32-byte digest.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = Incremental()
        hasher.add(bytes)
        return hasher.finish()
    }

    /// The digest of bytes given in pieces, in order: a report hashes its 100 MB of canonical
    /// JSON as it is encoded, never holding it whole.
    public struct Incremental {
        private var h: State = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        /// The bytes of a block not yet complete (fewer than 64).
        private var pending: [UInt8] = []
        private var count = 0

        public init() {}

        public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

        /// Whole blocks are read where they are; only a block that spans pieces is gathered first.
        public mutating func add(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            count += bytes.count
            var i = 0
            if !pending.isEmpty {
                i = min(64 - pending.count, bytes.count)
                pending.append(contentsOf: bytes[0..<i])
                guard pending.count == 64 else { return }
                pending.withUnsafeBytes { SHA256.compress($0.baseAddress, blocks: 1, &h) }
                pending.removeAll(keepingCapacity: true)
            }
            let blocks = (bytes.count - i) / 64
            SHA256.compress(base + i, blocks: blocks, &h)
            pending.append(contentsOf: bytes[(i + blocks * 64)...])
        }

        /// The 32-byte digest of everything added (the padding added last, as FIPS 180-4 says).
        public mutating func finish() -> [UInt8] {
            let bits = UInt64(count) &* 8
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            withUnsafeBytes(of: bits.bigEndian) { tail.append(contentsOf: $0) }
            tail.withUnsafeBytes { SHA256.compress($0.baseAddress, blocks: tail.count / 64, &h) }
            var out: [UInt8] = []
            out.reserveCapacity(32)
            for v in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
                withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) }
            }
            return out
        }

        /// `finish()` as 64 lower-case hex digits.
        public mutating func hex() -> String {
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: finish().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
        }
    }

    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// One round, written for the eight working variables in any rotation: the caller passes
    /// them shifted by one place each round instead of moving eight values (`d` and `h` change).
    @inline(__always) private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
    ) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
        d = d &+ t1
        h = t1 &+ (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
    }

    /// `blocks` 64-byte blocks from `p` into the state `h`.
    private static func compress(_ p: UnsafeRawPointer?, blocks: Int, _ h: inout State) {
        guard let p, blocks > 0 else { return }
        // One schedule for every block: a report hashes 100 MB, 1.6 million blocks.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            k.withUnsafeBufferPointer { k in compress(p, blocks: blocks, &h, w.baseAddress!, k.baseAddress!) }
        }
    }

    private static func compress(
        _ p: UnsafeRawPointer, blocks: Int, _ h: inout State, _ w: UnsafeMutablePointer<UInt32>,
        _ k: UnsafePointer<UInt32>
    ) {
        for block in 0..<blocks {
            let base = p + block * 64
            for t in 0..<16 { w[t] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self)) }
            for t in 16..<64 {
                let x = w[t - 15]
                let y = w[t - 2]
                let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
                let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = h
            for t in stride(from: 0, to: 64, by: 8) {
                round(a, b, c, &d, e, f, g, &hh, k[t] &+ w[t])
                round(hh, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                round(g, hh, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                round(f, g, hh, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                round(e, f, g, &hh, a, b, c, &d, k[t + 4] &+ w[t + 4])
                round(d, e, f, &g, hh, a, b, &c, k[t + 5] &+ w[t + 5])
                round(c, d, e, &f, g, hh, a, &b, k[t + 6] &+ w[t + 6])
                round(b, c, d, &e, f, g, hh, &a, k[t + 7] &+ w[t + 7])
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
        }
    }
}
