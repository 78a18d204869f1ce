/// What an import did, or would do with `--dry-run`.
public struct ImportReport: Sendable, Equatable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// Ids the file gives more than once with different contents; none of them is applied.
    public var conflicts: [String] = []

    public init() {}

    /// `added 2, updated 1, unchanged 40, conflicting 0`, then the ids that changed.
    public var description: String {
        var lines = [
            "added \(added.count), updated \(updated.count), unchanged \(unchanged.count), conflicting \(conflicts.count)"
        ]
        func list(_ label: String, _ ids: [String]) {
            guard !ids.isEmpty else { return }
            let shown = ids.prefix(20).joined(separator: ", ")
            lines.append("  \(label): \(shown)\(ids.count > 20 ? ", … (\(ids.count - 20) more)" : "")")
        }
        list("added", added)
        list("updated", updated)
        list("conflicting (same id twice with different contents; not applied)", conflicts)
        return lines.joined(separator: "\n")
    }
}
