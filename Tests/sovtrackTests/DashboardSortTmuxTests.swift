import DealKit
import Foundation
import TestSupport
import XCTest

/// Every view's `s` through every column, in a real terminal: the rows on screen must be in the order the header's label names.
///
/// The rows are read back from the captured screen, cell by cell, so this checks what a user
/// sees: the label, the column it names and the values in that column.
final class DashboardSortTmuxTests: XCTestCase {
    func testCountriesAndVendorsSortAsTheLabelSaysAt80x24And200x50() throws {
        try atBothSizes { [self] s, dir, cols, rows in
            // Countries list: cc, country, deals, committed, ambition, HHI (shown while sorted by it,
            // even where it does not fit otherwise), then around again; S reverses.
            XCTAssertEqual(
                try cycle(s, .countryList, 7, cols: cols, rows: rows),
                ["cc", "country", "deals", "committed", "ambition", "HHI"])

            // The Countries view's deal table (on the largest country, the first by ambition).
            try s.keys("Enter")
            try s.waitFor("sort deals:")
            XCTAssertEqual(
                try cycle(s, .countryDeals, 12, cols: cols, rows: rows),
                [
                    "title", "announced", "sponsor", "vendors", "partners", "MW", "op MW", "status", "confidence",
                    "models", "next milestone",
                ])

            try s.keys("Escape", "3")
            try s.waitFor("sort vendors:")
            XCTAssertEqual(
                try cycle(s, .vendors, 8, cols: cols, rows: rows),
                ["vendor", "countries", "deals", "committed", "ambition", "share", "top in"])
        }
    }

    func testDealsAndTimelineSortAsTheLabelSaysAt80x24And200x50() throws {
        try atBothSizes { [self] s, dir, cols, rows in
            try s.keys("2")
            try s.waitUntil("the Deals view") {
                $0.contains("sort deals:") && $0.split(separator: "\n").dropFirst(2).first?.hasPrefix("title") == true
            }
            XCTAssertEqual(
                try cycle(s, .deals, 14, cols: cols, rows: rows),
                [
                    "title", "cc", "announced", "sponsor", "vendors", "partners", "MW", "op MW", "status",
                    "confidence", "models", "next milestone", "id",
                ])

            // Timeline: the lanes are the deals in the label's order, grouped by country (countries in
            // order of their first deal); every key of the deals' sort, both directions.
            // The tab names are on every view's tabs row: the Timeline is on screen once its legend is.
            try s.keys("4")
            try s.waitFor("◆═ announced")
            let deals = try Store.load(path: dir.appendingPathComponent("deals.json").path).feed.deals
            var timelineKeys = Set<String>()
            for k in 0..<14 {
                let now = try s.stillScreen()
                timelineKeys.insert(try checkTimelineOrder(now, deals: deals, cols: cols, rows: rows))
                var before = now
                if k == 4 {
                    try pressAndWait(s, "S", after: now)
                    before = try s.stillScreen()
                    try checkTimelineOrder(before, deals: deals, cols: cols, rows: rows)
                }
                try pressAndWait(s, "s", after: before)
            }
            XCTAssertEqual(
                timelineKeys,
                [
                    "title", "cc", "announced", "sponsor", "vendors", "partners", "MW", "op MW", "status",
                    "confidence", "models", "next milestone", "id",
                ])
            let screen = try s.stillScreen()
            // The axis's year labels are whole (2016 or '16, never a lone "2"), and the legend is there.
            let axis = screen.split(separator: "\n", omittingEmptySubsequences: false)[2]
            let years = axis.split(separator: "┊").dropFirst().map { $0.prefix { $0 != " " && $0 != "▼" } }.filter {
                !$0.isEmpty
            }
            XCTAssertGreaterThanOrEqual(years.count, 2, String(axis))
            XCTAssertTrue(years.allSatisfy { $0.count == 4 || ($0.count == 3 && $0.hasPrefix("'")) }, String(axis))
            XCTAssertTrue(screen.contains("◆═ announced"), screen)
        }
    }

