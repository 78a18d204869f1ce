/// Where a deal's facts come from; has at least a title or a URL.
public struct Source: Sendable, Equatable {
    public var title: String?
    public var publisher: String?
    public var url: String?
    public var date: PartialDate?
    public var extra: [JSONField]

    public init(
        title: String? = nil, publisher: String? = nil, url: String? = nil,
        date: PartialDate? = nil, extra: [JSONField] = []
    ) {
        self.title = title
        self.publisher = publisher
        self.url = url
        self.date = date
        self.extra = extra
    }
}
