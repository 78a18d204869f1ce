/// A company or body taking part in a deal, with its role.
public struct Partner: Sendable, Equatable {
    public var name: String
    public var role: PartnerRole
    public var extra: [JSONField]
    /// What it supplies to whom, boxed: few partners say, and two optional strings inline
    /// would more than double the size of every partner the decoder and summaries copy.
    private var supply: Supply?

    /// What the partner supplies (`memory`), when the sources say.
    public var supplies: String? {
        get { supply?.supplies }
        set { supply = Supply.make(newValue, to) }
    }

    /// To whom it supplies it (`NVIDIA`): another partner or the sponsor.
    public var to: String? {
        get { supply?.to }
        set { supply = Supply.make(supplies, newValue) }
    }

    public init(name: String, role: PartnerRole, supplies: String? = nil, to: String? = nil, extra: [JSONField] = []) {
        self.name = name
        self.role = role
        self.extra = extra
        self.supply = Supply.make(supplies, to)
    }

    /// `SK hynix (vendor: memory to NVIDIA)`, as `show` lists it.
    public var described: String {
        var role = self.role.rawValue
        if let s = supplies { role += ": " + s }
        if let t = to { role += (supplies == nil ? ": to " : " to ") + t }
        return "\(name) (\(role))"
    }

    public static func == (a: Partner, b: Partner) -> Bool {
        a.name == b.name && a.role == b.role && a.supplies == b.supplies && a.to == b.to && a.extra == b.extra
    }

    /// The immutable box of `supplies` and `to`.
    private final class Supply: Sendable {
        let supplies: String?
        let to: String?

        private init(_ supplies: String?, _ to: String?) {
            self.supplies = supplies
            self.to = to
        }

        /// A box, or nil when there is nothing to say.
        static func make(_ supplies: String?, _ to: String?) -> Supply? {
            supplies == nil && to == nil ? nil : Supply(supplies, to)
        }
    }
}
