import DealKit

/// The timeline's lanes (one per deal, grouped by country) and the span of dates they cover.
struct TimelineModel: Sendable {
    /// A line of the timeline: a country heading or a deal's lane.
    enum Line: Sendable, Equatable {
        case country(String)
        case deal(Int32)
    }

    let lines: [Line]
    /// Index in `lines` of each deal lane, in order: the cursor moves over these.
    let laneLines: [Int]
    /// First and last month covered, as year * 12 + (month - 1); nil when no deal has a date.
    let firstMonth: Int?
    let lastMonth: Int?

    /// Groups `rows` by country, countries in order of their first deal, deals in row order.
    init(catalog: DealIndex, rows: [Int32]) {
        // Arrays indexed by country id, not dictionaries: this runs on every filter change.
        var groups = [[Int32]](repeating: [], count: catalog.countryCodes.count)
        var order: [Int32] = []
        var first = Int32.max
        var last = Int32.min
        for i in rows {
            let c = catalog.countryOf[Int(i)]
            if groups[Int(c)].isEmpty { order.append(c) }
            groups[Int(c)].append(i)
            first = min(first, catalog.firstMonth[Int(i)])
            last = max(last, catalog.lastMonth[Int(i)])
        }
        var lines: [Line] = []
        var lanes: [Int] = []
        lines.reserveCapacity(rows.count + order.count)
        lanes.reserveCapacity(rows.count)
        for c in order {
            lines.append(.country(catalog.countryCodes[Int(c)]))
            for i in groups[Int(c)] {
                lanes.append(lines.count)
                lines.append(.deal(i))
            }
        }
        self.lines = lines
        laneLines = lanes
        firstMonth = rows.isEmpty ? nil : Int(first)
        lastMonth = rows.isEmpty ? nil : Int(last)
    }

    /// A partial date's first or last month as year * 12 + (month - 1).
    static func month(_ d: PartialDate, start: Bool) -> Int {
        DealIndex.month(d, start: start)
    }
}
