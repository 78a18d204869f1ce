/// A stated amount of money in an ISO 4217 currency.
public struct Investment: Sendable, Equatable {
    public var amount: Double
    public var currency: String
    public var extra: [JSONField]

    public init(amount: Double, currency: String, extra: [JSONField] = []) {
        self.amount = amount
        self.currency = currency
        self.extra = extra
    }
}
