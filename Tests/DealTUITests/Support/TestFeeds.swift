import DealKit
import Foundation
import XCTest
@testable import DealTUI

/// The feeds the dashboard tests draw: the bundled dataset, the wide-names and hostile fixtures, and generated ones.
enum TestFeeds {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Today as the snapshots see it: fixed, so the timeline's marker does not move.
    static let today = PartialDate(year: 2026, month: 6, day: 10)

    static func load(_ name: String) throws -> Feed {
        let bytes = try FileSystem.read(root.appendingPathComponent("Fixtures/\(name)").path)
        let r = FeedDecoder.decode(bytes)
        XCTAssertFalse(r.hasErrors, "\(name): \(r.issues)")
        return r.feed
    }

    static func bundled() throws -> Feed { try load("deals.json") }
    static func wide() throws -> Feed { try load("tui-wide-names.json") }
    static func hostile() throws -> Feed { try load("tui-hostile.json") }

    static func state(_ feed: Feed, rows: Int = 24, cols: Int = 80, filter: DealFilter = DealFilter()) -> AppState {
        var s = AppState(feed: feed, storeName: "~/.local/share/sovtrack/deals.json", filter: filter, today: today, rows: rows, cols: cols)
        AppReducer.settle(&s)
        return s
    }

    /// A deterministic feed of `count` varied deals: countries, vendors, statuses, unknown MW, partial dates.
    static func generated(_ count: Int, seed: UInt64 = 42) -> Feed {
        var rng = SplitMix(seed: seed)
        let countries = ["KR", "JP", "FR", "GB", "DE", "IN", "SA", "AE", "US", "BR", "CA", "TW", "SG", "IT", "ES"]
        let vendors = ["NVIDIA", "AMD", "Intel", "nvidia", "Cerebras", "Groq", "Huawei", "삼성전자"]
        let others = ["NAVER", "SoftBank", "Mistral AI", "G42", "Humain", "Reliance", "Orange", "SK Telecom"]
        let words = ["sovereign", "AI", "factory", "cloud", "campus", "gigawatt", "data", "center", "supercomputer", "Élysée", "네이버", "鴻海"]
        let dates = ["2024", "2025-H1", "2025-Q3", "2025-07", "2025-11-02", "2026", "2026-H2", "2026-Q1", "2026-03-15", "2027"]
        var deals: [Deal] = []
        deals.reserveCapacity(count)
        for i in 0..<count {
            let title = (0..<Int(rng.next() % 4 + 3)).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
            var partners: [Partner] = []
            for _ in 0..<Int(rng.next() % 3) { partners.append(Partner(name: vendors[Int(rng.next() % UInt64(vendors.count))], role: .vendor)) }
            for _ in 0..<Int(rng.next() % 3) { partners.append(Partner(name: others[Int(rng.next() % UInt64(others.count))], role: .operator)) }
            func mw() -> Double? { rng.next() % 3 == 0 ? nil : Double(rng.next() % 2000) }
            let cap = Capacity(initialMW: mw(), targetMW: mw(), operationalMW: rng.next() % 4 == 0 ? mw() : nil,
                               confidence: rng.next() % 4 == 0 ? nil : Confidence.allCases[Int(rng.next() % 3)])
            var milestones: [Milestone] = []
            for _ in 0..<Int(rng.next() % 3) {
                milestones.append(Milestone(date: PartialDate(dates[Int(rng.next() % UInt64(dates.count))])!, event: "phase \(rng.next() % 9)", done: rng.next() % 2 == 0))
            }
            deals.append(Deal(
                id: String(format: "deal-%06d", (i * 7919) % max(count, 1)),
                title: title, country: countries[Int(rng.next() % UInt64(countries.count))],
                announced: PartialDate(dates[Int(rng.next() % UInt64(dates.count))])!,
                status: DealStatus.allCases[Int(rng.next() % 5)],
                sponsor: rng.next() % 3 == 0 ? nil : others[Int(rng.next() % UInt64(others.count))],
                partners: partners, site: rng.next() % 2 == 0 ? "Site \(rng.next() % 50)" : nil,
                capacity: cap, models: rng.next() % 2 == 0 ? ["Model \(rng.next() % 30)"] : [],
                milestones: milestones, tags: ["tag\(rng.next() % 10)"]))
        }
        return Feed(deals: deals)
    }
}

/// A small deterministic random number generator, so generated feeds are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
