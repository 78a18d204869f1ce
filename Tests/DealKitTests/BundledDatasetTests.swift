import DealKit
import TestSupport
import XCTest

final class BundledDatasetTests: XCTestCase {

    /// The first line where two texts differ, for a readable failure.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String? {
        let la = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let lb = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<end>"
            let y = i < lb.count ? String(lb[i]) : "<end>"
            if x != y { return "line \(i + 1):\n  \(x)\n  \(y)" }
        }
        return nil
    }

    /// The embedded copy must be `Fixtures/deals.json` byte for byte (run scripts/embed-dataset.sh).
    func testEmbeddedDatasetMatchesFixture() throws {
        let fixture = try Data(contentsOf: PackageRoot.fixture("deals.json"))
        XCTAssertNil(Self.firstDifference(Array(fixture), BundledDataset.bytes), "run scripts/embed-dataset.sh")
    }

    func testBundledDatasetIsValidAndCanonical() {
        let result = FeedDecoder.decode(BundledDataset.bytes)
        XCTAssertFalse(result.hasErrors, result.issues.map(\.description).joined(separator: "\n"))
        XCTAssertNil(Self.firstDifference(FeedEncoder.encode(result.feed), BundledDataset.bytes))
    }

    /// The embedded Epoch snapshot must be `Fixtures/epoch/gpu_clusters.csv` byte for byte.
    func testEmbeddedEpochSnapshotMatchesFixture() throws {
        let fixture = try Data(contentsOf: PackageRoot.fixture("epoch/gpu_clusters.csv"))
        XCTAssertTrue(Array(fixture) == BundledEpoch.bytes, "run scripts/embed-dataset.sh")
    }

    private func deal(_ id: String) throws -> Deal {
        try XCTUnwrap(FeedDecoder.decode(BundledDataset.bytes).feed.deals.first { $0.id == id }, id)
    }

    /// The title of each bundled deal's sources, by number, so a citation reads as the article it names.
    private func cited(_ d: Deal, _ numbers: [Int]) -> [String] {
        numbers.map { d.sources[$0 - 1].title ?? "?" }
    }

    private let opening55 = "[untitled article opening “Fifty-five megawatts is the opening number.”]"
    private let modelRace = "[untitled article opening “AI used to be a model race.”]"
    private let dispatch = "NAVER and NVIDIA Scale Sovereign AI to Gigawatt Capacity in South Korea"
    private let selling = "Nvidia Is Now Selling Nations Their Own AI Factories"
    private let shovels = "Every Country Wants Its Own AI, and Nvidia Sells the Shovels"

    /// Every figure of the bundled data, with the articles that state it.
    func testEachBundledFigureAndItsCitation() throws {
        let naver = try deal("kr-naver-nvidia-dsx-sejong")
        XCTAssertEqual(naver.kind, .build)
        XCTAssertEqual(naver.announcedText, "2026-06-07")
        XCTAssertEqual(cited(naver, naver.cite[.announced]), [dispatch])
        XCTAssertEqual(naver.capacity?.initialMW, 55)
        XCTAssertEqual(naver.capacity?.approx.contains(.initial), false)
        XCTAssertEqual(cited(naver, naver.cite[.initialMW]), [selling, opening55, modelRace])
        XCTAssertEqual(naver.capacity?.targetMW, 1000)
        XCTAssertEqual(naver.capacity?.approx.contains(.target), true, "gigawatt-scale is an order of magnitude")
        XCTAssertEqual(naver.capacity?.confidence, .aspirational)
        XCTAssertEqual(cited(naver, naver.cite[.targetMW]), [selling, opening55, dispatch, modelRace])
        XCTAssertNil(naver.capacity?.operationalMW)
        XCTAssertEqual(naver.site, "GAK Sejong")
        XCTAssertEqual(cited(naver, naver.cite[.site]), [selling, opening55])
        XCTAssertEqual(naver.platform, "NVIDIA DSX")
        XCTAssertEqual(cited(naver, naver.cite[.platform]), [selling, shovels, opening55, dispatch, modelRace])
        XCTAssertEqual(naver.milestones.map(\.summary), ["2026-H2 AI Agent Platform launch"])
        XCTAssertEqual(cited(naver, naver.milestones[0].cite), [selling])
        XCTAssertTrue(
            naver.notes?.contains("government ownership") ?? false, "the disagreement on who owns the model is recorded"
        )
        XCTAssertTrue(naver.notes?.contains("owned by a Korean company") ?? false)

        let hynix = try deal("kr-sk-hynix-nvidia-memory")
        XCTAssertEqual(hynix.kind, .partnership)
        XCTAssertFalse(hynix.mwApplies)
        XCTAssertNil(hynix.capacity)
        XCTAssertNil(hynix.sponsor, "a joint announcement, as France's: no sponsor")
        XCTAssertEqual(hynix.announcedText, "2026-06-07")
        XCTAssertEqual(cited(hynix, hynix.cite[.announced]), [dispatch])
        XCTAssertEqual(
            hynix.partners.map(\.described),
            [
                "SK hynix (vendor: next-generation memory to NVIDIA)",
                "NVIDIA (vendor: CUDA-X, PhysicsNeMo and Omniverse software to SK hynix)",
            ])
        XCTAssertEqual(
            hynix.products,
            ["Vera Rubin", "Vera CPU", "RTX Spark", "Jetson Thor", "CUDA-X", "PhysicsNeMo", "Omniverse"])

        let skt = try deal("kr-skt-nvidia-ai-cloud")
        XCTAssertEqual(skt.kind, .cloud)
        XCTAssertEqual(skt.announcedText, "≤2026-06-07", "the article states no date")
        XCTAssertEqual(cited(skt, skt.cite[.announced]), [modelRace, dispatch])
        XCTAssertNil(skt.capacity?.initialMW)
        XCTAssertEqual(skt.capacity?.targetMW, 1000)
        XCTAssertEqual(skt.capacity?.approx, .target)
        XCTAssertEqual(cited(skt, skt.cite[.targetMW]), [modelRace])
        XCTAssertEqual(skt.milestones.map(\.summary), ["2027 First AI factory expected online"])
        XCTAssertEqual(cited(skt, skt.milestones[0].cite), [modelRace])

        for id in ["fr-softbank-sesterce-sovereign-ai-factory", "gb-sovereign-ai-factory"] {
            let d = try deal(id)
            XCTAssertEqual(d.kind, .build, id)
            XCTAssertEqual(d.announcedText, "≤2026-06-07", "\(id): only bounded by NAVER's announcement")
            XCTAssertEqual(cited(d, d.cite[.announced]), [opening55], id)
            XCTAssertEqual(d.platform, "NVIDIA DSX", "\(id): the DSX template")
            XCTAssertEqual(cited(d, d.cite[.platform]), [opening55], id)
            XCTAssertNil(d.capacity, id)
            XCTAssertNil(d.sponsor, id)
        }
        let gb = try deal("gb-sovereign-ai-factory")
        XCTAssertEqual(cited(gb, gb.milestones[0].cite), [opening55])
    }

    /// No figure is left uncited, and no publisher the articles do not name is given.
    func testEveryBundledFigureIsCitedAndNoPublisherIsInvented() {
        let feed = FeedDecoder.decode(BundledDataset.bytes).feed
        for (i, d) in feed.deals.enumerated() {
            XCTAssertEqual(DealValidator.citationWarnings(for: d, at: "deals[\(i)]").map(\.description), [])
            for s in d.sources {
                XCTAssertTrue(s.publisher == nil || s.publisher == "The Quantum Dispatch", "\(d.id): \(s)")
            }
        }
    }
}
