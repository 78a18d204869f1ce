import DealKit

/// What a cell means on screen; the terminal maps each role to colours, so views never name a colour.
public enum Role: UInt8, Sendable, CaseIterable {
    case normal, dim, title, headerBar, tabActive, tabInactive, columnHeader, footerBar, key, message, error
    case border, bar, today, search
    case statusAnnounced, statusPlanned, statusUnderConstruction, statusOperational, statusCancelled
    case confidenceConfirmed, confidenceReported, confidenceAspirational
    case milestoneDone, milestonePending

    /// The role that colours a deal's status.
    public static func status(_ s: DealStatus) -> Role {
        switch s {
        case .announced: return .statusAnnounced
        case .planned: return .statusPlanned
        case .underConstruction: return .statusUnderConstruction
        case .operational: return .statusOperational
        case .cancelled: return .statusCancelled
        }
    }

    /// The role that colours a target's confidence.
    public static func confidence(_ c: Confidence?) -> Role {
        switch c {
        case .confirmed: return .confidenceConfirmed
        case .reported: return .confidenceReported
        case .aspirational: return .confidenceAspirational
        case nil: return .dim
        }
    }
}

/// A cell's look: a role plus the attributes that must survive a monochrome terminal.
///
/// Selection is `reverse`, not a colour, so that `NO_COLOR` still shows where the cursor is.
public struct Style: Sendable, Equatable, Hashable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()

    public func with(bold: Bool? = nil, reverse: Bool? = nil, underline: Bool? = nil) -> Style {
        var s = self
        if let bold { s.bold = bold }
        if let reverse { s.reverse = reverse }
        if let underline { s.underline = underline }
        return s
    }
}
