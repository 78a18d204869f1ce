import Foundation
import XCTest

/// Fresh directories for tests, one per call, so that tests never see each other's files.
public enum TemporaryDirectory {
    /// A new empty directory under the system's temporary directory; the caller removes it.
    public static func make(_ label: String = "sovtrack-test") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

extension XCTestCase {
    /// A new empty directory, removed when the test ends.
    public func makeTemporaryDirectory(_ label: String = "sovtrack-test") throws -> URL {
        let dir = try TemporaryDirectory.make(label)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }
}
