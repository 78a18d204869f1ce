/// A company or body taking part in a deal, with its role.
public struct Partner: Sendable, Equatable {
    public var name: String
    public var role: PartnerRole
    public var extra: [JSONField]

    public init(name: String, role: PartnerRole, extra: [JSONField] = []) {
        self.name = name; self.role = role; self.extra = extra
    }
}
