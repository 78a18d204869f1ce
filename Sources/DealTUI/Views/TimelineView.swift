import DealKit

/// View 4: each deal's announcement and milestones on a shared time axis, grouped by country.
///
/// A partial date covers the cells of the whole period it names (a year, a half, a
/// quarter), so "2026-H2" is drawn as the half-year it is, not as a made-up day.
enum TimelineView {
    /// The axis: which month is the first column, how many months one step of the scale is, and cells per step.
    struct Scale: Sendable, Equatable {
        var startMonth: Int
        var monthsPerStep: Int
        var cellsPerStep: Int
        var steps: Int

        /// The chart column of a month's first cell.
        func column(_ month: Int) -> Int { (month - startMonth) * cellsPerStep / monthsPerStep }
        var width: Int { steps * cellsPerStep }
    }

    /// Quarters when each quarter gets at least 3 cells, else years.
    static func scale(first: Int, last: Int, width: Int) -> Scale {
        let qStart = first - first % 3
        let qEnd = last - last % 3 + 3
        let quarters = (qEnd - qStart) / 3
        if quarters > 0, width / quarters >= 3 {
            return Scale(
                startMonth: qStart, monthsPerStep: 3,
                cellsPerStep: min(width / quarters, 12), steps: quarters)
        }
        var yStart = first - first % 12
        let yEnd = last - last % 12 + 12
        var years = (yEnd - yStart) / 12
        if years > width {
            yStart = yEnd - width * 12
            years = width
        }
        return Scale(
            startMonth: yStart, monthsPerStep: 12, cellsPerStep: max(1, min(width / max(years, 1), 24)), steps: years)
    }

    static func labelWidth(cols: Int) -> Int { min(34, max(14, cols / 3)) }

    static func todayMonth(_ s: AppState) -> Int { s.today.year * 12 + s.today.firstMonth - 1 }

    static func draw(into g: inout CellGrid, state: AppState) {
        let model = state.results.timeline
        let (axis, lanes, legend) = Layout(state).timeline
        drawLegend(into: &g, rect: legend)
        let labelW = labelWidth(cols: state.cols)
        let x0 = labelW + 1
        let chartW = state.cols - x0
        guard let first = model.firstMonth, let last = model.lastMonth else {
            g.put("(no deals)", y: lanes.y, x: 1, style: Style(.dim))
            return
        }
        let today = todayMonth(state)
        let sc = scale(first: min(first, today), last: max(last, today), width: chartW)
        drawAxis(into: &g, axis: axis, x0: x0, scale: sc, today: today, chartW: chartW)

        let cur = settle(state.timelineCursor, model: model, height: lanes.height)
        let selectedLine = model.laneLines.isEmpty ? -1 : model.laneLines[cur.index]
        let deals = state.catalog.deals
        let shown = 0..<min(lanes.height, model.lines.count - cur.top)
        // Lanes whose titles would read the same once cut are cut in the middle, as the Deals table does.
        var cutTitles: [String: Int] = [:]
        for row in shown {
            if case .deal(let i) = model.lines[cur.top + row] {
                cutTitles[DisplayWidth.fit(SafeText.sanitize(deals[Int(i)].title), to: labelW - 2), default: 0] += 1
            }
        }
        for row in shown {
            let y = lanes.y + row
            let lineIndex = cur.top + row
            switch model.lines[lineIndex] {
            case .country(let code):
                let name = Countries.byCode(code)?.name ?? code
                g.put("\(code) \(name)", y: y, x: 0, limit: labelW, style: Style(.title, bold: true))
                g.fill(y: y, x: x0, width: chartW, style: Style(.border), with: "┈")
                mark(today: today, scale: sc, y: y, x0: x0, chartW: chartW, into: &g)
            case .deal(let i):
                let d = deals[Int(i)]
                var title = d.title
                if cutTitles[DisplayWidth.fit(SafeText.sanitize(title), to: labelW - 2), default: 0] > 1 {
                    title = DealTable.middleCut(SafeText.sanitize(title), to: labelW - 2)
                }
                g.putFitted("  " + title, y: y, x: 0, width: labelW, style: .normal)
                g.put("│", y: y, x: labelW, style: Style(.border))
                mark(today: today, scale: sc, y: y, x0: x0, chartW: chartW, into: &g)
                span(
                    d.announced, first: "◆", rest: "═", role: .status(d.status), scale: sc, y: y, x0: x0,
                    chartW: chartW, into: &g)
                for m in d.milestones.sorted(by: { $0.done && !$1.done }) {
                    // An overdue milestone has a glyph of its own, so it reads on a monochrome screen too.
                    let overdue = m.isOverdue(on: state.today)
                    span(
                        m.date, first: m.done ? "●" : overdue ? "!" : "○", rest: m.done ? "━" : "┄",
                        role: m.done ? .milestoneDone : overdue ? .error : .milestonePending,
                        scale: sc, y: y, x0: x0, chartW: chartW, into: &g)
                }
                if lineIndex == selectedLine { g.restyle(y: y, x: 0, width: state.cols) { $0.reverse = true } }
            }
        }
    }

