extension Array {
    /// The elements of `parts`, in order, in one array: moved, never copied; `parts` is left
    /// holding only nils.
    ///
    /// How work split across the cores (`Parallel.map`) hands back its deals: each part returns
    /// a plain array, and a copy of a deal out of it would retain every one of its strings and
    /// lists (then release them as the part is freed), which for 100,000 deals costs more than
    /// the join. Moving an optional out and leaving nil in its slot touches no reference count.
    init(moving parts: inout [[Element?]]) {
        let total = parts.reduce(0) { $0 + $1.count }
        self.init(unsafeUninitializedCapacity: total) { buffer, n in
            n = 0
            for k in parts.indices {
                parts[k].withUnsafeMutableBufferPointer { part in
                    guard let from = part.baseAddress else { return }
                    for i in 0..<part.count where (from + i).pointee != nil {
                        // Moved straight from one slot to the other: never bound to a name, never copied.
                        (buffer.baseAddress! + n).initialize(to: (from + i).move()!)
                        (from + i).initialize(to: nil)
                        n += 1
                    }
                }
            }
        }
    }
}
