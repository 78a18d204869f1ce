/// What a partner does in a deal.
public enum PartnerRole: String, Sendable, CaseIterable {
    case vendor, `operator`, investor, government, customer, other

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
