import DealKit
import Foundation
import TestSupport
import XCTest

@testable import DealTUI

/// The feeds the dashboard tests draw: the bundled dataset, the wide-names and hostile fixtures, and generated ones (FeedBuilder).
enum TestFeeds {
    /// Today as the snapshots see it: fixed, so the timeline's marker does not move.
    static let today = PartialDate(year: 2026, month: 6, day: 10)

    static func load(_ name: String) throws -> Feed { try PackageRoot.fixtureFeed(name) }

    static func bundled() throws -> Feed { try load("deals.json") }
    static func wide() throws -> Feed { try load("tui-wide-names.json") }
    static func hostile() throws -> Feed { try load("tui-hostile.json") }

    static func state(_ feed: Feed, rows: Int = 24, cols: Int = 80, filter: DealFilter = DealFilter()) -> AppState {
        var s = AppState(
            feed: feed, storeName: "~/.local/share/sovtrack/deals.json", filter: filter, today: today, rows: rows,
            cols: cols)
        AppReducer.settle(&s)
        return s
    }
}
