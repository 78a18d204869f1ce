/// The chips a deal deploys, e.g. 18000 × GB300.
public struct Accelerators: Sendable, Equatable {
    public var count: Int?
    public var type: String?
    public var extra: [JSONField]

    public init(count: Int? = nil, type: String? = nil, extra: [JSONField] = []) {
        self.count = count
        self.type = type
        self.extra = extra
    }
}
