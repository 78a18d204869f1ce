import DealKit

/// View 5: one deal, whole: facts, partners with roles, capacity, timeline, sources with URLs, notes.
enum DetailView {
    /// A piece of a line with its style.
    struct Segment: Sendable, Equatable {
        var text: String
        var style: Style
        init(_ text: String, _ style: Style = .normal) {
            self.text = text
            self.style = style
        }
    }

    typealias Line = [Segment]

    static let labelWidth = 14

    /// The deal as styled lines wrapped to `width` columns; the reducer uses the count to scroll.
    static func lines(
        _ d: Deal, width: Int, today: PartialDate? = nil, history: [Revision] = [],
        conflicts: [MergeConflict] = []
    ) -> [Line] {
        let w = max(width - 2, 10)
        var out: [Line] = []
        for l in TextWrap.wrap(d.title, width: w) { out.append([Segment(l, Style(.title, bold: true))]) }
        let country = Countries.byCode(d.country)?.name ?? d.country
        out.append([
            Segment(d.id, Style(.dim)), Segment("  ·  "),
            Segment(d.status.rawValue, Style(.status(d.status), bold: true)),
            Segment("  ·  \(d.country) \(country)"),
        ])
        func section(_ title: String) {
            out.append([])
            out.append([Segment(title, Style(.columnHeader, bold: true))])
        }
        func field(_ label: String, _ value: String, _ style: Style = .normal) {
            let wrapped = TextWrap.wrap(value, width: max(w - labelWidth, 8))
            for (i, l) in wrapped.enumerated() {
                let head = i == 0 ? DisplayWidth.fit(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                out.append([Segment(head, Style(.dim)), Segment(l, value == "-" ? Style(.dim) : style)])
            }
        }
        if !conflicts.isEmpty {
            // First, so they are seen: the deal shows our value until one side is taken.
            section("Merge conflicts")
            for (i, c) in conflicts.enumerated() {
                let o = c.ours.map(DealChange.brief) ?? "absent"
                let t = c.theirs.map(DealChange.brief) ?? "absent"
                let text = "\(c.field): ours \(o) · theirs \(t)"
                for (k, l) in TextWrap.wrap(text, width: max(w - 4, 8)).enumerated() {
                    out.append([Segment(k == 0 && i == 0 ? "▶ " : "  "), Segment(l, Style(.error, bold: i == 0))])
                }
            }
            out.append([Segment("  < takes ours, > takes theirs for the one marked ▶", Style(.dim))])
        }
        section("Facts")
        // Kind and products only when the deal has them: a version-1 deal reads as before.
        for (label, value) in DealText.facts(d)
        where label != "partners" && label != "status" && label != "country"
            && !((label == "kind" || label == "products") && value == "-")
        {
            if label == "capacity" {
                field(label, value, Style(.confidence(d.capacity?.confidence)))
            } else {
                field(label, value)
            }
        }
        section("Partners")
        if d.partners.isEmpty { out.append([Segment("  (none)", Style(.dim))]) }
        for p in d.partners {
            var who = p.name
            if let s = p.supplies { who += " supplies " + s }
            if let t = p.to { who += (p.supplies == nil ? " supplies " : " ") + "to " + t }
            field("  " + p.role.rawValue, who, Style(.normal, bold: p.role == .vendor))
        }
        section("Timeline")
        // Each event with its citation; an unstated announcement date shows as `≤date`.
        var items: [(PartialDate, String, String, Role)] = [
            (d.announced, d.announcedText, "announced" + Citations.marker(d.cite[.announced]), .status(d.status))
        ]
        for m in d.milestones {
            // A milestone not done whose whole period has passed is overdue, not "next".
            let overdue = !m.done && today.map { m.date.endKey < $0.startKey } == true
            items.append(
                (
                    m.date, m.date.description,
                    (m.done ? "● " : "○ ") + m.event + Citations.marker(m.cite)
                        + (m.done ? "  (done)" : overdue ? "  (overdue)" : ""),
                    m.done ? .milestoneDone : overdue ? .error : .milestonePending
                ))
        }
        for (_, date, event, role) in items.enumerated().sorted(by: { a, b in
            a.element.0 != b.element.0 ? a.element.0 < b.element.0 : a.offset < b.offset
        }).map(\.element) {
            field("  " + date, event, Style(role))
        }
        section("Sources")
        if d.sources.isEmpty { out.append([Segment("  none", Style(.dim))]) }
        for (i, s) in d.sources.enumerated() {
            var head = s.title ?? s.url ?? ""
            let meta = [s.publisher, s.date?.description].compactMap { $0 }.joined(separator: ", ")
            if !meta.isEmpty { head += " — " + meta }
            let wrapped = TextWrap.wrap(head, width: max(w - 5, 8))
            for (k, l) in wrapped.enumerated() {
                out.append([Segment(k == 0 ? DisplayWidth.fit("  [\(i + 1)]", to: 6) : "      "), Segment(l)])
            }
            if let u = s.url, s.title != nil {
                for l in TextWrap.wrap(u, width: max(w - 5, 8)) {
                    out.append([Segment("     "), Segment(l, Style(.key, underline: true))])
                }
            }
        }
        if let n = d.notes, !n.isEmpty {
            section("Notes")
            for l in TextWrap.wrap(n, width: max(w - 2, 8)) { out.append([Segment("  " + l)]) }
        }
        if !d.extra.isEmpty {
            section("Other keys")
            for f in d.extra {
                var jw = JSONWriter()
                jw.value(f.value)
                field("  " + f.key, String(decoding: jw.bytes, as: UTF8.self))
            }
        }
        if !history.isEmpty {
            section("History")
            for r in history {
                let what = RevisionExport.summary(r) + (r.note.map { " — \($0)" } ?? "")
                field("  " + r.at.prefix(10), "\(r.author) · \(r.action): \(what)")
            }
        }
        return out
    }

    /// The lines of the deal at catalog index `index`, with its history.
    static func lines(of index: Int, in catalog: DealIndex, width: Int, today: PartialDate? = nil) -> [Line] {
        let d = catalog.deals[index]
        return lines(
            d, width: width, today: today, history: catalog.revisions(of: d.id), conflicts: catalog.conflicts(of: d.id))
    }

    static func draw(into g: inout CellGrid, state: AppState, frame: FrameLayout) {
        guard let detail = state.detail, let all = frame.detailLines else { return }
        let rect = frame.body
        let top = min(max(detail.scroll, 0), max(0, all.count - rect.height))
        for row in 0..<min(rect.height, all.count - top) {
            var x = 1
            for seg in all[top + row] {
                x += g.put(seg.text, y: rect.y + row, x: x, limit: rect.width - x, style: seg.style)
            }
        }
    }
}
