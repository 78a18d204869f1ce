/// A set of a deal's three capacity figures, for those that are approximate.
public struct CapacityFigures: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let initial = CapacityFigures(rawValue: 1)
    public static let target = CapacityFigures(rawValue: 2)
    public static let operational = CapacityFigures(rawValue: 4)

    /// Each figure with its feed key, in the canonical order.
    public static let keyed: [(figure: CapacityFigures, key: String)] = [
        (.initial, "initialMW"), (.target, "targetMW"), (.operational, "operationalMW"),
    ]
}