    /// A store of the Epoch excerpt (80 deals, many countries and vendors), imported once per run.
    private static let epochStore: Result<URL, Error> = Result {
        let dir = try TemporaryDirectory.make()
        let excerpt = PackageRoot.fixture("epoch-excerpt.csv").path
        let r = try CLI.run([
            "import", "--from", "epoch", excerpt, "--store", dir.appendingPathComponent("deals.json").path,
        ])
        guard r.status == 0 else { throw TmuxError(message: "the Epoch excerpt did not import: \(r.stderr)") }
        return dir.appendingPathComponent("deals.json")
    }

    /// Runs `body` on the dashboard of a copy of the Epoch store at 80x24 and at 200x50 at once (at
    /// one of them in a plain run), then quits each. The two are separate tmux servers and dashboards, and the test mostly waits for
    /// their frames, so on two cores the pair takes about as long as one size did alone.
    private func atBothSizes(
        _ body: (TmuxSession, URL, Int, Int) throws -> Void
    ) throws {
        // Both sizes in the whole suite; a plain run drives one of them, drawn by the seed.
        var random = seededRandom(80_200)
        let sizes = TestScale.sample([(80, 24), (200, 50)], count: 1, using: &random, what: "dashboard sizes")
        var runs: [(TmuxSession, URL)] = []
        for (cols, rows) in sizes {
            let dir = try CLI.copy(try Self.epochStore.get()).deletingLastPathComponent()
            let s = try TmuxSession(cols: cols, rows: rows, directory: dir)
            runs.append((s, dir))
        }
        defer { for (s, _) in runs { s.kill() } }
        for (s, _) in runs {
            try s.type("\(SovtrackProcess.binary.path) browse --store deals.json; echo EXIT=$?", enter: true)
        }
        let errors = ThreadErrors()
        // Each thread drives only its own session; XCTest records a failure from any thread.
        withoutActuallyEscaping(body) { body in
            let shared = SharedWork(body: body, runs: runs)
            DispatchQueue.concurrentPerform(iterations: sizes.count) { i in
                shared.run(i, sizes[i], errors)
            }
        }
        XCTAssertEqual(errors.values, [])
    }

    /// The body and the sessions, handed to the sizes' threads: each thread touches only the
    /// session of its index, and the body only what it is given (not Sendable to the compiler,
    /// whose check cannot see that the threads share nothing).
    private final class SharedWork: @unchecked Sendable {
        let body: (TmuxSession, URL, Int, Int) throws -> Void
        let runs: [(TmuxSession, URL)]
        init(body: @escaping (TmuxSession, URL, Int, Int) throws -> Void, runs: [(TmuxSession, URL)]) {
            self.body = body
            self.runs = runs
        }

        func run(_ i: Int, _ size: (Int, Int), _ errors: ThreadErrors) {
            let (s, dir) = runs[i]
            do {
                try s.waitFor("sort countries:")
                try body(s, dir, size.0, size.1)
                try s.keys("q")
                try s.waitFor("EXIT=0")
            } catch {
                errors.append("\(size.0)x\(size.1): \(error)")
            }
        }
    }

