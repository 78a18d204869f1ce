/// Which sources back one figure of a deal: the one place that knows where citations live.
///
/// Today a feed gives sources per deal, so every figure of a deal cites all of the deal's
/// sources. When the feed says which source states which figure, only `sources(of:for:)`
/// changes; the report numbers and prints whatever it returns.
public enum Citation {
    /// A figure of a deal that a report's table totals.
    public enum Figure: Sendable, CaseIterable {
        /// That the deal exists (the deals column).
        case deal
        case committedMW, ambitionMW, operationalMW
        /// Who the vendors are (the concentration columns).
        case vendors
    }

    /// The sources stating `figure` of `deal`.
    public static func sources(of deal: Deal, for figure: Figure) -> [Source] { deal.sources }

    /// True when the deal takes part in `figure` of its country's row: a deal that states
    /// no committed MW adds nothing to the committed total, so it is not cited there.
    public static func contributes(_ deal: Deal, to figure: Figure) -> Bool {
        switch figure {
        case .deal: return true
        case .committedMW: return deal.capacity?.committedMW != nil
        case .ambitionMW: return deal.capacity?.ambitionMW != nil
        case .operationalMW: return deal.capacity?.operationalMW != nil
        case .vendors: return deal.partners.contains { $0.role == .vendor } && deal.capacity?.ambitionMW != nil
        }
    }

    /// Source numbers as short text: `[1–3, 7]`; empty for none.
    public static func marks(_ numbers: [Int]) -> String {
        guard !numbers.isEmpty else { return "" }
        return "["
            + ranges(numbers).map {
                $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)"
            }
            .joined(separator: ", ") + "]"
    }

    /// Sorted numbers as runs of consecutive numbers.
    public static func ranges(_ numbers: [Int]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        for n in numbers.sorted() {
            if let last = out.last, n <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, n)
            } else {
                out.append(n...n)
            }
        }
        return out
    }
}
