import CNcursesw
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Signal handling for the dashboard's lifetime: stop signals end the loop normally, crashes give the terminal back first.
///
/// ncurses' own SIGINT/SIGTERM handler would call `endwin` and `_exit`, skipping every
/// `defer`; ours only set a flag, and the run loop (reading with a timeout, no SA_RESTART)
/// sees it within one read and leaves through the normal exit path.
enum Signals {
    /// The last stop signal received, 0 if none.
    static let stop = Atomic<Int32>(0)

    /// The handlers that were in place before ours, restored when the dashboard ends or crashes.
    private nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Installs the stop handlers; call before `newterm`, which leaves non-default handlers alone.
    static func installStopHandlers() {
        stop.store(0, ordering: .relaxed)
        for sig in stopSignals {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = { sig in Signals.stop.store(sig, ordering: .relaxed) }
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = 0
            sigaction(sig, &sa, nil)
        }
    }

    /// Puts back the default action of the stop signals.
    static func removeStopHandlers() {
        for sig in stopSignals { signal(sig, SIG_DFL) }
    }

    /// On a crash: `endwin`, restore the previous handler (the Swift backtracer's or the default) and
    /// return, so the faulting instruction runs again and is reported on a normal screen.
    static func installCrashHandlers() {
        for sig in crashSignals {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = { sig in
                endwin()
                sigaction(sig, Signals.previous + Int(sig), nil)
                if sig == SIGABRT || sig == SIGFPE { raise(sig) }
            }
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = 0
            sigaction(sig, &sa, previous + Int(sig))
        }
    }

    static func removeCrashHandlers() {
        for sig in crashSignals { sigaction(sig, previous + Int(sig), nil) }
    }
}
