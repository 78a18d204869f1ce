import DealKit

/// How the dashboard starts.
public struct DashboardOptions: Sendable {
    public var color = true
    public var mouse = true
    public init() {}
}

/// Why the dashboard could not start.
public struct DashboardError: Error, CustomStringConvertible {
    public var description: String
}

/// The full-screen dashboard (placeholder until the TUI lands).
public enum Dashboard {
    public static func run(store: Store, snapshot: Store.Snapshot, filter: DealFilter, options: DashboardOptions) throws {
        print(String(decoding: SummaryExport.render(Summary(deals: filter.apply(to: snapshot.feed.deals)), as: .table), as: UTF8.self), terminator: "")
    }
}
