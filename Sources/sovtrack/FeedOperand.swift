import DealKit
import Foundation

/// A feed named on the command line of `diff` or `merge`: a file, the store as of a date
/// (`@2026-06-01`), or a file as a git revision holds it (`REV:PATH`).
enum FeedOperand {
    static func load(_ spec: String, store: StoreOptions) throws -> Feed {
        if spec.hasPrefix("@") {
            let cutoff = try AsOfDate.endKey(String(spec.dropFirst()), option: spec)
            return try storeAsOf(cutoff, store: store)
        }
        if FileSystem.exists(spec) || !spec.contains(":") {
            return try Store.load(path: spec, indexing: false).feed
        }
        guard let (bytes, status) = Git.runBytes(["show", spec]), status == 0 else {
            throw CLIError(message: "\(spec): no such file, nor a file in git (git show \(spec) failed)", code: 66)
        }
        return try decode(bytes, name: spec)
    }

    /// `body` on the bytes of a file operand (a file, mapped, or `REV:PATH` from git); nil for
    /// the store as of a date, which only its history can give.
    static func withBytes<T>(_ spec: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T?) throws -> T? {
        if spec.hasPrefix("@") { return nil }
        if FileSystem.exists(spec) || !spec.contains(":") {
            do { return try FileSystem.withContents(of: spec) { buffer, _ in try body(buffer) } } catch let e
                as StoreError
            { throw CLIError(e) }
        }
        guard let (bytes, status) = Git.runBytes(["show", spec]), status == 0 else {
            throw CLIError(message: "\(spec): no such file, nor a file in git (git show \(spec) failed)", code: 66)
        }
        return try bytes.withUnsafeBufferPointer { try body($0) }
    }

    /// The store as it stood at the end of the day `cutoff` (`yyyymmdd`), from its history.
    static func storeAsOf(_ cutoff: Int, store: StoreOptions) throws -> Feed {
        let (_, snapshot) = try store.load()
        do throws(HistoryError) { return try History.feed(snapshot.feed, asOf: cutoff) } catch {
            throw CLIError.data("\(store.path): \(error.description)")
        }
    }

    /// A feed from bytes, refusing one with errors, each listed with where it is.
    static func decode(_ bytes: [UInt8], name: String) throws -> Feed {
        let result = FeedDecoder.decode(bytes)
        if result.hasErrors { throw CLIError(StoreError.invalid(path: name, issues: result.issues)) }
        return result.feed
    }
}
