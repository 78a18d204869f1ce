/// Memory that several threads read at once and none writes: a memory-mapped file's bytes,
/// or the deals of an array read through a buffer.
///
/// The one type the project declares safe to share by hand (`@unchecked Sendable`,
/// docs/concurrency.md), so that every such place can be found by its name; never pass an
/// address as an integer to get past the checks instead. The compiler cannot see that the
/// memory is never written and outlives the work, so a value is made only inside the scope
/// that keeps the memory alive (`FileSystem.withContents`, `withUnsafeBufferPointer`),
/// around work that ends in that scope (`Parallel.map` returns once every part has finished).
struct ReadOnlyBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>

    init(_ buffer: UnsafeBufferPointer<Element>) { self.buffer = buffer }
}
