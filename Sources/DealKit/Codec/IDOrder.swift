/// Whether the ids of a run of deals strictly increase, kept from its first and last id alone.
///
/// Ids that strictly increase are unique (`DealValidator.idsIncrease` is the same rule over
/// an array), so a read proves on the way, on every core, that no id is used twice, even
/// one that lets most deals go (`list --country KR`) and so cannot keep every id.
struct IDOrder: Sendable {
    private(set) var first: String?
    private(set) var last: String?
    private(set) var increasing = true

    /// Notes the next id.
    mutating func see(_ id: String) {
        if let last {
            if !(last < id) { increasing = false }
        } else {
            first = id
        }
        last = id
    }

    /// Notes the run that follows this one.
    mutating func append(_ next: IDOrder) {
        guard let nextFirst = next.first else { return }
        if let last {
            increasing = increasing && next.increasing && last < nextFirst
        } else {
            first = nextFirst
            increasing = next.increasing
        }
        last = next.last
    }
}
