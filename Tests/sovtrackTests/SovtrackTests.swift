import DealKit
import Foundation
import TestSupport
import XCTest

@testable import sovtrack

/// The root command: which command a bare or option-first command line runs.
final class SovtrackTests: XCTestCase {
    func testNoCommandOrTheDashboardsOptionsNameBrowse() {
        XCTAssertEqual(Sovtrack.naming([]), ["browse"])
        XCTAssertEqual(Sovtrack.naming(["--country", "KR"]), ["browse", "--country", "KR"])
        XCTAssertEqual(Sovtrack.naming(["--store=x.json", "--no-color"]), ["browse", "--store=x.json", "--no-color"])
        XCTAssertEqual(Sovtrack.naming(["-x"]), ["browse", "-x"], "the dashboard's parser names what it does not know")
    }

    func testCommandsAndTheRootsOwnOptionsAreLeftAsGiven() {
        for args in [
            ["list", "--country", "KR"], ["help"], ["help", "browse"], ["lst"], ["--help"], ["-h"], ["--version"],
            ["--generate-completion-script", "bash"], ["--generate-completion-script=zsh"], ["browse"],
        ] {
            XCTAssertEqual(Sovtrack.naming(args), args, "\(args)")
        }
    }

    /// Without a terminal the dashboard prints the summary table: the same as `browse` named.
    func testTheDashboardsOptionsWithoutACommandRunBrowse() throws {
        let store = PackageRoot.fixture("deals.json").path
        let bare = try CLI.run(["--country", "KR", "--store", store])
        XCTAssertEqual(bare.status, 0, bare.stderr)
        XCTAssertEqual(bare.stdout, try CLI.run(["browse", "--country", "KR", "--store", store]).stdout)
        XCTAssertTrue(bare.stdout.contains("KR"), bare.stdout)
        CLI.assertUserError(try CLI.run(["--store", store, "list"]), code: 64, ["Unexpected argument 'list'"])
        CLI.assertUserError(try CLI.run(["--bogus"]), code: 64, ["Unknown option '--bogus'"])
        XCTAssertTrue(try CLI.run("--help").stdout.contains("browse "), "the dashboard is listed")
    }
}
