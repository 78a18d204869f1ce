import XCTest

@testable import DealTUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

final class ProcessEnvironmentTests: XCTestCase {
    /// "Read once" is a promise: a change to the environment after the first read is not seen.
    func testEachVariableIsReadOnce() {
        let noColor = ProcessEnvironment.noColor
        let home = ProcessEnvironment.home
        let savedNoColor = getenv("NO_COLOR").map { String(cString: $0) }
        let savedHome = getenv("HOME").map { String(cString: $0) }
        defer {
            if let savedNoColor { setenv("NO_COLOR", savedNoColor, 1) } else { unsetenv("NO_COLOR") }
            if let savedHome { setenv("HOME", savedHome, 1) } else { unsetenv("HOME") }
        }
        if noColor { unsetenv("NO_COLOR") } else { setenv("NO_COLOR", "1", 1) }
        setenv("HOME", (home ?? "") + "/elsewhere", 1)
        XCTAssertEqual(ProcessEnvironment.noColor, noColor)
        XCTAssertEqual(ProcessEnvironment.home, home)
    }
}
