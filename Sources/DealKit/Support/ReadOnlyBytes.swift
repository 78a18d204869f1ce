/// Bytes that several threads read at once and none writes, such as a memory-mapped file.
///
/// The one value the project declares safe to share by hand (`@unchecked Sendable`,
/// docs/concurrency.md): the compiler cannot see that the memory is never written and
/// outlives the work. So it is made only inside the scope that keeps the bytes alive
/// (`FileSystem.withContents`, `withUnsafeBufferPointer`), around work that ends in that
/// scope (`Parallel.map` returns once every part has finished).
struct ReadOnlyBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}
