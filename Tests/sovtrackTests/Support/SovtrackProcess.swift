import Foundation
import TestSupport
import XCTest

/// Runs the built `sovtrack` binary, as a user would, and captures what it prints.
enum SovtrackProcess {
    /// The `sovtrack` executable built beside this test bundle (`swift test` builds it first).
    static var binary: URL {
        let candidates =
            [
                Bundle.main.bundleURL.appendingPathComponent("sovtrack"),
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                    "sovtrack"),
            ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("sovtrack") }
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        return PackageRoot.file(".build/debug/sovtrack")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The clean environment a run gets: LANG, PATH, a HOME of no user and an author, plus `env`.
    /// (Without `SOVTRACK_AUTHOR`, every change asks git who is making it: a process per change.)
    static func environment(_ env: [String: String]) -> [String: String] {
        var environment = [
            "LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": NSTemporaryDirectory(), "SOVTRACK_AUTHOR": "test",
        ]
        environment.merge(env) { _, new in new }
        return environment
    }

    /// Runs `sovtrack args...` with a clean environment plus `env`, feeding `stdin`.
    @discardableResult
    static func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.environment = environment(env)
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            errBox.data = errHandle.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A temporary store holding the bundled dataset.
    static func bundledStore() throws -> URL {
        let dir = try TemporaryDirectory.make()
        let store = dir.appendingPathComponent("deals.json")
        try FileManager.default.copyItem(at: PackageRoot.fixture("deals.json"), to: store)
        return store
    }
}
