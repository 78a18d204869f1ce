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
    init(catalog: DealCatalog, rows: [Int32]) {
        var order: [Int32] = []
        var groups: [Int32: [Int32]] = [:]
        var first = Int.max, last = Int.min
        let deals = catalog.deals
        for i in rows {
            let c = catalog.countryOf[Int(i)]
            if groups[c] == nil { order.append(c) }
            groups[c, default: []].append(i)
            let d = deals[Int(i)]
            first = min(first, TimelineModel.month(d.announced, start: true))
            last = max(last, TimelineModel.month(d.announced, start: false))
            for m in d.milestones {
                first = min(first, TimelineModel.month(m.date, start: true))
                last = max(last, TimelineModel.month(m.date, start: false))
            }
        }
        var lines: [Line] = []
        var lanes: [Int] = []
        lines.reserveCapacity(rows.count + order.count)
        lanes.reserveCapacity(rows.count)
        for c in order {
            lines.append(.country(catalog.countryCodes[Int(c)]))
            for i in groups[c]! {
                lanes.append(lines.count)
                lines.append(.deal(i))
            }
        }
        self.lines = lines
        laneLines = lanes
        firstMonth = rows.isEmpty ? nil : first
        lastMonth = rows.isEmpty ? nil : last
    }

    /// A partial date's first or last month as year * 12 + (month - 1).
    static func month(_ d: PartialDate, start: Bool) -> Int {
        d.year * 12 + (start ? d.firstMonth : d.lastMonth) - 1
    }
}
