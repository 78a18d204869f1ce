/// A value `IndexWriter` writes the one way it is always written: so each part of a deal
/// names its fields in order once (`IndexWriter.record`), and how a string, an optional, a
/// list or unknown keys are laid out is said in one place.
protocol IndexWritable {
    func write(to w: inout IndexWriter)
}

/// An enum, written as its position in `allCases` (one byte).
protocol IndexWritableCase: IndexWritable, CaseIterable, Equatable {
    /// `allCases`, made once: `allCases` makes a new array each time it is asked, and the
    /// index reads and writes several enums per deal.
    static var indexed: [Self] { get }
}

extension IndexWritableCase {
    func write(to w: inout IndexWriter) { w.enumCase(self) }
}

extension String: IndexWritable {
    func write(to w: inout IndexWriter) { w.string(self) }
}

extension Int: IndexWritable {
    func write(to w: inout IndexWriter) { w.int(self) }
}

extension Double: IndexWritable {
    func write(to w: inout IndexWriter) { w.double(self) }
}

extension Bool: IndexWritable {
    func write(to w: inout IndexWriter) { w.bool(self) }
}

extension PartialDate: IndexWritable {
    func write(to w: inout IndexWriter) { w.date(self) }
}

extension Optional: IndexWritable where Wrapped: IndexWritable {
    func write(to w: inout IndexWriter) { w.optional(self) { $1.write(to: &$0) } }
}

extension Array: IndexWritable where Element: IndexWritable {
    func write(to w: inout IndexWriter) { w.list(self) { $1.write(to: &$0) } }
}

/// An unknown key kept with its value; a list of them is a part's `extra`.
extension JSONField: IndexWritable {
    func write(to w: inout IndexWriter) { w.record(key, value) }
}

extension JSONValue: IndexWritable {
    func write(to w: inout IndexWriter) { w.value(self) }
}

extension CapacityFigures: IndexWritable {
    func write(to w: inout IndexWriter) { w.byte(rawValue) }
}

extension DealStatus: IndexWritableCase { static let indexed = allCases }
extension PartnerRole: IndexWritableCase { static let indexed = allCases }
extension Confidence: IndexWritableCase { static let indexed = allCases }
extension DealKind: IndexWritableCase { static let indexed = allCases }
extension Citations.Figure: IndexWritableCase { static let indexed = allCases }

extension Partner: IndexWritable {
    func write(to w: inout IndexWriter) { w.record(name, role, supplies, to, extra) }
}

extension Capacity: IndexWritable {
    func write(to w: inout IndexWriter) { w.record(initialMW, targetMW, operationalMW, confidence, approx, extra) }
}

extension Accelerators: IndexWritable {
    func write(to w: inout IndexWriter) { w.record(count, type, extra) }
}

extension Investment: IndexWritable {
    func write(to w: inout IndexWriter) { w.record(amount, currency, extra) }
}

extension Milestone: IndexWritable {
    func write(to w: inout IndexWriter) { w.record(date, event, done, cite, extra) }
}

extension Source: IndexWritable {
    func write(to w: inout IndexWriter) { w.record(title, publisher, url, date, extra) }
}

extension Deal: IndexWritable {
    func write(to w: inout IndexWriter) {
        w.record(
            id, title, country, announced, status, sponsor, partners, platform, site, capacity, accelerators,
            investment, models, milestones, sources, tags, notes, kind, announcedStated, products)
        w.list(cite.entries) { $0.record($1.figure, $1.sources) }
        extra.write(to: &w)
    }
}
