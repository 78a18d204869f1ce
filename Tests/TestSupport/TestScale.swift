import Foundation

/// How much of the slowest suites a run does.
///
/// `swift test` runs a sample of them, drawn by each test's seed, so the whole run stays within
/// its time budget; `scripts/full-tests.sh` (which `.ci/run` runs) sets `SOVTRACK_TEST_FULL=1`
/// and runs them whole. A test that samples prints how much it ran, so nothing is left out silently.
public enum TestScale {
    /// The environment variable that asks for the whole of every suite.
    public static let variable = "SOVTRACK_TEST_FULL"

    /// True when the whole of every suite runs.
    public static var isFull: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// `quick` in a plain run, `full` when the whole suite runs.
    public static func count(quick: Int, full: Int) -> Int { isFull ? full : quick }

    /// Whether the part of a test that only the whole suite runs runs now; in a plain run,
    /// says what was left out, so the log shows it.
    public static func whole(_ what: String) -> Bool {
        if !isFull { print("\(what): left to \(variable)=1 (scripts/full-tests.sh, run by .ci/run)") }
        return isFull
    }

    /// All of `items` when the whole suite runs, else `count` of them drawn by `rng`, in their
    /// order; prints what it chose so the log says how much ran.
    public static func sample<T>(_ items: [T], count: Int, using rng: inout SplitMix64, what: String) -> [T] {
        guard !isFull, count < items.count else { return items }
        var chosen = Set<Int>()
        while chosen.count < count { chosen.insert(rng.below(items.count)) }
        print(
            "\(what): \(count) of \(items.count) drawn by the seed; \(variable)=1 (scripts/full-tests.sh, run by .ci/run) runs all"
        )
        return chosen.sorted().map { items[$0] }
    }
}
