import DealKit

#if canImport(Glibc)
    import Glibc
#endif

/// How far a long save to a database has got, on one line of standard error that redraws
/// itself: only on a terminal, so that a script's error output stays clean.
enum SaveProgress {
    /// A progress callback for `PostgresStore.onProgress`, saying `what` (nil off a terminal).
    static func line(_ what: String) -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        return { done, total in
            let text =
                "\r\u{1B}[K" + SafeText.sanitize("\(what): \(done)/\(total)") + (done == total ? "\r\u{1B}[K" : "")
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress!, $0.count) }
        }
    }
}
