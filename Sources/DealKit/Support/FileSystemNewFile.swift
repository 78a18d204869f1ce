#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// Writes `bytes` to a file that did not exist: `stem.ext`, else `stem-2.ext`, `stem-3.ext`…,
    /// and returns its path. Never replaces a file, even one made meanwhile by another process.
    ///
    /// The bytes go to a temporary file first (flushed), which is then hard-linked under the
    /// new name: `link` fails rather than replace, so the choice of name and the write are one step.
    public static func writeNew(_ bytes: [UInt8], directory dir: String, stem: String, ext: String) throws -> String {
        let tmp = "\(dir)/.\(stem).new.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        do { try writeAtomically(bytes, to: tmp) } catch FileError.unwritable(_, let reason) {
            // Name the file asked for, not the temporary one the user never sees.
            throw FileError.unwritable(path: "\(dir)/\(stem).\(ext)", reason: reason)
        }
        defer { unlink(tmp) }
        for n in 1...10_000 {
            let path = "\(dir)/\(stem)\(n == 1 ? "" : "-\(n)").\(ext)"
            if link(tmp, path) == 0 {
                let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if dfd >= 0 {
                    fsync(dfd)
                    close(dfd)
                }
                return path
            }
            if errno != EEXIST { throw FileError.unwritable(path: path, reason: errorText()) }
        }
        throw FileError.unwritable(path: "\(dir)/\(stem).\(ext)", reason: "10,000 files of that name exist already")
    }
}
