import Foundation

/// Which deals to show: OR within a kind of criterion, AND across kinds.
public struct DealFilter: Sendable, Equatable {
    /// ISO codes (already resolved from names).
    public var countries: [String] = []
    public var vendors: [String] = []
    public var partners: [String] = []
    public var statuses: [DealStatus] = []
    /// Announced on or after the start of this period.
    public var since: PartialDate?
    /// Announced on or before the end of this period.
    public var until: PartialDate?
    /// Ambition MW (target, else committed) at least this; unknown MW never passes.
    public var minMW: Double?
    /// Case-insensitive text over title, sponsor, partners, models, products, site and tags.
    public var search: String = ""
    /// Products named by the deal, any case, each matching a product that contains it.
    public var products: [String] = []

    public init(
        countries: [String] = [], vendors: [String] = [], partners: [String] = [],
        statuses: [DealStatus] = [], since: PartialDate? = nil, until: PartialDate? = nil,
        minMW: Double? = nil, search: String = ""
    ) {
        self.countries = countries
        self.vendors = vendors
        self.partners = partners
        self.statuses = statuses
        self.since = since
        self.until = until
        self.minMW = minMW
        self.search = search
    }

    /// A filter on the products a deal names.
    public init(products: [String]) {
        self.products = products
    }

    public var isEmpty: Bool { self == DealFilter() }

    /// Lower-cased, diacritic-folded text for case-insensitive matching.
    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        return s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The folded `(none)`: as a vendor, it selects the deals without one.
    public static let noVendorKey = fold(Summary.noVendor)

    /// A filter ready to test many deals (folded needles, sets): the one place its rules are written.
    ///
    /// The command line tests deals one by one (`matches`, while the store is read); the
    /// dashboard tests a `DealIndex`'s columns, with the names resolved to its ids
    /// (`names.resolved`) and the rest read from the deal (`passesFields`).
    public struct Compiled: Sendable {
        /// Country codes, and folded vendor and partner names.
        public let names: NameCriteria<String>
        let statuses: Set<DealStatus>
        let since: Int?
        let until: Int?
        let minMW: Double?
        /// The folded search text, as UTF-8.
        let needle: [UInt8]
        let products: [String]
        public let matchesEverything: Bool

        public func matches(_ d: Deal) -> Bool {
            withUnsafePointer(to: d) { matches(at: $0) }
        }

        /// Reads single fields through the pointer: a deal passed by value out of an array
        /// or buffer is copied whole first (a retain per string), which cost more than the test.
        func matches(at d: UnsafePointer<Deal>) -> Bool {
            if matchesEverything { return true }
            guard names.passes(country: d.pointee.country), passesFields(at: d) else { return false }
            // Names are folded only when a criterion asks for them: folding is the costly part.
            if names.vendors != nil || names.partners != nil {
                let partners = d.pointee.partners
                guard
                    names.passes(
                        vendors: partners.lazy.filter { $0.role == .vendor }.map { DealFilter.fold($0.name) },
                        partners: partners.lazy.map { DealFilter.fold($0.name) })
                else { return false }
            }
            if !needle.isEmpty {
                var text: [UInt8] = []
                var folder = SearchText()
                folder.append(d, to: &text)
                guard text.withUnsafeBytes({ t in needle.withUnsafeBytes { ByteSearch.contains(t, $0) } }) else {
                    return false
                }
            }
            return true
        }

        /// The criteria read from the deal's own fields: status, dates, megawatts and products.
        public func passesFields(at d: UnsafePointer<Deal>) -> Bool {
            if !statuses.isEmpty && !statuses.contains(d.pointee.status) { return false }
            if let since, d.pointee.announced.startKey < since { return false }
            if let until, d.pointee.announced.startKey > until { return false }
            if let minMW {
                guard let mw = d.pointee.capacity?.ambitionMW, mw >= minMW else { return false }
            }
            if !products.isEmpty
                && !d.pointee.products.contains(where: { p in
                    let folded = DealFilter.fold(p)
                    return products.contains { folded.contains($0) }
                })
            {
                return false
            }
            return true
        }
    }

    public func compiled() -> Compiled {
        let vendorKeys = Set(vendors.map(DealFilter.fold))
        let names = NameCriteria(
            countries: countries.isEmpty ? nil : Set(countries),
            vendors: vendors.isEmpty ? nil : vendorKeys,
            noVendor: vendorKeys.contains(DealFilter.noVendorKey),
            partners: partners.isEmpty ? nil : Set(partners.map(DealFilter.fold)))
        return Compiled(
            names: names, statuses: Set(statuses),
            since: since?.startKey, until: until?.endKey, minMW: minMW,
            needle: SearchIndex.needle(search),
            products: products.map { DealFilter.fold($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty },
            matchesEverything: isEmpty)
    }

    /// The folded text `--search` looks in.
    public static func searchText(_ d: Deal) -> String {
        var text: [UInt8] = []
        var folder = SearchText()
        withUnsafePointer(to: d) { folder.append($0, to: &text) }
        return String(decoding: text, as: UTF8.self)
    }

    /// The deals that pass, in their given order.
    public func apply(to deals: [Deal]) -> [Deal] {
        let c = compiled()
        if c.matchesEverything { return deals }
        // Through a buffer, so only the deals kept are copied, not every deal looked at.
        return deals.withUnsafeBufferPointer { d in
            var kept: [Deal] = []
            for i in d.indices where c.matches(at: d.baseAddress! + i) { kept.append(d[i]) }
            return kept
        }
    }

    /// The command-line options that select the same deals (`--country KR --min-mw 100`).
    public var arguments: [String] {
        var a: [String] = []
        for c in countries { a += ["--country", c] }
        for v in vendors { a += ["--vendor", v] }
        for p in partners { a += ["--partner", p] }
        for s in statuses { a += ["--status", s.rawValue] }
        if let since { a += ["--since", since.description] }
        if let until { a += ["--until", until.description] }
        if let minMW { a += ["--min-mw", JSONWriter.format(minMW)] }
        if !search.isEmpty { a += ["--search", search] }
        return a
    }

    /// A one-line description for a header: `country KR · vendor NVIDIA · "dsx"`.
    public var summary: String {
        var parts: [String] = []
        if !countries.isEmpty { parts.append("country " + countries.joined(separator: "|")) }
        if !vendors.isEmpty { parts.append("vendor " + vendors.joined(separator: "|")) }
        if !partners.isEmpty { parts.append("partner " + partners.joined(separator: "|")) }
        if !statuses.isEmpty { parts.append("status " + statuses.map(\.rawValue).joined(separator: "|")) }
        if let since { parts.append("since \(since)") }
        if let until { parts.append("until \(until)") }
        if let minMW { parts.append("≥\(JSONWriter.format(minMW)) MW") }
        if !products.isEmpty { parts.append("product " + products.joined(separator: "|")) }
        if !search.isEmpty { parts.append("\"\(search)\"") }
        return parts.joined(separator: " · ")
    }
}
