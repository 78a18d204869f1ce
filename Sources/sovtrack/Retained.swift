/// Values kept alive until the process exits.
///
/// Freeing a large store's deals one allocation at a time is a good part of a command's run
/// time (docs/performance.md), and the kernel takes the whole heap back at exit anyway; so a command's loaded store
/// is parked here instead of being released when `run()` returns.
enum Retained {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        values.append(value)
    }
}
