/// What a CSV row (`DealCSV.columns`) reads of one deal in a `StoreIndex` chunk, taken where
/// it lies in the index's bytes: so that all deals as CSV are written without making a `Deal`
/// (its strings, lists and their retains are most of what building one costs).
///
/// Reading it steps over the whole deal in the order `IndexReader.deal()` reads it (the order
/// `Deal.write(to:)` writes), checking every length and tag as that does; the lists a row
/// shows (partners, models, products, sources) are kept as readers at their start, read again
/// by `DealCSV.append(row:to:scratch:)`. The bytes lie in the index's mapping: valid only
/// while it is. `IndexCSVTests` compare the rows with those of the deals `deal()` makes.
struct IndexedRow {
    var id: UnsafeBufferPointer<UInt8>
    var title: UnsafeBufferPointer<UInt8>
    var country: UnsafeBufferPointer<UInt8>
    var announced: PartialDate
    var announcedStated = true
    var status: DealStatus
    var sponsor: UnsafeBufferPointer<UInt8>?
    var platform: UnsafeBufferPointer<UInt8>?
    var site: UnsafeBufferPointer<UInt8>?
    /// At the partners' count: each a name, a role, two optional strings and unknown keys.
    var partners: IndexReader
    var initialMW: Double?
    var targetMW: Double?
    var operationalMW: Double?
    var confidence: Confidence?
    /// Empty when the deal has no capacity.
    var approx: CapacityFigures = []
    var kind: DealKind?
    /// At the lists' counts.
    var models: IndexReader
    var sources: IndexReader
    var products: IndexReader

    /// The next deal of `r`, which it leaves after the deal.
    init(_ r: inout IndexReader) throws {
        id = try r.stringBytes()
        title = try r.stringBytes()
        country = try r.stringBytes()
        announced = try r.date()
        status = try r.enumCase(DealStatus.self)
        sponsor = try r.optionalStringBytes()
        partners = r
        try r.skipList { p in
            _ = try p.stringBytes()
            _ = try p.enumCase(PartnerRole.self)
            try IndexedRow.skipPartnerRest(&p)
        }
        platform = try r.optionalStringBytes()
        site = try r.optionalStringBytes()
        if try r.bool() {
            initialMW = try r.optionalDouble()
            targetMW = try r.optionalDouble()
            operationalMW = try r.optionalDouble()
            confidence = try r.optionalEnum(Confidence.self)
            approx = CapacityFigures(rawValue: try r.byte())
            try r.skipFields()
        }
        if try r.bool() {
            _ = try r.optional { try $0.int() }
            _ = try r.optionalStringBytes()
            try r.skipFields()
        }
        if try r.bool() {
            _ = try r.double()
            _ = try r.stringBytes()
            try r.skipFields()
        }
        models = r
        try r.skipList { _ = try $0.stringBytes() }
        try r.skipList { m in
            _ = try m.date()
            _ = try m.stringBytes()
            _ = try m.bool()
            try m.skipList { _ = try $0.int() }
            try m.skipFields()
        }
        sources = r
        try r.skipList { try IndexedRow.skipSource(&$0) { _ in } }
        try r.skipList { _ = try $0.stringBytes() }
        _ = try r.optionalStringBytes()
        kind = try r.optionalEnum(DealKind.self)
        announcedStated = try r.bool()
        products = r
        try r.skipList { _ = try $0.stringBytes() }
        try r.skipList { c in
            _ = try c.enumCase(Citations.Figure.self)
            try c.skipList { _ = try $0.int() }
        }
        try r.skipFields()
    }

    /// Steps over a partner's fields after its name and role.
    static func skipPartnerRest(_ p: inout IndexReader) throws {
        _ = try p.optionalStringBytes()
        _ = try p.optionalStringBytes()
        try p.skipFields()
    }

    /// Steps over a source, giving `url` its URL (if any).
    static func skipSource(_ s: inout IndexReader, url: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        _ = try s.optionalStringBytes()
        _ = try s.optionalStringBytes()
        if let u = try s.optionalStringBytes() { url(u) }
        _ = try s.optionalDate()
        try s.skipFields()
    }
}
