/// The report's numbered sources: each distinct source once, numbered in order of first citation.
public struct SourceList: Sendable {
    /// The sources, `entries[0]` being number 1.
    public private(set) var entries: [Source] = []
    private var numbers: [Key: Int] = [:]

    /// What makes two sources the same; a struct, so looking one up builds no string.
    private struct Key: Hashable {
        var url: String?
        var title: String?
        var publisher: String?
    }

    public init() {}

    /// The number of `source`, giving it the next one if it is new.
    ///
    /// Two sources are the same when their URL is, or, without URLs, their title and publisher.
    public mutating func number(_ source: Source) -> Int {
        let key = source.url.map { Key(url: $0) } ?? Key(title: source.title ?? "", publisher: source.publisher ?? "")
        if let n = numbers[key] { return n }
        entries.append(source)
        numbers[key] = entries.count
        return entries.count
    }
}
