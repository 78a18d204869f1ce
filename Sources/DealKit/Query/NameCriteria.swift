/// A filter's criteria on names (country, vendors, partners) over keys of one kind: folded
/// names when deals are tested one by one, a `DealIndex`'s ids when many are.
///
/// OR within a criterion, AND across them; nil is no criterion. A criterion whose names
/// are all unknown to an index stays, empty, and passes no deal.
public struct NameCriteria<Key: Hashable & Sendable>: Sendable {
    public var countries: Set<Key>?
    public var vendors: Set<Key>?
    /// `(none)` (`Summary.noVendor`) is among the vendors: a deal that names no vendor passes,
    /// as the summary's `(none)` row holds those deals.
    public var noVendor: Bool
    /// Partners in any role.
    public var partners: Set<Key>?

    public func passes(country: Key) -> Bool {
        Self.passes(country: country, countries)
    }

    /// Whether a deal with these vendors (each once) and partners (any role) passes.
    public func passes(vendors dealVendors: some Sequence<Key>, partners dealPartners: some Sequence<Key>) -> Bool {
        Self.passes(vendors: dealVendors, partners: dealPartners, vendors, noVendor: noVendor, partners)
    }

    /// The country rule, with the criterion's keys in any kind of set (nil: no criterion).
    @inline(__always)
    public static func passes<C: KeySet<Key>>(country: Key, _ countries: C?) -> Bool {
        countries?.contains(country) ?? true
    }

    /// The vendor and partner rule, with the criteria's keys in any kind of set (nil: no
    /// criterion): a `DealIndex` tests its ids against tables, which hash nothing.
    @inline(__always)
    public static func passes<V: KeySet<Key>, P: KeySet<Key>>(
        vendors dealVendors: some Sequence<Key>, partners dealPartners: some Sequence<Key>,
        _ vendors: V?, noVendor: Bool, _ partners: P?
    ) -> Bool {
        if let vendors {
            var named = false
            var found = false
            for v in dealVendors {
                named = true
                if vendors.contains(v) {
                    found = true
                    break
                }
            }
            if !found && !(noVendor && !named) { return false }
        }
        if let partners, !dealPartners.contains(where: partners.contains) { return false }
        return true
    }

    /// The same criteria over other keys; a name `resolve` does not know is dropped.
    public func resolved<Other>(
        countries country: (Key) -> Other?, vendors vendor: (Key) -> Other?,
        partners partner: (Key) -> Other?
    ) -> NameCriteria<Other> {
        NameCriteria<Other>(
            countries: countries.map { Set($0.compactMap(country)) },
            vendors: vendors.map { Set($0.compactMap(vendor)) },
            noVendor: noVendor,
            partners: partners.map { Set($0.compactMap(partner)) })
    }
}