    /// What the sizes' threads threw, for the test's own thread to report.
    private final class ThreadErrors: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func append(_ s: String) { lock.withLock { list.append(s) } }
        var values: [String] { lock.withLock { list } }
    }

    /// Presses `s` `times` times, checking the rows against the label each time, and `S` once on the third
    /// column; returns the columns the label named.
    private func cycle(_ s: TmuxSession, _ pane: Pane, _ times: Int, cols: Int, rows: Int) throws -> Set<String> {
        var seen = Set<String>()
        for k in 0..<times {
            var screen = try s.stillScreen()
            seen.insert(try checkLabelAndOrder(screen, pane: pane, cols: cols, rows: rows).column)
            if k == 2 {
                try pressAndWait(s, "S", after: screen)
                screen = try s.stillScreen()
                try checkLabelAndOrder(screen, pane: pane, cols: cols, rows: rows)
            }
            try pressAndWait(s, "s", after: screen)
        }
        return seen
    }

    /// Sends a key and waits until the screen changed; the rows are then read from a screen
    /// that holds still (`stillScreen`: a frame may be caught half painted).
    private func pressAndWait(_ s: TmuxSession, _ key: String, after screen: String) throws {
        try s.keys(key)
        try s.waitUntil("the screen to change after \(key)") { $0 != screen }
    }

    private enum Pane { case countryList, countryDeals, deals, vendors }

    /// The screen's rows as cells and the sort label on the tabs row (from `prefix` to the end).
    private func sortLabel(
        _ screen: String, prefix: String, cols: Int, rows: Int, file: StaticString, line: UInt
    ) throws -> (lines: [ScreenRow], label: String) {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { ScreenRow(String($0)) }
        if lines.count > rows { lines.removeLast(lines.count - rows) }
        let tabs = lines[1].text(0, cols)
        guard let r = tabs.range(of: prefix) else {
            XCTFail("no \(prefix)label on the tabs row:\n\(screen)", file: file, line: line)
            throw TmuxError(message: "no label")
        }
        return (lines, String(tabs[r.lowerBound...]).trimmingCharacters(in: .whitespaces))
    }

    /// Reads the label on row 1, finds the column it names in the pane and checks the pane's rows are in that order.
    @discardableResult
    private func checkLabelAndOrder(
        _ screen: String, pane: Pane, cols: Int, rows: Int, file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> (column: String, descending: Bool) {
        let (lines, label) = try sortLabel(screen, prefix: "sort ", cols: cols, rows: rows, file: file, line: line)
        let descending = label.hasSuffix("▼")
        let afterColon = label[label.index(after: label.firstIndex(of: ":")!)...]
        let column = String(afterColon.dropLast()).trimmingCharacters(in: .whitespaces)
        let expectedPane: String
        switch pane {
        case .countryList: expectedPane = "sort countries:"
        case .countryDeals, .deals: expectedPane = "sort deals:"
        case .vendors: expectedPane = "sort vendors:"
        }
        XCTAssertTrue(label.hasPrefix(expectedPane), "label \(label) for \(pane)", file: file, line: line)

        // Where the pane is: its header row, first and last data row, and its columns.
        var top = 2
        var bottom = lines.count - 2
        var x0 = 0
        var x1 = cols
        let sideBySide = cols >= 110
        if pane == .countryList || pane == .countryDeals {
            if sideBySide {
                let bar = lines[3].cells.firstIndex(of: "│") ?? cols
                if pane == .countryList { x1 = bar } else { x0 = bar + 1 }
            } else {
                let rule = (3..<lines.count).first { lines[$0].text(0, 4).hasPrefix("──") } ?? bottom
                if pane == .countryList { bottom = rule - 1 } else { top = rule + 1 }
            }
        }
        let header = lines[top]
        let headers = header.fields(x0, x1)
        guard
            let h = headers.first(where: {
                $0.text.replacingOccurrences(of: "▲", with: "").replacingOccurrences(of: "▼", with: "")
                    .trimmingCharacters(in: .whitespaces) == column
            })
        else {
            XCTFail("the sorted column \(column) is not on screen:\n\(screen)", file: file, line: line)
            throw TmuxError(message: "no column")
        }
        XCTAssertTrue(
            h.text.contains(descending ? "▼" : "▲"), "the header \(h.text) does not show the sort", file: file,
            line: line)
        let right = ["MW", "op MW", "deals", "committed", "ambition", "share", "HHI", "top in"].contains(column)
        var values: [String] = []
        for y in (top + 1)...bottom {
            let row = lines[y]
            let text = row.text(x0, x1)
            // The list ends at a blank row, or at its totals row (Σ), which is no row of the order.
            if text.trimmingCharacters(in: .whitespaces).isEmpty || text.contains("(no ") || text.hasPrefix("Σ") {
                break
            }
            // The deals without a vendor are not a vendor: their row is last whatever the order.
            if pane == .vendors && text.hasPrefix("(none)") { continue }
            values.append(right ? row.fieldEnding(at: h.end, from: x0) : row.fieldStarting(at: h.start, to: x1))
        }
        XCTAssertGreaterThan(values.count, 1, "too few rows to check \(column):\n\(screen)", file: file, line: line)
        for (a, b) in zip(values, values.dropFirst()) {
            XCTAssertTrue(
                SortKey.inOrder(a, b, column: column, descending: descending),
                "\(column) \(descending ? "▼" : "▲"): \"\(a)\" before \"\(b)\" in \(values) at x \(x0)-\(x1), \(h):\n\(screen)",
                file: file, line: line)
        }
        return (column, descending)
    }

    /// On the Timeline, the lines on screen are the deals in the order the label names, each
    /// country's heading before its first deal; returns the column the label names.
    ///
    /// The expected order comes from `DealSort` on the store's deals (the one order every list
    /// uses); a lane's label is the deal's title, cut to the label column, so it is compared
    /// on the part the screen shows.
    @discardableResult
    private func checkTimelineOrder(
        _ screen: String, deals: [Deal], cols: Int, rows: Int, file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        let (lines, whole) = try sortLabel(
            screen, prefix: "sort deals: ", cols: cols, rows: rows, file: file, line: line)
        let label = whole.dropFirst("sort deals: ".count)
        let descending = label.hasSuffix("▼")
        let column = String(label.dropLast()).trimmingCharacters(in: .whitespaces)
        let keys: [String: DealSort] = [
            "title": .title, "cc": .country, "announced": .announced, "sponsor": .sponsor, "vendors": .vendors,
            "partners": .partners, "MW": .mw, "op MW": .operational, "status": .status, "confidence": .confidence,
            "models": .models, "next milestone": .milestone, "id": .id, "committed": .committed,
        ]
        guard let key = keys[column] else {
            XCTFail("the Timeline's label names no sort of deals: \(label)", file: file, line: line)
            throw TmuxError(message: "unknown key")
        }
        // Grouped as the dashboard groups them: countries in order of their first deal.
        let sorted = key.apply(to: deals, descending: descending, today: CalendarClock.today())
        var countries: [String] = []
        var byCountry: [String: [Deal]] = [:]
        for d in sorted {
            if byCountry[d.country] == nil { countries.append(d.country) }
            byCountry[d.country, default: []].append(d)
        }
        let expected: [(heading: Bool, text: String)] = countries.flatMap { c in
            [(true, c)] + byCountry[c]!.map { (false, $0.title) }
        }
        let labelW = min(34, max(14, cols / 3))
        // Lines 4 ..< rows - 2: below the axis and its today mark, above the legend and the footer.
        let shown = (4..<(rows - 2)).map { lines[$0].text(0, labelW).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        func matches(_ text: String, _ want: (heading: Bool, text: String)) -> Bool {
            if want.heading { return text.hasPrefix(want.text + " ") }
            // Cut at the end (`Stargate UAE Ph…`), or in the middle where two lanes would read the same.
            let parts = text.split(separator: "…", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return !parts[0].isEmpty && want.text.hasPrefix(parts[0])
                && want.text.hasSuffix(parts.count > 1 ? parts[1] : "")
        }
        // The view scrolls to keep the selected deal on screen: the lines shown are a window of the order.
        let fits = (0...max(0, expected.count - shown.count)).contains { top in
            zip(shown, expected[top...]).allSatisfy { matches($0, $1) }
        }
        XCTAssertTrue(
            fits, "timeline \(column) \(descending ? "▼" : "▲"): the lanes are not in this order:\n\(screen)",
            file: file,
            line: line)
        XCTAssertGreaterThan(shown.count, 10, screen, file: file, line: line)
        return column
    }
}

/// One captured row as display cells, a wide glyph taking two (the second empty).
struct ScreenRow {
    let cells: [String]

    init(_ line: String) {
        var cells: [String] = []
        for ch in line {
            let w = DisplayWidth.of(String(ch))
            cells.append(String(ch))
            if w == 2 { cells.append("") }
        }
        self.cells = cells
    }

    func cell(_ x: Int) -> String { x < cells.count ? (cells[x].isEmpty ? "" : cells[x]) : " " }

    func text(_ x0: Int, _ x1: Int) -> String { (x0..<max(x0, x1)).map { cell($0) }.joined() }

    /// Runs of text separated by two or more spaces, with their first and last cell.
    func fields(_ x0: Int, _ x1: Int) -> [(text: String, start: Int, end: Int)] {
        var out: [(String, Int, Int)] = []
        var x = x0
        while x < x1 {
            if cell(x) == " " {
                x += 1
                continue
            }
            let start = x
            var end = x
            while x < x1 && !(cell(x) == " " && cell(x + 1) == " ") {
                if cell(x) != " " { end = x }
                x += 1
            }
            out.append((text(start, end + 1), start, end))
        }
        return out
    }

    /// The text from `x` up to two spaces in a row.
    func fieldStarting(at x: Int, to x1: Int) -> String {
        var end = x
        while end < x1 && !(cell(end) == " " && cell(end + 1) == " ") { end += 1 }
        return text(x, end).trimmingCharacters(in: .whitespaces)
    }

    /// The text ending at `x`, back to two spaces in a row.
    func fieldEnding(at x: Int, from x0: Int) -> String {
        var start = x
        while start > x0 && !(cell(start - 1) == " " && cell(start - 2) == " ") { start -= 1 }
        return text(start, x + 1).trimmingCharacters(in: .whitespaces)
    }
}

/// How a column's shown value sorts, read back from the screen.
enum SortKey {
    /// Whether `a` may come before `b` in this column's order; unknowns (`-`) last either way.
    static func inOrder(_ a: String, _ b: String, column: String, descending: Bool) -> Bool {
        // `n/a` (megawatts do not apply) has no figure either, like unknown.
        let ua = a == "-" || a == "n/a" || a.isEmpty
        let ub = b == "-" || b == "n/a" || b.isEmpty
        if ua || ub { return ub }
        func ordered<T: Comparable>(_ x: T, _ y: T) -> Bool { descending ? y <= x : x <= y }
        switch column {
        case "MW", "op MW", "deals", "committed", "ambition", "share", "HHI", "top in":
            guard let x = number(a), let y = number(b) else { return false }
            return ordered(x, y)
        case "announced":
            // `≤2024`: a date no source states sorts as its bound.
            func date(_ s: String) -> PartialDate? { PartialDate(s.hasPrefix("≤") ? String(s.dropFirst()) : s) }
            guard let x = date(a), let y = date(b) else { return false }
            return ordered(x, y)
        case "next milestone":
            // Overdue milestones (`overdue 2025-Q4 …`) first, then those to come, each by date.
            func key(_ s: String) -> (Int, PartialDate)? {
                let overdue = s.hasPrefix("overdue ")
                let date = s.split(separator: " ")[overdue ? 1 : 0]
                return PartialDate(String(date)).map { (overdue ? 0 : 1, $0) }
            }
            guard let x = key(a), let y = key(b) else {
                // A date cut by a narrow column (`overdue 2025-1…`) still shows whether it is overdue.
                let (oa, ob) = (a.hasPrefix("overdue ") ? 0 : 1, b.hasPrefix("overdue ") ? 0 : 1)
                return (a.hasSuffix("…") || b.hasSuffix("…")) && (descending ? ob <= oa : oa <= ob)
            }
            return x.0 != y.0 ? (descending ? y.0 < x.0 : x.0 < y.0) : ordered(x.1, y.1)
        case "status":
            guard let x = DealStatus(rawValue: a), let y = DealStatus(rawValue: b) else { return false }
            return ordered(x, y)
        case "confidence":
            guard let x = Confidence(rawValue: a), let y = Confidence(rawValue: b) else { return false }
            return ordered(x, y)
        case "countries":
            // A cut list shows fewer codes than it has: only whole lists compare.
            if a.hasSuffix("…") || b.hasSuffix("…") { return true }
            return ordered(a.split(separator: " ").count, b.split(separator: " ").count)
        default:
            // Text: a cut value ("Stargate Abi…") compares on the part both show.
            var x = a.lowercased()
            var y = b.lowercased()
            let cutA = x.hasSuffix("…")
            let cutB = y.hasSuffix("…")
            if cutA { x.removeLast() }
            if cutB { y.removeLast() }
            if cutA || cutB {
                let n = min(cutA ? x.count : Int.max, cutB ? y.count : Int.max)
                x = String(x.prefix(n))
                y = String(y.prefix(n))
            }
            return ordered(x, y)
        }
    }

    /// The last figure in a cell (`55 → 1,000` is 1,000, `12.5%` is 12.5, `<1%` is 0.5, `≈1,000` is 1,000).
    static func number(_ s: String) -> Double? {
        if s.hasPrefix("<") { return number(String(s.dropFirst())).map { $0 / 2 } }
        var last = s.split(separator: " ").last.map(String.init) ?? s
        if last.hasPrefix("≈") { last.removeFirst() }
        return Double(last.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: ""))
    }
}
