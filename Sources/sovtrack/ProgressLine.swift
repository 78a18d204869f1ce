import DealKit

#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress indicator on standard error, shown only on a terminal and only once
/// a command (an import) has taken more than a moment.
struct ProgressLine {
    /// How long an import runs before the indicator appears.
    static let delay = Duration.milliseconds(300)
    let start: ContinuousClock.Instant
    let enabled = isatty(2) == 1
    var shown = false
    var lastDrawn: ContinuousClock.Instant?

    init(start: ContinuousClock.Instant) { self.start = start }

    /// Redraws the line with `text`, at most ten times a second unless `force` (a new phase).
    mutating func show(_ text: String, force: Bool = false) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - start >= ProgressLine.delay else { return }
        if !force, let last = lastDrawn, now - last < .milliseconds(100) { return }
        lastDrawn = now
        shown = true
        ProgressLine.write("\r\u{1B}[K" + SafeText.sanitize(text))
    }

    /// Removes the line, if it was drawn.
    mutating func clear() {
        guard shown else { return }
        shown = false
        ProgressLine.write("\r\u{1B}[K")
    }

    /// Writes to standard error without adding a line break.
    private static func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress!, $0.count) }
    }
}
