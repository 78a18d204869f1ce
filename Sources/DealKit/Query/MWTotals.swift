/// Megawatt totals of some deals, with unknown figures kept apart from zero: the one rule
/// behind `summary`'s rows and the dashboard's Countries and Vendors lists.
public struct MWTotals: Sendable, Equatable {
    /// What one deal adds: its figures when megawatts apply to its kind.
    public struct Figures: Sendable, Equatable {
        public var committed: Double?
        public var ambition: Double?
        public var operational: Double?
        /// Megawatts apply but none of the three figures is known.
        public var unknown: Bool
        /// The deal's kind has no megawatts (a partnership, a model): not unknown, not applicable.
        public var notApplicable: Bool
        /// Which figures are approximate: committed (1), ambition (2), operational (4).
        public var approx: UInt8

        /// Read in place: a deal passed by value out of an array is copied whole first.
        public init(_ d: UnsafePointer<Deal>) {
            // Not added even if a figure is given (validate warns): it would be counted as capacity.
            notApplicable = !(d.pointee.kind?.hasMegawatts ?? true)
            let c = notApplicable ? nil : d.pointee.capacity
            committed = c?.committedMW
            ambition = c?.ambitionMW
            operational = c?.operationalMW
            unknown = !notApplicable && (c?.hasNoFigure ?? true)
            var a: UInt8 = 0
            if let c, !c.approx.isEmpty {
                if c.committedIsApprox { a |= 1 }
                if c.ambitionIsApprox { a |= 2 }
                if c.approx.contains(.operational) && c.operationalMW != nil { a |= 4 }
            }
            approx = a
        }

        public init(
            committed: Double?, ambition: Double?, operational: Double?, unknown: Bool, notApplicable: Bool,
            approx: UInt8
        ) {
            self.committed = committed
            self.ambition = ambition
            self.operational = operational
            self.unknown = unknown
            self.notApplicable = notApplicable
            self.approx = approx
        }
    }

    public var deals = 0
    public var committed: Double?
    public var ambition: Double?
    public var operational: Double?
    /// Deals with none of the three figures known, among those megawatts apply to.
    public var unknown = 0
    /// Deals whose kind has no megawatts.
    public var notApplicable = 0
    /// Which totals add at least one approximate figure: committed (1), ambition (2), operational (4).
    public var approx: UInt8 = 0

    public init() {}

    public mutating func add(_ f: Figures) {
        add(
            committed: f.committed ?? .nan, ambition: f.ambition ?? .nan, operational: f.operational ?? .nan,
            unknown: f.unknown, notApplicable: f.notApplicable, approx: f.approx)
    }

    /// Adds one deal's figures as a `DealIndex` keeps them, NaN for unknown: the dashboard
    /// adds 100,000 of these on a keystroke, so no `Figures` is made for each.
    @inline(__always)
    public mutating func add(
        committed c: Double, ambition a: Double, operational o: Double,
        unknown u: Bool, notApplicable n: Bool, approx x: UInt8
    ) {
        deals += 1
        if !c.isNaN { committed = (committed ?? 0) + c }
        if !a.isNaN { ambition = (ambition ?? 0) + a }
        if !o.isNaN { operational = (operational ?? 0) + o }
        if u { unknown += 1 }
        if n { notApplicable += 1 }
        approx |= x
    }
}
