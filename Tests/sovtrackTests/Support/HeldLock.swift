import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on a store's `.lock` file, held by the test process.
final class HeldLock {
    private let fd: Int32

    init(store: URL) throws {
        fd = open(store.path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw NSError(domain: "HeldLock", code: Int(errno)) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw NSError(domain: "HeldLock", code: Int(errno))
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
