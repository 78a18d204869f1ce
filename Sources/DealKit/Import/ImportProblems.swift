/// The problems of an import's rows, which stop the whole import: the first
/// `FeedDecoder.issueLimit` kept to list, the rest only counted, so two million bad rows cost
/// no more than a hundred.
public struct ImportProblems: Error, Sendable, Equatable {
    /// The first problems, each `FILE:LINE: …` or `FILE: deals[N]: …`.
    public private(set) var listed: [String] = []
    /// Every problem, listed or not.
    public private(set) var count = 0

    public init() {}

    public mutating func add(_ problem: String) {
        count += 1
        if listed.count < FeedDecoder.issueLimit { listed.append(problem) }
    }

    /// How many problems are counted but not listed.
    public var unlisted: Int { count - listed.count }
}