    private static func drawAxis(into g: inout CellGrid, axis: Rect, x0: Int, scale sc: Scale, today: Int, chartW: Int)
    {
        let head = Style(.columnHeader, bold: true)
        g.fill(y: axis.y, x: 0, width: axis.width, style: head)
        g.fill(y: axis.y + 1, x: 0, width: axis.width, style: Style(.columnHeader))
        g.put(sc.monthsPerStep == 3 ? "by quarter" : "by year", y: axis.y, x: 0, limit: x0 - 1, style: head)
        let every = yearLabelStride(cellsPerYear: sc.cellsPerStep * 12 / sc.monthsPerStep)
        var labelEnd = x0
        for step in 0..<sc.steps {
            let month = sc.startMonth + step * sc.monthsPerStep
            let x = x0 + sc.column(month)
            guard x < x0 + chartW else { break }
            let year = month / 12
            // A label is drawn whole or not at all: cut or overlapping, "2016 2017" read as "2 2".
            if month % 12 == 0 || step == 0, year % every.years == 0 || step == 0, x >= labelEnd {
                let label = "┊" + (every.twoDigits ? twoDigits(year) : String(year))
                if x + DisplayWidth.of(label) <= x0 + chartW {
                    g.put(label, y: axis.y, x: x, style: head)
                    labelEnd = x + DisplayWidth.of(label) + 1
                } else if x < x0 + chartW {
                    g.put("┊", y: axis.y, x: x, style: head)
                }
            }
            if sc.monthsPerStep == 3, sc.cellsPerStep >= 3 {
                g.put(
                    "Q\(month % 12 / 3 + 1)", y: axis.y + 1, x: x, limit: min(sc.cellsPerStep, x0 + chartW - x),
                    style: Style(.columnHeader))
            }
        }
        let tx = x0 + sc.column(today)
        if tx >= x0, tx < x0 + chartW {
            // Today's mark goes where it hides no label: the years row, else the quarters row.
            let y = g[axis.y, tx].text == " " ? axis.y : axis.y + 1
            g.put("▼", y: y, x: tx, style: Style(.today, bold: true))
        }
    }

    /// Which years get a label and how they are written, so labels never overlap: every year
    /// as `2026` when a year has 6 cells, as `'26` with 4, else every 2nd, 5th or 10th year as `2026`.
    static func yearLabelStride(cellsPerYear: Int) -> (years: Int, twoDigits: Bool) {
        if cellsPerYear >= 6 { return (1, false) }
        if cellsPerYear >= 4 { return (1, true) }
        for years in [2, 5, 10, 20, 50] where years * cellsPerYear >= 6 { return (years, false) }
        return (100, false)
    }

    private static func twoDigits(_ year: Int) -> String {
        let y = ((year % 100) + 100) % 100
        return y < 10 ? "'0\(y)" : "'\(y)"
    }

    /// What every glyph on the chart means, in one line below the lanes: the longest that fits
    /// (the shorter ones still name every glyph from 65 columns; below that the marks only).
    static let legends = [
        "◆═ announced  ●━ done  ○┄ planned milestone  !┄ overdue  ═━┄ a date's period  │▼ today  ┊ year",
        "◆═ announced  ●━ done  ○┄ planned  !┄ overdue  ═━┄ period  │▼ today  ┊ year",
        "◆ announced ● done ○ planned ! overdue ═━┄ period │▼ today ┊ year",
        "◆ announced ● done ○ planned ! overdue",
    ]

    static func legend(width: Int) -> String {
        legends.first { DisplayWidth.of($0) <= width } ?? legends.last!
    }

    private static func drawLegend(into g: inout CellGrid, rect: Rect) {
        g.putFitted(legend(width: rect.width), y: rect.y, x: rect.x, width: rect.width, style: Style(.dim))
    }

    /// Today's column: a thin rule where the lane is empty.
    private static func mark(today: Int, scale sc: Scale, y: Int, x0: Int, chartW: Int, into g: inout CellGrid) {
        let x = x0 + sc.column(today)
        guard x >= x0, x < x0 + chartW else { return }
        g.put("│", y: y, x: x, style: Style(.today))
    }

    private static func span(
        _ date: PartialDate, first: String, rest: String, role: Role, scale sc: Scale,
        y: Int, x0: Int, chartW: Int, into g: inout CellGrid
    ) {
        let a = sc.column(TimelineModel.month(date, start: true))
        // A day is a point; any longer period covers the cells of all its months.
        let b = date.precision == .day ? a + 1 : max(a + 1, sc.column(TimelineModel.month(date, start: false) + 1))
        let start = max(a, 0)
        let end = min(b, chartW)
        guard start < end else { return }
        g.put(first, y: y, x: x0 + start, style: Style(role, bold: true))
        if end - start > 1 {
            g.put(
                String(repeating: rest, count: end - start - 1), y: y, x: x0 + start + 1, limit: end - start - 1,
                style: Style(role))
        }
    }

    /// The cursor with `top` counted in lines (headings included) so the selected lane and its heading show.
    static func settle(_ c: ListCursor, model: TimelineModel, height: Int) -> ListCursor {
        var cur = c
        let lanes = model.laneLines
        guard !lanes.isEmpty else { return ListCursor() }
        cur.index = min(max(cur.index, 0), lanes.count - 1)
        let line = lanes[cur.index]
        let h = max(height, 1)
        let want = line > 0 && isHeading(model.lines[line - 1]) ? line - 1 : line
        if want < cur.top { cur.top = want }
        if line >= cur.top + h { cur.top = line - h + 1 }
        cur.top = max(0, min(cur.top, max(0, model.lines.count - h)))
        return cur
    }

    private static func isHeading(_ l: TimelineModel.Line) -> Bool {
        if case .country = l { return true }
        return false
    }
}
