/// A deal's power figures in megawatts; nil is unknown, never zero.
public struct Capacity: Sendable, Equatable {
    public var initialMW: Double?
    public var targetMW: Double?
    public var operationalMW: Double?
    public var confidence: Confidence?
    /// The figures that are an order of magnitude or an estimate, not a stated number.
    public var approx: CapacityFigures = []
    public var extra: [JSONField]

    public init(
        initialMW: Double? = nil, targetMW: Double? = nil, operationalMW: Double? = nil,
        confidence: Confidence? = nil, approx: CapacityFigures = [], extra: [JSONField] = []
    ) {
        self.initialMW = initialMW
        self.targetMW = targetMW
        self.operationalMW = operationalMW
        self.confidence = confidence
        self.approx = approx
        self.extra = extra
    }

    /// The larger of the known initial and operational figures.
    public var committedMW: Double? {
        switch (initialMW, operationalMW) {
        case (let a?, let b?): return max(a, b)
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (nil, nil): return nil
        }
    }

    /// The target if known, else the committed figure.
    public var ambitionMW: Double? { targetMW ?? committedMW }

    /// True when the figure `committedMW` takes is approximate.
    public var committedIsApprox: Bool {
        switch (initialMW, operationalMW) {
        case (let a?, let b?): return a >= b ? approx.contains(.initial) : approx.contains(.operational)
        case (.some, nil): return approx.contains(.initial)
        case (nil, .some): return approx.contains(.operational)
        case (nil, nil): return false
        }
    }

    /// True when the figure `ambitionMW` takes is approximate.
    public var ambitionIsApprox: Bool { targetMW != nil ? approx.contains(.target) : committedIsApprox }

    /// True when none of the three figures is known.
    public var hasNoFigure: Bool { initialMW == nil && targetMW == nil && operationalMW == nil }

    /// True when nothing at all is known.
    public var isEmpty: Bool {
        initialMW == nil && targetMW == nil && operationalMW == nil && confidence == nil && approx.isEmpty
            && extra.isEmpty
    }
}
