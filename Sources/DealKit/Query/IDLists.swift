/// Lists of ids per deal, as `DealGroups` keeps the vendors: deal i's are `ids[start[i]..<start[i + 1]]`.
struct IDLists {
    let start: [Int32]
    let ids: [Int32]

    /// Calls `body` with a function from a deal to its list, valid only within `body`.
    func with<R>(_ body: ((Int) -> UnsafeBufferPointer<Int32>) -> R) -> R {
        start.withUnsafeBufferPointer { start in
            ids.withUnsafeBufferPointer { ids in
                body { i in UnsafeBufferPointer(rebasing: ids[Int(start[i])..<Int(start[i + 1])]) }
            }
        }
    }
}
