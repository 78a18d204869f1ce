import Foundation
import TestSupport
import XCTest

@testable import DealKit

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        // FIPS 180-4 examples, and lengths at the padding's edges (55, 56, 64 bytes), checked with sha256sum.
        let cases: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        ]
        for (text, digest) in cases {
            XCTAssertEqual(SHA256.hex(Array(text.utf8)), digest, "length \(text.utf8.count)")
        }
        XCTAssertEqual(SHA256.digest(Array("abc".utf8)).count, 32)
    }

    func testALargeBufferOfEveryByteMatchesSha256sum() throws {
        // Many blocks, every byte value in every position of a word, and a tail: the reference
        // is the system's sha256sum on the same bytes.
        let bytes = (0..<(1 << 20) + 77).map { UInt8(truncatingIfNeeded: $0 &* 7 ^ $0 >> 8) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let expected = String(decoding: output, as: UTF8.self).prefix(64)
        XCTAssertEqual(SHA256.hex(bytes), String(expected))
    }

    func testBytesAddedInPiecesGiveTheSameDigest() {
        var random = seededRandom(256)
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 13 ^ $0 >> 7) }
        let whole = SHA256.hex(bytes)
        for _ in 0..<20 {
            var hasher = SHA256.Incremental()
            var at = 0
            while at < bytes.count {
                // Pieces of 0 to 200 bytes: inside a block, across one, several blocks at once.
                let end = min(bytes.count, at + random.below(201))
                hasher.add(Array(bytes[at..<end]))
                at = end
            }
            XCTAssertEqual(hasher.hex(), whole)
        }
    }
}
