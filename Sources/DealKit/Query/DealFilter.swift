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

    public init(countries: [String] = [], vendors: [String] = [], partners: [String] = [],
                statuses: [DealStatus] = [], since: PartialDate? = nil, until: PartialDate? = nil,
                minMW: Double? = nil, search: String = "") {
        self.countries = countries; self.vendors = vendors; self.partners = partners
        self.statuses = statuses; self.since = since; self.until = until
        self.minMW = minMW; self.search = search
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

    /// A filter ready to test many deals (folded needles, sets).
    public struct Compiled: Sendable {
        let countries: Set<String>
        let vendors: Set<String>
        let partners: Set<String>
        let statuses: Set<DealStatus>
        let since: Int?
        let until: Int?
        let minMW: Double?
        let needle: String
        let products: [String]
        public let matchesEverything: Bool

        public func matches(_ d: Deal) -> Bool {
            withUnsafePointer(to: d) { matches(at: $0) }
        }

        /// Reads single fields through the pointer: a deal passed by value out of an array
        /// or buffer is copied whole first (a retain per string), which cost more than the test.
        func matches(at d: UnsafePointer<Deal>) -> Bool {
            if matchesEverything { return true }
            if !countries.isEmpty && !countries.contains(d.pointee.country) { return false }
            if !statuses.isEmpty && !statuses.contains(d.pointee.status) { return false }
            if let since, d.pointee.announced.startKey < since { return false }
            if let until, d.pointee.announced.startKey > until { return false }
            if let minMW {
                guard let mw = d.pointee.capacity?.ambitionMW, mw >= minMW else { return false }
            }
            if !vendors.isEmpty {
                // `(none)` (Summary.noVendor) stands for the deals that name no vendor, as in the summary.
                var hasVendor = false
                for p in d.pointee.partners where p.role == .vendor {
                    if vendors.contains(DealFilter.fold(p.name)) { hasVendor = true; break }
                }
                let none = vendors.contains(DealFilter.noVendorKey) && !d.pointee.partners.contains { $0.role == .vendor }
                if !hasVendor && !none { return false }
            }
            if !partners.isEmpty && !d.pointee.partners.contains(where: { partners.contains(DealFilter.fold($0.name)) }) {
                return false
            }
            if !products.isEmpty && !d.pointee.products.contains(where: { p in
                let folded = DealFilter.fold(p)
                return products.contains { folded.contains($0) }
            }) {
                return false
            }
            if !needle.isEmpty && !DealFilter.searchText(d.pointee).contains(needle) { return false }
            return true
        }
    }

    public func compiled() -> Compiled {
        Compiled(countries: Set(countries), vendors: Set(vendors.map(DealFilter.fold)),
                 partners: Set(partners.map(DealFilter.fold)), statuses: Set(statuses),
                 since: since?.startKey, until: until?.endKey, minMW: minMW,
                 needle: DealFilter.fold(search.trimmingCharacters(in: .whitespaces)),
                 products: products.map { DealFilter.fold($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty },
                 matchesEverything: isEmpty)
    }

    /// The folded text `--search` looks in.
    public static func searchText(_ d: Deal) -> String {
        var parts: [String] = [d.title]
        if let s = d.sponsor { parts.append(s) }
        for p in d.partners { parts.append(p.name) }
        parts += d.models
        parts += d.products
        if let s = d.site { parts.append(s) }
        parts += d.tags
        return fold(parts.joined(separator: "\u{1F}"))
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
