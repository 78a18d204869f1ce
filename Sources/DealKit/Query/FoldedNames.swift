/// Names interned to integers by their folded form (`DealFilter.fold`: case and accents
/// ignored), each shown as first written: how vendors and partners are told apart.
///
/// A name is looked up by its exact spelling first, so each distinct spelling is folded once
/// however many deals repeat it.
struct FoldedNames {
    private var bySpelling: [String: Int32] = [:]
    /// The id of each folded name.
    private(set) var ids: [String: Int32] = [:]
    /// The folded names by id.
    private(set) var keys: [String] = []
    /// The first spelling of each, by id.
    private(set) var names: [String] = []

    /// The id of `name`, made on its first appearance.
    @inline(__always)
    mutating func id(_ name: String) -> Int32 {
        if let id = bySpelling[name] { return id }
        let key = DealFilter.fold(name)
        let id: Int32
        if let known = ids[key] {
            id = known
        } else {
            id = Int32(keys.count)
            ids[key] = id
            keys.append(key)
            names.append(name)
        }
        bySpelling[name] = id
        return id
    }
}
