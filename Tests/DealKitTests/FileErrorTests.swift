import DealKit
import XCTest

final class FileErrorTests: XCTestCase {
    /// A file that is not the store fails in its own words: nothing about the store.
    func testMessagesNameTheFileAndNeverTheStore() {
        XCTAssertEqual(FileError.notFound(path: "/x").description, "/x: no such file")
        XCTAssertEqual(
            FileError.unreadable(path: "/x", reason: "Permission denied").description,
            "/x: cannot read: Permission denied")
        XCTAssertEqual(FileError.unwritable(path: "/x", reason: "No space").description, "/x: cannot write: No space")
        for e in [
            FileError.notFound(path: "/x"), .unreadable(path: "/x", reason: "r"), .unwritable(path: "/x", reason: "r"),
        ] {
            XCTAssertFalse(e.description.contains("store"), e.description)
        }
    }

    /// The store's own files keep saying so, in the store's words.
    func testTheStoreTurnsFileErrorsIntoStoreErrors() {
        XCTAssertEqual(StoreError(FileError.notFound(path: "/s")), .notFound(path: "/s"))
        XCTAssertEqual(StoreError(FileError.unreadable(path: "/s", reason: "r")), .unreadable(path: "/s", reason: "r"))
        XCTAssertEqual(
            StoreError(FileError.unwritable(path: "/s", reason: "r")).description,
            "/s: cannot write: r; the store is unchanged")
    }

    func testANewFileInAMissingDirectoryNamesTheFileAskedFor() {
        let dir = NSTemporaryDirectory() + "sovtrack-missing-\(UUID().uuidString)"
        XCTAssertThrowsError(try FileSystem.writeNew([1], directory: dir, stem: "out", ext: "csv")) {
            XCTAssertEqual($0 as? FileError, .unwritable(path: dir + "/out.csv", reason: "No such file or directory"))
        }
    }
}
