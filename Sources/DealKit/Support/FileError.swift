/// Why a file could not be read or written, in words a user can act on.
///
/// Separate from `StoreError` because most files are not the store (an export, an import's
/// input, `--output`): their failure must not say "the store is unchanged". The store turns
/// these into `StoreError`s (`StoreError.init(_:)`), which do.
public enum FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case notFound(path: String)
    /// The file exists but cannot be read (permissions, a directory, I/O, too large).
    case unreadable(path: String, reason: String)
    /// The file could not be written; any file it would have replaced is untouched.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file"
        case .unreadable(let p, let r): return "\(p): cannot read: \(r)"
        case .unwritable(let p, let r): return "\(p): cannot write: \(r)"
        }
    }
}
