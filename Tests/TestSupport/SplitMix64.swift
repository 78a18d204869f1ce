import Foundation
import XCTest

/// SplitMix64: a small seeded generator, the same sequence on every platform and Swift version
/// (unlike the standard library's, whose algorithm may change), so a random test can be replayed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (n > 0).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

extension XCTestCase {
    /// The environment variable that replaces every random test's seed, to replay a failure.
    public static let seedVariable = "SOVTRACK_TEST_SEED"

    /// The seed of a random test: `SOVTRACK_TEST_SEED` when it is set, else `seed`; when the
    /// test fails, the seed is printed with the line that replays it.
    public func testSeed(_ seed: UInt64) -> UInt64 {
        let chosen = ProcessInfo.processInfo.environment[Self.seedVariable].flatMap { UInt64($0, radix: 10) } ?? seed
        let name = self.name
        nonisolated(unsafe) let test = self
        addTeardownBlock {
            if let run = test.testRun, run.totalFailureCount > 0 {
                print(
                    "\(name) failed with seed \(chosen); replay it with \(Self.seedVariable)=\(chosen) swift test --filter '\(name)'"
                )
            }
        }
        return chosen
    }

    /// The generator of a random test, seeded by ``testSeed(_:)``.
    public func seededRandom(_ seed: UInt64) -> SplitMix64 { SplitMix64(seed: testSeed(seed)) }
}
