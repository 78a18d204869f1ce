/// A company or body taking part in a deal, with its role.
public struct Partner: Sendable, Equatable {
    public var name: String
    public var role: PartnerRole
    /// What the partner supplies (`memory`), when the sources say.
    public var supplies: String?
    /// To whom it supplies it (`NVIDIA`): another partner or the sponsor.
    public var to: String?
    public var extra: [JSONField]

    public init(name: String, role: PartnerRole, supplies: String? = nil, to: String? = nil, extra: [JSONField] = []) {
        self.name = name; self.role = role; self.supplies = supplies; self.to = to; self.extra = extra
    }

    /// `SK hynix (vendor: memory to NVIDIA)`, as `show` lists it.
    public var described: String {
        var role = self.role.rawValue
        if let s = supplies { role += ": " + s }
        if let t = to { role += (supplies == nil ? ": to " : " to ") + t }
        return "\(name) (\(role))"
    }
}
