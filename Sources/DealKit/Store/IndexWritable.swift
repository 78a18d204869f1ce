/// A value `IndexWriter` writes the one way it is always written: so each part of a deal
/// names its fields in order once, and how a string, an optional, a list or unknown keys are
/// laid out is said in one place (`IndexWriter.optional`, `list`).
///
/// Every call is on a concrete type, which the compiler specializes: no conformance of
/// `Optional` or `Array` and no variadic pack, which ran generically at run time (type
/// metadata looked up per field) and made the index cost 2.4 times the JSON to write.
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

extension PartialDate: IndexWritable {
    func write(to w: inout IndexWriter) { w.date(self) }
}

/// An unknown key kept with its value; a list of them is a part's `extra`.
extension JSONField: IndexWritable {
    func write(to w: inout IndexWriter) {
        w.string(key)
        w.value(value)
    }
}

extension JSONValue: IndexWritable {
    func write(to w: inout IndexWriter) { w.value(self) }
}

extension DealStatus: IndexWritableCase { static let indexed = allCases }
extension PartnerRole: IndexWritableCase { static let indexed = allCases }
extension Confidence: IndexWritableCase { static let indexed = allCases }
extension DealKind: IndexWritableCase { static let indexed = allCases }
extension Citations.Figure: IndexWritableCase { static let indexed = allCases }

// Each part's fields in the order `IndexReader` reads them back, one call a field.

extension Partner: IndexWritable {
    func write(to w: inout IndexWriter) {
        w.string(name)
        w.enumCase(role)
        w.optional(supplies)
        w.optional(to)
        w.list(extra)
    }
}

extension Capacity: IndexWritable {
    func write(to w: inout IndexWriter) {
        w.optional(initialMW)
        w.optional(targetMW)
        w.optional(operationalMW)
        w.optional(confidence)
        w.byte(approx.rawValue)
        w.list(extra)
    }
}

extension Accelerators: IndexWritable {
    func write(to w: inout IndexWriter) {
        w.optional(count)
        w.optional(type)
        w.list(extra)
    }
}

extension Investment: IndexWritable {
    func write(to w: inout IndexWriter) {
        w.double(amount)
        w.string(currency)
        w.list(extra)
    }
}

extension Milestone: IndexWritable {
    func write(to w: inout IndexWriter) {
        w.date(date)
        w.string(event)
        w.bool(done)
        w.list(cite)
        w.list(extra)
    }
}

extension Source: IndexWritable {
    func write(to w: inout IndexWriter) {
        w.optional(title)
        w.optional(publisher)
        w.optional(url)
        w.optional(date)
        w.list(extra)
    }
}

extension Deal: IndexWritable {
    func write(to w: inout IndexWriter) {
        w.string(id)
        w.string(title)
        w.string(country)
        w.date(announced)
        w.enumCase(status)
        w.optional(sponsor)
        w.list(partners)
        w.optional(platform)
        w.optional(site)
        w.optional(capacity)
        w.optional(accelerators)
        w.optional(investment)
        w.list(models)
        w.list(milestones)
        w.list(sources)
        w.list(tags)
        w.optional(notes)
        w.optional(kind)
        w.bool(announcedStated)
        w.list(products)
        w.list(cite.entries) { w, entry in
            w.enumCase(entry.figure)
            w.list(entry.sources)
        }
        w.list(extra)
    }
}
