/// How sure anyone is of a deal's target capacity.
public enum Confidence: String, Sendable, CaseIterable, Comparable {
    case confirmed, reported, aspirational

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
