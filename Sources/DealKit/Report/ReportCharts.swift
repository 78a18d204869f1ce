import Foundation

/// The report's three SVG charts, aggregated per country, vendor and year: never one
/// element per deal, so a report of 100,000 deals draws as fast as one of five.
public enum ReportCharts {
    /// Countries drawn one per row; the rest share one row.
    static let maxRows = 20
    static let width = 760.0
    static let labelWidth = 170.0
    /// Okabe–Ito colours, told apart with colour-blindness; grey is "other".
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
    static let other = "#B8B8B8"

    /// A country's label: `KR South Korea`, cut to fit the label column.
    static func label(_ key: String, _ name: String) -> String {
        SVG.cut(name.isEmpty || name == key ? key : "\(key) \(name)", 24)
    }

    /// True when the positive values span more than two orders of magnitude.
    public static func needsLogScale(_ values: [Double]) -> Bool {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        guard let lo = positive.min(), let hi = positive.max() else { return false }
        return hi / lo > 100
    }

    // MARK: committed and ambition per country

    /// Committed and ambition MW per country as paired bars (log scale when they span > 100×).
    public static func countryMW(_ r: Report) -> String {
        var rows = r.summary.rows.prefix(maxRows).map {
            (label: label($0.key, $0.name), committed: $0.committedMW, ambition: $0.ambitionMW)
        }
        let rest = r.summary.rows.dropFirst(maxRows)
        if !rest.isEmpty {
            func sum(_ v: [Double?]) -> Double? { v.contains { $0 != nil } ? v.compactMap { $0 }.reduce(0, +) : nil }
            rows.append(("\(rest.count) more countries", sum(rest.map(\.committedMW)), sum(rest.map(\.ambitionMW))))
        }
        let rowH = 28.0
        let top = 44.0
        let valueW = 150.0
        let barW = width - labelWidth - valueW - 10
        let height = top + Double(max(rows.count, 1)) * rowH + 34
        var s = SVG(width: Int(width), height: Int(height), title: "Committed and ambition MW per country")
        // A sum too large for a Double (a feed may say 1e308 twice) is drawn as a full bar, not scaled.
        let values = rows.flatMap { [$0.committed, $0.ambition] }.compactMap { $0 }.filter(\.isFinite)
        guard values.contains(where: { $0 > 0 }) else {
            s.text("No megawatt figure is known for these deals.", x: 10, y: 30, fill: "#555")
            return s.document
        }
        let log = needsLogScale(values)
        let positive = values.filter { $0 > 0 }
        let place: (Double) -> Double
        var ticks: [Double]
        if log {
            let lo = floor(log10(positive.min()!))
            let hi = max(ceil(log10(positive.max()!)), lo + 1)
            place = { v in v <= 0 ? 0 : max(0, (log10(v) - lo) / (hi - lo)) * barW }
            // One tick per power of ten, at most 12 (every second or more over a wider span).
            let step = max(1, ((hi - lo) / 11).rounded(.up))
            ticks = stride(from: lo, through: hi, by: step).map { pow(10, $0) }
        } else {
            let top = niceCeiling(positive.max()!)
            place = { v in v / top * barW }
            ticks = (0...4).map { top * Double($0) / 4 }
        }
        func scale(_ v: Double) -> Double { v.isFinite ? min(barW, place(v)) : (v > 0 ? barW : 0) }
        legend(&s, [("#08519C", "committed MW"), ("#9ECAE1", "ambition MW (target, else committed)")], y: 14)
        if log { s.text("log scale", x: width - 10, y: 26, anchor: "end", size: 11, fill: "#555") }
        let axisY = top + Double(rows.count) * rowH
        for t in ticks {
            let x = labelWidth + scale(t)
            s.line(x1: x, y1: top - 6, x2: x, y2: axisY, stroke: "#E2E2E2")
            s.text(MWText.figure(t), x: x, y: axisY + 16, anchor: "middle", size: 11, fill: "#555")
        }
        s.text("MW", x: labelWidth - 26, y: axisY + 16, anchor: "end", size: 11, fill: "#555")
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowH
            s.text(row.label, x: labelWidth - 8, y: y + 18, anchor: "end")
            if let a = row.ambition { s.rect(x: labelWidth, y: y + 5, w: scale(a), h: 18, fill: "#9ECAE1") }
            if let c = row.committed { s.rect(x: labelWidth, y: y + 10, w: scale(c), h: 8, fill: "#08519C") }
            let text: String
            switch (row.committed, row.ambition) {
            case (let c?, let a?) where c != a: text = "\(MWText.figure(c)) → \(MWText.figure(a))"
            case (let c?, _): text = MWText.figure(c)
            case (nil, let a?): text = "? → \(MWText.figure(a))"
            case (nil, nil): text = "unknown"
            }
            s.text(text, x: width - 8, y: y + 18, anchor: "end", fill: row.ambition == nil ? "#888" : "#222")
        }
        s.line(x1: labelWidth, y1: axisY, x2: labelWidth + barW, y2: axisY, stroke: "#888")
        return s.document
    }

    /// The smallest of 1, 2, 2.5 or 5 times a power of ten at least `v`.
    static func niceCeiling(_ v: Double) -> Double {
        let p = pow(10, floor(log10(v)))
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= v && (m * p).isFinite { return m * p }
        return v
    }

    /// Coloured squares with labels in a row.
    static func legend(_ s: inout SVG, _ items: [(color: String, label: String)], y: Double, x: Double = 10) {
        var x = x
        for item in items {
            s.rect(x: x, y: y - 10, w: 12, h: 12, fill: item.color)
            s.text(item.label, x: x + 17, y: y, size: 12)
            x += 17 + Double(item.label.count) * 6.6 + 18
        }
    }

    // MARK: milestones per country and year

    /// Milestones per country and year: a circle each, its area the count, the dark part done.
    public static func timeline(_ r: Report) -> String {
        var perCountry: [String: [Int: (done: Int, open: Int)]] = [:]
        for m in r.milestones { perCountry[m.country, default: [:]][m.year] = (m.done, m.open) }
        guard let minYear = r.milestones.map(\.year).min(), let maxYear = r.milestones.map(\.year).max() else {
            var s = SVG(width: Int(width), height: 40, title: "Milestones per year")
            s.text("These deals have no milestones.", x: 10, y: 25, fill: "#555")
            return s.document
        }
        let total = { (c: [Int: (done: Int, open: Int)]) in c.values.reduce(0) { $0 + $1.done + $1.open } }
        var order = perCountry.keys.sorted { a, b in
            let x = total(perCountry[a]!)
            let y = total(perCountry[b]!)
            return x != y ? x > y : a < b
        }
        var labels = order.map { label($0, Countries.byCode($0)?.name ?? $0) }
        if order.count > maxRows {
            var merged: [Int: (done: Int, open: Int)] = [:]
            for c in order[maxRows...] {
                for (y, v) in perCountry[c]! {
                    let m = merged[y] ?? (0, 0)
                    merged[y] = (m.done + v.done, m.open + v.open)
                }
            }
            labels = Array(labels.prefix(maxRows)) + ["\(order.count - maxRows) more countries"]
            order = Array(order.prefix(maxRows)) + ["\u{0}rest"]
            perCountry["\u{0}rest"] = merged
        }
        // At most 16 columns: earlier years fold into the first, marked "≤".
        let first = max(minYear, maxYear - 15)
        let years = Array(first...maxYear)
        let rowH = 30.0
        let top = 44.0
        let colW = min(64, (width - labelWidth - 10) / Double(years.count))
        let height = top + Double(order.count) * rowH + 30
        var s = SVG(width: Int(width), height: Int(height), title: "Milestones per country and year")
        var cells: [[Int: (done: Int, open: Int)]] = []
        for c in order {
            var folded: [Int: (done: Int, open: Int)] = [:]
            for (y, v) in perCountry[c]! {
                let k = max(y, first)
                let m = folded[k] ?? (0, 0)
                folded[k] = (m.done + v.done, m.open + v.open)
            }
            cells.append(folded)
        }
        let maxCount = Double(cells.flatMap { $0.values.map { $0.done + $0.open } }.max() ?? 1)
        let maxR = min(colW, rowH) / 2 - 2
        func radius(_ n: Int) -> Double { n == 0 ? 0 : max(2.5, maxR * (Double(n) / maxCount).squareRoot()) }
        legend(&s, [("#7A4A00", "done"), ("#F2C078", "to come")], y: 14)
        s.text("circle area: number of milestones", x: width - 10, y: 14, anchor: "end", size: 11, fill: "#555")
        let bottom = top + Double(order.count) * rowH
        for (j, y) in years.enumerated() {
            let x = labelWidth + (Double(j) + 0.5) * colW
            s.line(x1: x, y1: top - 4, x2: x, y2: bottom, stroke: "#EEEEEE")
            let text = j == 0 && minYear < first ? "≤\(y)" : String(y)
            s.text(
                years.count > 10 ? "’" + String(String(y).suffix(2)) : text, x: x, y: bottom + 18, anchor: "middle",
                size: 11, fill: "#555")
        }
        let today = r.context.date
        if today.year >= first && today.year <= maxYear {
            let x = labelWidth + (Double(today.year - first) + Double(today.firstMonth - 1) / 12) * colW
            s.line(x1: x, y1: top - 8, x2: x, y2: bottom, stroke: "#C0392B", dash: true)
            s.text("today", x: x + 3, y: top - 10, size: 10, fill: "#C0392B")
        }
        for (i, row) in cells.enumerated() {
            let cy = top + Double(i) * rowH + rowH / 2
            s.text(labels[i], x: labelWidth - 8, y: cy + 4, anchor: "end")
            for (j, y) in years.enumerated() {
                guard let v = row[y], v.done + v.open > 0 else { continue }
                let cx = labelWidth + (Double(j) + 0.5) * colW
                let r = radius(v.done + v.open)
                s.circle(cx: cx, cy: cy, r: r, fill: "#F2C078", stroke: "#B07A1E")
                if v.done > 0 {
                    s.circle(
                        cx: cx, cy: cy, r: r * (Double(v.done) / Double(v.done + v.open)).squareRoot(), fill: "#7A4A00")
                }
                if r >= 8 {
                    s.text(
                        String(v.done + v.open), x: cx, y: cy + 4, anchor: "middle", size: 10,
                        fill: v.done > 0 ? "#FFFFFF" : "#222")
                }
            }
        }
        return s.document
    }

    // MARK: vendor shares per country

    /// Each country's ambition MW split among vendors, as a bar of 100%, with its HHI.
    public static func vendorShares(_ r: Report) -> String {
        let c = r.summary.concentration
        let top = c.total.ambition.shares.filter { $0.share != nil }.prefix(palette.count).map {
            DealFilter.fold($0.vendor)
        }
        let topNames = c.total.ambition.shares.prefix(top.count).map(\.vendor)
        struct Row {
            var label: String
            var mw: [String: Double]
            var total: Double
            var hhi: Double?
        }
        var rows: [Row] = []
        var rest = Row(label: "", mw: [:], total: 0, hhi: nil)
        var restCount = 0
        for s in r.summary.rows {
            guard let row = c.row(s.key), let total = row.ambition.totalMW, total > 0, total.isFinite else { continue }
            var mw: [String: Double] = [:]
            for sh in row.ambition.shares { if let m = sh.mw { mw[DealFilter.fold(sh.vendor), default: 0] += m } }
            if rows.count < maxRows {
                rows.append(Row(label: label(s.key, s.name), mw: mw, total: total, hhi: row.ambition.hhi))
            } else {
                restCount += 1
                rest.total += total
                for (k, v) in mw { rest.mw[k, default: 0] += v }
            }
        }
        if restCount > 0 && rest.total.isFinite {
            rest.label = "\(restCount) more countries"
            rest.hhi = rest.mw.values.reduce(0) { $0 + ($1 / rest.total * 100) * ($1 / rest.total * 100) }
            rows.append(rest)
        }
        let rowH = 28.0
        let legendRows = 1 + (top.count + 1) / 4
        let top0 = 20.0 + Double(legendRows) * 18
        let hhiW = 92.0
        let barW = width - labelWidth - hhiW - 8
        let height = top0 + Double(max(rows.count, 1)) * rowH + 12
        var s = SVG(width: Int(width), height: Int(height), title: "Vendor shares of each country's ambition MW")
        guard !rows.isEmpty else {
            s.text("No ambition MW with a known vendor in these deals.", x: 10, y: 30, fill: "#555")
            return s.document
        }
        var items = zip(top.indices, topNames).map { (palette[$0], SVG.cut($1, 22)) }
        items.append((other, "other vendors"))
        for (i, chunk) in stride(from: 0, to: items.count, by: 4).enumerated() {
            legend(&s, Array(items[chunk..<min(chunk + 4, items.count)]), y: 14 + Double(i) * 18)
        }
        s.text("HHI", x: width - 8, y: top0 - 4, anchor: "end", size: 11, fill: "#555")
        for (i, row) in rows.enumerated() {
            let y = top0 + Double(i) * rowH
            s.text(row.label, x: labelWidth - 8, y: y + 18, anchor: "end")
            var x = labelWidth
            var segments = top.enumerated().map { (palette[$0.offset], row.mw[$0.element] ?? 0) }
            segments.append((other, row.total - top.reduce(0) { $0 + (row.mw[$1] ?? 0) }))
            for (color, mw) in segments where mw > 0 {
                let w = mw / row.total * barW
                s.rect(x: x, y: y + 5, w: w, h: 18, fill: color)
                if w >= 36 {
                    s.text(
                        VendorConcentration.percent(mw / row.total), x: x + w / 2, y: y + 18, anchor: "middle",
                        size: 11, fill: "#FFFFFF", bold: true)
                }
                x += w
            }
            s.text(
                VendorConcentration.index(row.hhi), x: width - 8, y: y + 18, anchor: "end", bold: (row.hhi ?? 0) > 2_500
            )
        }
        return s.document
    }
}
