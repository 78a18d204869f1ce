/// Why the store could not be read or written, in words a user can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case notFound(path: String)
    /// The file exists but cannot be read (permissions, a directory, I/O).
    case unreadable(path: String, reason: String)
    /// The file was read but is not a valid feed; the first issues are listed, and the count
    /// of errors past them (`FeedDecoder.issueLimit`).
    case invalid(path: String, issues: [FeedIssue], omittedErrors: Int = 0)
    /// Another process holds the store's lock.
    case locked(path: String, holder: String?)
    /// The new file could not be written; the old one is untouched.
    case unwritable(path: String, reason: String)
    /// The store's owner took away its own write permission (mode 0444, say): a deliberate
    /// "do not change", which sovtrack keeps even when run as root.
    case readOnly(path: String)
    /// The file changed on disk since it was loaded, and the change has not been seen.
    case changedOnDisk(path: String)
    /// A deal named by id does not exist.
    case noSuchDeal(id: String)
    /// A deal id that must be new already exists.
    case duplicateDeal(id: String)
    /// The change would leave the feed invalid.
    case invalidChange(issues: [FeedIssue])
    /// A database store (`path` is its URL, never with the password) could not be used.
    case database(path: String, problem: DatabaseProblem, reason: String)

    /// The first line of the message.
    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file"
        case .unreadable(let p, let r): return "\(p): cannot read: \(r)"
        case .invalid(let p, let issues, let omitted):
            let errors = issues.filter(\.isError)
            guard let first = errors.first else { return "\(p): not a valid feed" }
            let others = errors.count - 1 + omitted
            let more = others > 0 ? " (and \(others) more; run `sovtrack validate \(p)`)" : ""
            return first.formatted(file: p) + more
        case .locked(let p, let holder):
            return
                "\(p): the store is locked by another sovtrack\(holder.map { " (pid \($0))" } ?? ""); try again when it has finished"
        case .unwritable(let p, let r): return "\(p): cannot write: \(r); the store is unchanged"
        case .readOnly(let p):
            return
                "\(p): the store is read-only (its owner has no write permission); the store is unchanged (chmod u+w to allow changes)"
        case .changedOnDisk(let p): return "\(p): the store changed on disk since it was loaded; reload before saving"
        case .noSuchDeal(let id): return "no deal with id \(FeedIssue.quote(id))"
        case .duplicateDeal(let id): return "a deal with id \(FeedIssue.quote(id)) already exists"
        case .invalidChange(let issues):
            let errors = issues.filter(\.isError)
            let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
            return (errors.first?.description ?? "invalid change") + more
        case .database(let p, _, let reason): return "\(p): \(reason)"
        }
    }

    /// True for problems with the data (as opposed to the file system or another process).
    public var isDataError: Bool {
        switch self {
        case .invalid, .noSuchDeal, .duplicateDeal, .invalidChange: return true
        default: return false
        }
    }
}

extension StoreError {
    /// A file error met while reading or writing the store: the same words, and a failed
    /// write adds that the store is unchanged.
    public init(_ e: FileError) {
        switch e {
        case .notFound(let p): self = .notFound(path: p)
        case .unreadable(let p, let r): self = .unreadable(path: p, reason: r)
        case .unwritable(let p, let r): self = .unwritable(path: p, reason: r)
        }
    }

    /// Runs `body`, which reads or writes the store's own files, turning its file errors into store errors.
    public static func onStore<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as FileError { throw StoreError(e) }
    }
}
