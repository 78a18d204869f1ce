/// What sort of deal this is; it decides whether megawatts apply to it at all.
///
/// A memory partnership has no megawatts because none exist, not because nobody published
/// them: the kind keeps "does not apply" apart from "not known". A deal without a kind
/// (every version-1 deal) is unspecified and treated as a deal that may have megawatts.
public enum DealKind: String, Sendable, CaseIterable {
    /// A capacity build: an AI factory, data centre or cluster.
    case build
    /// A supply or technology partnership.
    case partnership
    /// A cloud or compute service.
    case cloud
    /// A model programme.
    case model
    /// A government programme.
    case programme

    /// False for the kinds that have no power figure by nature.
    public var hasMegawatts: Bool { self != .partnership && self != .model }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
