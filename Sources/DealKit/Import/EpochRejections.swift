/// The rows an Epoch import rejects: every one counted by reason, the first of each reason kept.
///
/// A hostile file can have millions of rows that are all rejected; the report names three of
/// each reason, and the rejects file reads the rows again from the input, so only the first
/// ``keptPerReason`` of each reason are kept whole.
public struct EpochRejections: Sendable, Equatable {
    /// How many rejections of one reason are kept (the report shows three).
    public static let keptPerReason = 100

    /// What is known of all the rows rejected for one reason.
    struct Tally: Sendable, Equatable {
        var count = 0
        /// The first row's detail; `varied` when another row's differs.
        var detail = ""
        var varied = false
    }

    /// Every rejected row, counted.
    public private(set) var count = 0
    /// The first ``keptPerReason`` rejections of each reason, in file order.
    public private(set) var kept: [EpochRejection] = []
    private var tallies: [EpochRejection.Reason: Tally] = [:]

    public init() {}

    /// The given rejections, counted and kept as ``add(_:)`` would, then put in file order.
    public init(_ rejections: [EpochRejection]) {
        for r in rejections { add(r) }
        inFileOrder()
    }

    /// Counts a rejection, and keeps it if it is among the first of its reason.
    public mutating func add(_ rejection: EpochRejection) {
        count += 1
        var tally = tallies[rejection.reason] ?? Tally(detail: rejection.detail)
        tally.count += 1
        if rejection.detail != tally.detail { tally.varied = true }
        if tally.count <= Self.keptPerReason { kept.append(rejection) }
        tallies[rejection.reason] = tally
    }

    /// Puts the kept rejections in file order (rows rejected while mapping come after the
    /// rows rejected by the checks, which cover other reasons).
    mutating func inFileOrder() {
        kept.sort { $0.line < $1.line }
    }

    /// The number of rows rejected for each reason, most frequent first.
    public var byReason: [(reason: EpochRejection.Reason, count: Int)] {
        tallies.map { ($0.key, $0.value.count) }.sorted { a, b in
            a.count != b.count ? a.count > b.count : a.reason < b.reason
        }
    }

    /// The detail every row rejected for `reason` shares, or nil when they differ.
    public func sharedDetail(_ reason: EpochRejection.Reason) -> String? {
        guard let tally = tallies[reason], !tally.varied else { return nil }
        return tally.detail
    }
}
