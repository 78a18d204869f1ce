import DealKit
import Foundation
import XCTest

/// The package's root directory and the files under `Fixtures/`, found from this source file.
public enum PackageRoot {
    /// The directory holding `Package.swift`.
    public static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or directory under the package root, such as `scripts/check-markup.py`.
    public static func file(_ relativePath: String) -> URL { url.appendingPathComponent(relativePath) }

    /// A file under `Fixtures/`.
    public static func fixture(_ name: String) -> URL { url.appendingPathComponent("Fixtures/\(name)") }

    /// The bytes of a file under `Fixtures/`.
    public static func fixtureBytes(_ name: String) throws -> [UInt8] {
        try FileSystem.read(fixture(name).path)
    }

    /// A fixture feed, decoded; the test fails if the fixture has errors.
    public static func fixtureFeed(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Feed {
        let r = FeedDecoder.decode(try fixtureBytes(name))
        XCTAssertFalse(r.hasErrors, "\(name): \(r.issues)", file: file, line: line)
        return r.feed
    }
}
