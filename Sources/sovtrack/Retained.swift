/// Values kept alive until the process exits.
///
/// Freeing 100,000 deals one allocation at a time costs a sixth of a command's run time,
/// and the kernel takes the whole heap back at exit anyway; so a command's loaded store
/// is parked here instead of being released when `run()` returns.
enum Retained {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        values.append(value)
    }
}
