/// Which of a deal's sources state each of its figures: `55 MW [1]`.
///
/// Source numbers are 1-based positions in the deal's `sources`, as `show` prints them.
/// Kept as a short list rather than a field per figure: most deals cite nothing, and a
/// deal is copied often enough that its size matters.
public struct Citations: Sendable, Equatable {
    /// A figure of a deal that a source can state.
    public enum Figure: String, Sendable, CaseIterable {
        case announced, initialMW, targetMW, operationalMW, accelerators, investment, platform, site, sponsor
    }

    /// The figures cited, in `Figure` order, each with its source numbers.
    public private(set) var entries: [(figure: Figure, sources: [Int])] = []

    public init() {}

    public init(_ pairs: [(Figure, [Int])]) {
        for (f, s) in pairs { self[f] = s }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The sources citing `figure`; setting an empty list removes the figure.
    public subscript(figure: Figure) -> [Int] {
        get { entries.first { $0.figure == figure }?.sources ?? [] }
        set {
            if let i = entries.firstIndex(where: { $0.figure == figure }) {
                if newValue.isEmpty { entries.remove(at: i) } else { entries[i].sources = newValue }
            } else if !newValue.isEmpty {
                let at =
                    entries.firstIndex {
                        Figure.allCases.firstIndex(of: $0.figure)! > Figure.allCases.firstIndex(of: figure)!
                    } ?? entries.count
                entries.insert((figure, newValue), at: at)
            }
        }
    }

    public static func == (a: Citations, b: Citations) -> Bool {
        a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.figure == $1.figure && $0.sources == $1.sources }
    }

    /// ` [1, 3]` to follow a figure, or "" when nothing cites it.
    public static func marker(_ sources: [Int]) -> String {
        sources.isEmpty ? "" : " [" + sources.map(String.init).joined(separator: ", ") + "]"
    }
}
