import TestSupport
import XCTest

@testable import DealKit

final class ContentHashTests: XCTestCase {
    private func xxh64(_ text: String, seed: UInt64 = 0) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { ContentHash.xxh64($0, seed: seed) }
    }

    func testXXH64GivesTheReferenceDigests() {
        // From the reference implementation (xxhsum -H64).
        XCTAssertEqual(xxh64(""), 0xEF46_DB37_51D8_E999)
        XCTAssertEqual(xxh64("a"), 0xD24E_C4F1_A98C_6E5B)
        XCTAssertEqual(xxh64("abc"), 0x44BC_2CF5_AD77_0999)
        XCTAssertEqual(xxh64("Nobody inspects the spammish repetition"), 0xFBCE_A83C_8A37_8BF1)
    }

    /// Blocks of 4 KiB in the cases at block edges: the rule is the block size's, and megabyte
    /// blocks made this class most of a second of a debug run; one case below keeps the default.
    private let block = 4_096

    func testEveryByteChangedChangesTheFingerprint() {
        // Across block boundaries and lane positions, in a buffer of several blocks.
        var bytes = [UInt8](repeating: 0x61, count: block * 2 + 77)
        let original = bytes.withUnsafeBytes { ContentHash.of($0, blockSize: block) }
        for at in [0, 7, 8, 31, 32, block - 1, block, bytes.count - 1] {
            bytes[at] = 0x62
            XCTAssertNotEqual(bytes.withUnsafeBytes { ContentHash.of($0, blockSize: block) }, original, "byte \(at)")
            bytes[at] = 0x61
        }
        XCTAssertEqual(bytes.withUnsafeBytes { ContentHash.of($0, blockSize: block) }, original)
        // The length counts: a zero byte more is another content.
        XCTAssertNotEqual((bytes + [0]).withUnsafeBytes { ContentHash.of($0, blockSize: block) }, original)
    }

    func testBytesHashedInPiecesGiveTheSameFingerprint() {
        var random = seededRandom(15)
        for size in [0, 1, 100, block - 1, block, block + 1, 2 * block, 3 * block + 5] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
            let whole = bytes.withUnsafeBytes { ContentHash.of($0, blockSize: block) }
            // Pieces of every kind: tiny, a block and more, ending exactly on a block.
            for cuts in [[], [block], [1, block - 1], (0..<6).map { _ in random.below(2 * block) + 1 }] {
                XCTAssertEqual(
                    Self.inPieces(bytes, cuts: cuts, blockSize: block), whole, "\(size) bytes cut \(cuts)")
            }
        }
    }

    /// The default block (the one every kept fingerprint uses), across its edges, whole and in pieces.
    func testTheDefaultBlockGivesOneFingerprintWholeAndInPieces() {
        let block = ContentHash.blockSize
        var bytes = (0..<(2 * block + 77)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let whole = bytes.withUnsafeBytes { ContentHash.of($0) }
        XCTAssertEqual(Self.inPieces(bytes, cuts: [1, block - 1, block + 5], blockSize: block), whole)
        XCTAssertNotEqual(
            whole, bytes.withUnsafeBytes { ContentHash.of($0, blockSize: 4_096) }, "the block size counts")
        bytes[block] ^= 1
        XCTAssertNotEqual(bytes.withUnsafeBytes { ContentHash.of($0) }, whole, "the first byte of the second block")
    }

    /// The fingerprint of `bytes` fed to `Incremental` cut after each of `cuts` bytes, then the rest.
    private static func inPieces(_ bytes: [UInt8], cuts: [Int], blockSize: Int) -> UInt64 {
        var stream = ContentHash.Incremental(blockSize: blockSize)
        var at = 0
        for cut in cuts + [bytes.count] where at < bytes.count {
            let end = min(bytes.count, at + cut)
            stream.add(Array(bytes[at..<end]))
            at = end
        }
        stream.add([])
        XCTAssertEqual(stream.count, bytes.count)
        return stream.finish()
    }
}
