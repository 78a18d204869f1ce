import DealKit
import Foundation
import TestSupport
import XCTest

/// Checks sovtrack's JSON output against docs/feed-v1.schema.json with scripts/validate-schema.py.
final class CLISchemaTests: XCTestCase {
    private static let script = PackageRoot.file("scripts/validate-schema.py").path

    /// One checker for the run (`validate-schema.py --serve`): a Python with jsonschema
    /// imported costs a quarter of a second to start.
    private static let checker = LineProcess.Shared {
        try LineProcess(["python3", script, "--serve"])
    }

    /// What `validate-schema.py FILES...` prints and its exit status, asked of the checker.
    private static func validate(_ files: [String]) throws -> (status: Int32, output: String) {
        let answer = try checker.get().ask(files.joined(separator: "\t"), within: 60)
        let info = (try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any]) ?? [:]
        return (Int32((info["status"] as? Int) ?? -1), (info["output"] as? String) ?? answer)
    }

    private static func python(_ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Whether python3 has jsonschema, asked once for all the tests (each python start costs).
    private static let hasJSONSchema = (try? python(["-c", "import jsonschema"]))?.status == 0

    override func setUpWithError() throws {
        guard Self.hasJSONSchema else {
            throw XCTSkip("python3 with the jsonschema package is not available; .ci/run installs it")
        }
    }

    private func assertValid(_ files: [URL], file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try Self.validate(files.map(\.path))
        XCTAssertEqual(r.status, 0, r.output, file: file, line: line)
        XCTAssertEqual(CLI.lines(r.output), files.map { "\($0.path): ok" }, file: file, line: line)
    }

    /// Every fixture feed, each against the schema of its own version (v1 and v2 side by side).
    func testEveryFixtureIsValidAgainstItsVersionsSchema() throws {
        let dir = PackageRoot.file("Fixtures")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
            .sorted()
        XCTAssertTrue(files.contains("deals-v1.json") && files.contains("deals.json"), files.description)
        try assertValid(files.map { dir.appendingPathComponent($0) })
    }

    func testTheSchemaIsChosenByTheFilesVersion() throws {
        let deal =
            #"{"id": "a", "title": "T", "country": "KR", "announcedBy": "2026", "kind": "partnership", "sources": [{"title": "s"}], "cite": {"announced": [1]}}"#
        let v2 = try CLI.write(#"{"format": "sovtrack-feed", "version": 2, "deals": [\#(deal)]}"#, as: "v2.json")
        // The same deal in a version-1 file: announcedBy does not exist there, so announced is missing.
        let v1 = try CLI.write(#"{"format": "sovtrack-feed", "version": 1, "deals": [\#(deal)]}"#, as: "v1.json")
        let bad = try CLI.write(
            #"{"format": "sovtrack-feed", "version": 2, "deals": [{"id": "a", "title": "T", "country": "KR", "announced": "2026", "kind": "merger", "capacity": {"approx": ["peakMW"]}}]}"#,
            as: "bad.json")
        // One python for the three files: each is reported on lines of its own.
        let r = try Self.validate([v2.path, v1.path, bad.path])
        XCTAssertEqual(r.status, 1)
        let lines = CLI.lines(r.output)
        XCTAssertEqual(lines.filter { $0.hasPrefix(v2.path + ":") }, ["\(v2.path): ok"], r.output)
        XCTAssertEqual(
            lines.filter { $0.hasPrefix(v1.path + ":") }, ["\(v1.path): deals[0]: missing required key \"announced\""])
        let b = lines.filter { $0.hasPrefix(bad.path + ":") }.joined(separator: "\n")
        XCTAssertTrue(b.contains("deals[0].kind"), r.output)
        XCTAssertTrue(b.contains("deals[0].capacity.approx[0]"), r.output)
    }

    func testEveryListJSONOutputIsValid() throws {
        let store = try CLI.copy(CLI.fixture)
        let dir = store.deletingLastPathComponent()
        let sample = try CLI.write(FeedSamples.everything, as: "sample.json", in: dir)
        XCTAssertEqual(try CLI.run("import", sample.path, "--store", store.path).status, 0)
        XCTAssertEqual(
            try CLI.run(
                "add", "--store", store.path, "--id", "jp-x", "--title", "T", "--country", "JP", "--announced",
                "2026-H1",
                "--partner", "NVIDIA:vendor", "--initial-mw", "0", "--milestone", "!2026-06:Signed"
            ).status, 0)
        var outputs: [URL] = []
        let filters: [[String]] = [
            [], ["--country", "KR"], ["--country", "JP"], ["--country", "DE"], ["--vendor", "nvidia"],
            ["--min-mw", "100"], ["--search", "pilot"], ["--sort", "mw", "--reverse"], ["--status", "operational"],
        ]
        for (i, f) in filters.enumerated() {
            let r = try CLI.run(["list", "--store", store.path, "--format", "json"] + f)
            XCTAssertEqual(r.status, 0, r.stderr)
            outputs.append(try CLI.write(r.stdout, as: "list-\(i).json", in: dir))
        }
        let viaOutput = dir.appendingPathComponent("out.json")
        XCTAssertEqual(try CLI.run("list", "--store", store.path, "--output", viaOutput.path).status, 0)
        outputs.append(viaOutput)
        for id in ["eu-pilot", "sa-humain", "jp-x", "kr-naver-nvidia-dsx-sejong"] {
            let r = try CLI.run("show", id, "--json", "--store", store.path)
            XCTAssertEqual(r.status, 0)
            outputs.append(try CLI.write(r.stdout, as: "show-\(id).json", in: dir))
        }
        outputs.append(store)
        try assertValid(outputs)
    }

    func testTheSchemaRefusesWhatValidateRefuses() throws {
        let files = [
            "wrong-type.json", "missing-key.json", "bad-enum.json", "bad-date.json", "negative-mw.json",
            "wrong-format.json", "newer-version.json", "top-level-array.json", "source-without-title-or-url.json",
        ].map(CLI.bad)
        // One python for every file: the script reports each file on lines of its own.
        let r = try Self.validate(files.map(\.path))
        XCTAssertEqual(r.status, 1, r.output)
        let lines = CLI.lines(r.output)
        for file in files {
            let own = lines.filter { $0.hasPrefix(file.path + ":") }
            XCTAssertFalse(own.isEmpty, "\(file.lastPathComponent) should fail the schema: \(r.output)")
            XCTAssertFalse(
                own.contains("\(file.path): ok"), "\(file.lastPathComponent) should fail the schema: \(r.output)")
        }
    }
}
