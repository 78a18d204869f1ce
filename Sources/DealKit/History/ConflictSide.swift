/// Which side of a merge conflict to keep: ours (the deal already holds it) or theirs.
public enum ConflictSide: String, Sendable, CaseIterable {
    case ours, theirs
}
