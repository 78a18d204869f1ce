import TestSupport
import XCTest

@testable import DealKit

/// Random damage to a JSON document.
struct FeedMutator {
    var rng: SplitMix64

    static let punctuation: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "-", "0", ".", "e", " ", "\n", "\\u", "\\uD800",
    ]
    .map { Array($0.utf8) }
    static let replacements: [[UInt8]] = [
        "null", "true", "false", "0", "-1", "1.50", "1e999", "-1e999", "12345678901234567890", "\"\"", "\"x\"", "[]",
        "{}",
        "[1, \"a\"]", "{\"k\": null}", "\"2026-13-45\"", "\"2026-H2\"", "\"Korea\"", "\"KR\"", "\"vendor\"", "\"a\"",
        "\" \"",
        "\"\\u0000\"", "\"네이버\"", "-0", "0.1", "1e-400",
    ].map { Array($0.utf8) }

    mutating func mutate(_ doc: [UInt8]) -> [UInt8] {
        var d = doc
        for _ in 0..<(1 + rng.below(3)) { d = once(d) }
        return d
    }

    private mutating func once(_ d: [UInt8]) -> [UInt8] {
        var d = d
        guard !d.isEmpty else { return rng.pick(FeedMutator.punctuation) }
        switch rng.below(7) {
        case 0:  // flip a byte to any value
            d[rng.below(d.count)] = UInt8(truncatingIfNeeded: rng.next())
        case 1:  // delete a span
            let start = rng.below(d.count)
            d.removeSubrange(start..<min(d.count, start + 1 + rng.below(16)))
        case 2:  // insert JSON punctuation
            d.insert(contentsOf: rng.pick(FeedMutator.punctuation), at: rng.below(d.count + 1))
        case 3:  // truncate
            d.removeSubrange(rng.below(d.count)...)
        case 4:  // duplicate a span somewhere else
            let start = rng.below(d.count)
            let span = Array(d[start..<min(d.count, start + 1 + rng.below(200))])
            d.insert(contentsOf: span, at: rng.below(d.count + 1))
        case 5, 6:  // replace a member's value with a value of another type
            let colons = d.indices.filter {
                d[$0] == UInt8(ascii: ":") && $0 + 1 < d.count && d[$0 + 1] == UInt8(ascii: " ")
            }
            guard !colons.isEmpty else { return d }
            let start = rng.pick(colons) + 2
            let end = FeedMutator.valueEnd(d, from: start)
            d.replaceSubrange(start..<end, with: rng.pick(FeedMutator.replacements))
        default:
            break
        }
        return d
    }

    /// Where the JSON value starting at `i` ends (best effort: strings, nested brackets, scalars).
    static func valueEnd(_ d: [UInt8], from i: Int) -> Int {
        guard i < d.count else { return d.count }
        var j = i
        var depth = 0
        var inString = false
        while j < d.count {
            let b = d[j]
            if inString {
                if b == UInt8(ascii: "\\") {
                    j += 2
                    continue
                }
                if b == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return j + 1 }
                }
            } else {
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return j }
                    depth -= 1
                    if depth == 0 { return j + 1 }
                case UInt8(ascii: ","), UInt8(ascii: "\n"):
                    if depth == 0 { return j }
                default: break
                }
            }
            j += 1
        }
        return min(j, d.count)
    }
}

final class FeedFuzzTests: XCTestCase {
    private func check(_ bytes: [UInt8], _ label: String, loaded: inout Int, refused: inout Int) -> Bool {
        let r = FeedDecoder.decode(bytes)
        for issue in r.issues where issue.message.isEmpty {
            XCTFail("\(label): an issue without a message at \(issue.location)")
            return false
        }
        if r.hasErrors {
            refused += 1
            if r.issues.filter(\.isError).isEmpty {
                XCTFail("\(label): refused without an error")
                return false
            }
            return true
        }
        loaded += 1
        // Anything the decoder accepts, the in-memory rules accept too.
        let memoryErrors = DealValidator.issues(for: r.feed).filter(\.isError)
        if !memoryErrors.isEmpty {
            XCTFail(
                "\(label): loaded, but the validator finds \(memoryErrors.map(\.description))\n\(String(decoding: bytes, as: UTF8.self))"
            )
            return false
        }
        let encoded = FeedEncoder.encode(r.feed)
        let again = FeedDecoder.decode(encoded)
        if again.hasErrors || again.feed != r.feed {
            XCTFail(
                "\(label): does not re-encode and re-decode to an equal feed: \(again.issues.map(\.description))\n"
                    + String(decoding: bytes, as: UTF8.self))
            return false
        }
        if FeedEncoder.encode(again.feed) != encoded {
            XCTFail("\(label): encoding is not stable")
            return false
        }
        return true
    }

    func testRandomMutationsNeverCrashAndRoundTripWhenLoaded() throws {
        let bases: [[UInt8]] = [
            Array(FeedEncoderTests.fullDocument.utf8), try FeedText.fixtureBytes(),
            Array(FeedText.feed([FeedText.deal(), FeedText.deal(["id": #""b""#])], top: #", "updated": "2026""#).utf8),
        ]
        for base in bases { XCTAssertFalse(FeedDecoder.decode(base).hasErrors) }
        var mutator = FeedMutator(rng: seededRandom(0x5EED_50F7_7AC4))
        var loaded = 0
        var refused = 0
        var failures = 0
        // 3,000 in the whole suite (scripts/full-tests.sh); a plain run, the first 1,000 of the same seed.
        let iterations = TestScale.count(quick: 1_000, full: 3_000)
        for i in 0..<iterations {
            // The small documents more often: they are cheaper, and damage to them is more likely to still load.
            let base = bases[i % 5 == 0 ? 1 : (i % 2 == 0 ? 0 : 2)]
            let doc = mutator.mutate(base)
            if !check(doc, "mutation \(i)", loaded: &loaded, refused: &refused) {
                failures += 1
                if failures > 5 { break }
            }
        }
        XCTAssertEqual(loaded + refused, iterations)
        // The mix must exercise both outcomes, or the test proves little.
        XCTAssertGreaterThan(loaded, iterations / 20, "loaded \(loaded), refused \(refused)")
        XCTAssertGreaterThan(refused, iterations / 4, "loaded \(loaded), refused \(refused)")
    }

    func testTruncationAtEveryByteOfASmallFeed() {
        let doc = Array(FeedEncoderTests.fullDocument.utf8)
        var loaded = 0
        var refused = 0
        for n in 0..<doc.count {
            _ = check(Array(doc[..<n]), "truncated at \(n)", loaded: &loaded, refused: &refused)
        }
        // Only the last few bytes (the final "}\n" minus whitespace) can be cut and still load.
        XCTAssertEqual(loaded, 1, "only dropping the final newline still loads")
    }

    func testGeneratorIsReproducible() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        let xs = (0..<5).map { _ in a.next() }
        XCTAssertEqual(xs, (0..<5).map { _ in b.next() })
        XCTAssertEqual(Set(xs).count, 5)
        var c = SplitMix64(seed: 1)
        for _ in 0..<1000 { XCTAssertLessThan(c.below(7), 7) }
    }
}
