/// Where a build stands.
public enum DealStatus: String, Sendable, CaseIterable, Comparable {
    case announced, planned
    case underConstruction = "under-construction"
    case operational, cancelled

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
