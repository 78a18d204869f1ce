/// The header row of an Epoch file: which column sits at which position.
///
/// Everything that depends only on the header (positions, the columns kept under `epoch`)
/// is worked out once here, not for every row.
public struct EpochHeader: Sendable, Equatable {
    /// A column without a feed field, kept under the deal's `epoch` key.
    struct KeptColumn: Sendable, Equatable {
        var index: Int
        var name: String
        /// True for `Builds Upon` and the like, whose names are resolved to deal ids.
        var isLink: Bool
    }

    /// The header cells exactly as the file writes them, for the rejects file.
    public let cells: [String]
    /// Each cell's canonical column name (see ``EpochColumn/canonical(_:)``).
    public let names: [String]
    private let indexByName: [String: Int]
    private let indexByKey: [String: Int]
    /// The columns kept under `epoch`, in the order they are written there.
    let kept: [KeptColumn]

    /// Reads a header row; a column named twice is found at its first position.
    public init(_ cells: [String]) {
        self.cells = cells
        names = cells.map(EpochColumn.canonical)
        var byName: [String: Int] = [:]
        var byKey: [String: Int] = [:]
        var kept: [(order: Int, column: KeptColumn)] = []
        let linkKeys = Set(EpochColumn.links.map(EpochColumn.key))
        for (i, n) in names.enumerated() where !n.isEmpty {
            let k = EpochColumn.key(n)
            guard byKey[k] == nil else { continue }
            byKey[k] = i
            byName[n] = i
            if !EpochColumn.mapped.contains(k) {
                kept.append(
                    (EpochColumn.orderIndex[n] ?? Int.max, KeptColumn(index: i, name: n, isLink: linkKeys.contains(k))))
            }
        }
        indexByName = byName
        indexByKey = byKey
        self.kept = kept.sorted { a, b in a.order != b.order ? a.order < b.order : a.column.name < b.column.name }.map(
            \.column)
    }

    /// The position of a column, or nil if the file does not have it.
    public func index(of column: String) -> Int? {
        if let i = indexByName[column] { return i }
        // A known column under its canonical name is either found above or absent.
        if EpochColumn.orderIndex[column] != nil { return nil }
        return indexByKey[EpochColumn.key(column)]
    }

    /// The required columns this header lacks.
    public var missingRequired: [String] {
        EpochColumn.required.filter { index(of: $0) == nil }
    }
}
