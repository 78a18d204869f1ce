import Foundation

/// Runs git, for the author's name and for `REV:PATH` operands of `diff`.
enum Git {
    /// git's standard output and exit status, or nil when git cannot be started.
    static func run(_ arguments: [String]) -> (output: String, status: Int32)? {
        guard let (data, status) = runBytes(arguments) else { return nil }
        return (String(decoding: data, as: UTF8.self), status)
    }

    /// git's standard output as bytes (a file as `git show REV:PATH` prints it) and exit status.
    static func runBytes(_ arguments: [String]) -> ([UInt8], Int32)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return ([UInt8](data), p.terminationStatus)
    }
}
