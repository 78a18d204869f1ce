import DealKit
import DealPostgres
import DealTUI
import Foundation

/// `measure-dashboard FILE`: the dashboard's first frame and keystrokes, each one the reducer
/// plus a full render into the in-memory cell grid (what the run loop does before painting),
/// in a child process of its own. `file` may also name a database store (`postgresql://…`):
/// the first frame then includes reading every deal from the server.
enum DashboardMeasure {
    static let rows = 40, cols = 140

    static func run(file: String) throws {
        var r = Recorder()
        let wall = System.now()
        let cpu = System.cpuNow()
        let snapshot = try (StoreLocation.isDatabase(file) ? PostgresStore(url: file).load() : Store.load(path: file))
        r.put("load", System.now() - wall)
        var state = r.phase("state") {
            AppState(feed: snapshot.feed, storeName: file, today: PartialDate("2026-06-10")!, rows: rows, cols: cols)
        }
        var grid = r.phase("render") { Screen.render(state) }
        let readyAtFrame = state.catalog.searchIsReady
        r.put("first_frame", System.now() - wall)
        r.put("first_frame_cpu", System.cpuNow() - cpu)
        r.put("frame_only", (r.value("state") ?? 0) + (r.value("render") ?? 0))
        r.put("frame_only_cpu", (r.value("state_cpu") ?? 0) + (r.value("render_cpu") ?? 0))

        /// One keystroke: the reducer, then the whole frame rendered.
        func key(_ s: inout AppState, _ e: InputEvent) -> (Double, Double) {
            let w = System.now()
            let c = System.cpuNow()
            AppReducer.reduce(&s, e)
            grid = Screen.render(s)
            return (System.now() - w, System.cpuNow() - c)
        }
        func record(_ name: String, _ samples: [(Double, Double)]) {
            r.put(name, median(samples.map(\.0)))
            r.put(name + "_cpu", median(samples.map(\.1)))
            r.put(name + "_max", samples.map(\.0).max() ?? .nan)
        }

        // The first search, typed at once after the first frame: the worst case for the search
        // index, which `DealIndex` builds on the other core from the start.
        var cold = state
        let slash = key(&cold, .char("/"))
        let first = key(&cold, .char("n"))
        record("key_search_cold", [first])
        r.put("key_search_cold_with_slash", slash.0 + first.0)
        // Later first characters in the same view, to tell what is first about the first: typed
        // once the search index's background build is over, as a user's next key finds it (at
        // once, they would share the two cores with the build's last part).
        let wait = System.now()
        while !cold.catalog.searchIsComplete && System.now() - wait < 5 { usleep(500) }
        r.put("search_complete_after_frame", System.now() - wall - (r.value("first_frame") ?? 0))
        var later: [(Double, Double)] = []
        for ch in ["a", "e", "o", "s", "t"] {
            var t = cold
            _ = key(&t, .escape)
            _ = key(&t, .char("/"))
            later.append(key(&t, .char(Character(ch))))
        }
        record("key_search_countries", later)

        // Move the selection: in the Countries view it starts in, and in the Deals view (all rows).
        var samples: [(Double, Double)] = []
        for _ in 0..<25 { samples.append(key(&state, .down)) }
        record("key_move_countries", samples)
        _ = key(&state, .char("2"))
        samples = []
        for _ in 0..<25 { samples.append(key(&state, .down)) }
        record("key_move", samples)

        // Type one search character at the `/` prompt.
        r.put("search_ready_at_first_frame", readyAtFrame ? 1 : 0)
        let base = state
        var s = base
        _ = key(&s, .char("/"))
        _ = key(&s, .char("n"))
        samples = []
        for ch in ["a", "e", "o", "s", "t", "x", "k", "9", "m"] {
            var t = s
            _ = key(&t, .escape)
            _ = key(&t, .char("/"))
            samples.append(key(&t, .char(Character(ch))))
        }
        record("key_search", samples)
        // A second character narrows the last result.
        samples = []
        for ch in ["v", "a", "e"] {
            var t = s
            samples.append(key(&t, .char(Character(ch))))
        }
        record("key_search_second", samples)

        // Apply a vendor filter: `v` opens the picker, space ticks a vendor, Enter applies it.
        samples = []
        var opens: [(Double, Double)] = []
        for down in 0..<5 {
            var t = base
            opens.append(key(&t, .char("v")))
            for _ in 0..<down { _ = key(&t, .down) }
            _ = key(&t, .char(" "))
            samples.append(key(&t, .enter))
        }
        record("key_vendor_picker", opens)
        record("key_vendor", samples)
        // Keys that reach every row at once: a page
        // and the end of the list, switching views, a sort cycle, and taking back a search character.
        func each(_ name: String, _ events: [InputEvent], times: Int = 5) {
            var samples: [(Double, Double)] = []
            for _ in 0..<times {
                var t = base
                for e in events.dropLast() { _ = key(&t, e) }
                samples.append(key(&t, events.last!))
            }
            record(name, samples)
        }
        each("key_page", [.pageDown])
        each("key_end", [.end])
        each("key_view", [.char("1"), .char("2")])
        each("key_sort", [.char("s")])
        each("key_sort_reverse", [.char("S")])
        each("key_search_backspace", [.char("/"), .char("n"), .char("v"), .backspace])
        // Hiding a column in the chooser (the table behind is drawn again), and the sorts by
        // vendor concentration, which read the shares of every deal shown.
        each("key_columns", [.char("|"), .down, .down, .down, .char(" ")])
        each("key_sort_hhi", [.char("1"), .char("s")])
        each("key_sort_top_in", [.char("3"), .char("s"), .char("s")])
        SearchMeasure.run(deals: snapshot.feed.deals, into: &r)
        _ = grid
        r.put("hwm_kb", Double(System.status("VmHWM")))
        r.print()
    }
}
