import Foundation

/// One deal as readable text: `sovtrack show` and the dashboard's detail view.
public enum DealText {
    /// Label/value lines of a deal's facts (unknown shown as "-"), each figure followed by
    /// the numbers of the sources that state it: `55 MW [1, 3]`.
    public static func facts(_ d: Deal) -> [(label: String, value: String)] {
        let c = d.capacity
        func cited(_ text: String, _ figure: Citations.Figure) -> String { text + Citations.marker(d.cite[figure]) }
        func mw(_ v: Double?, _ approx: CapacityFigures, _ figure: Citations.Figure) -> String {
            v == nil
                ? "unknown"
                : cited(MWText.figure(v, approx: !(c?.approx.intersection(approx).isEmpty ?? true)) + " MW", figure)
        }
        var capacity: String
        if !d.mwApplies {
            capacity = "n/a (megawatts do not apply to a \(d.kind?.rawValue ?? "") deal)"
        } else {
            // The committed figure is the initial or the operational one: cite the one it is.
            let committedIsOperational =
                c?.operationalMW != nil && (c?.initialMW == nil || c!.operationalMW! > c!.initialMW!)
            capacity =
                "committed "
                + (committedIsOperational
                    ? mw(d.committedMW, .operational, .operationalMW) : mw(d.committedMW, .initial, .initialMW))
            capacity += " · target \(mw(c?.targetMW, .target, .targetMW))"
            // The confidence is the target's: beside a figure it qualifies it; without one it is said in words.
            if let conf = c?.confidence {
                capacity += c?.targetMW == nil ? ", its confidence \(conf.rawValue)" : " (\(conf.rawValue))"
            }
            capacity += " · operational \(mw(c?.operationalMW, .operational, .operationalMW))"
        }
        var accel = "-"
        if let a = d.accelerators, a.count != nil || a.type != nil {
            accel = cited(
                [a.count.map { MWText.figure(Double($0)) }, a.type].compactMap { $0 }.joined(separator: " × "),
                .accelerators)
        }
        let investment = d.investment.map { cited("\(MWText.figure($0.amount)) \($0.currency)", .investment) } ?? "-"
        let partners = d.partners.isEmpty ? "-" : d.partners.map(\.described).joined(separator: ", ")
        let announced = d.announcedStated ? d.announced.description : "≤\(d.announced) (not stated; public by then)"
        return [
            ("kind", d.kind?.rawValue ?? "-"),
            ("country", "\(d.country)  \(Countries.byCode(d.country)?.name ?? "")"),
            ("announced", cited(announced, .announced)),
            ("status", d.status.rawValue),
            ("sponsor", d.sponsor.map { cited($0, .sponsor) } ?? "-"),
            ("partners", partners),
            ("platform", d.platform.map { cited($0, .platform) } ?? "-"),
            ("site", d.site.map { cited($0, .site) } ?? "-"),
            ("capacity", capacity),
            ("accelerators", accel),
            ("investment", investment),
            ("models", d.models.isEmpty ? "-" : d.models.joined(separator: ", ")),
            ("products", d.products.isEmpty ? "-" : d.products.joined(separator: ", ")),
            ("tags", d.tags.isEmpty ? "-" : d.tags.joined(separator: ", ")),
        ]
    }

    /// The timeline: the announcement and every milestone, in date order, each with its
    /// citation; a milestone not done whose whole period is before `today` is marked overdue.
    public static func timeline(_ d: Deal, today: PartialDate? = nil) -> [(date: String, event: String)] {
        var items: [(PartialDate, String, String)] = [
            (d.announced, d.announcedText, "announced" + Citations.marker(d.cite[.announced]))
        ]
        for m in d.milestones {
            let overdue = !m.done && today.map { m.date.endKey < $0.startKey } == true
            items.append(
                (
                    m.date, m.date.description,
                    m.event + Citations.marker(m.cite) + (m.done ? "  [done]" : overdue ? "  [overdue]" : "")
                ))
        }
        return items.enumerated().sorted { a, b in
            a.element.0 != b.element.0 ? a.element.0 < b.element.0 : a.offset < b.offset
        }.map { ($0.element.1, $0.element.2) }
    }

    /// Each source as one line, `title — publisher, date`, with its URL on the next if any.
    public static func sources(_ d: Deal) -> [String] {
        d.sources.enumerated().flatMap { i, s -> [String] in
            var head = s.title ?? s.url ?? ""
            let meta = [s.publisher, s.date?.description].compactMap { $0 }.joined(separator: ", ")
            if !meta.isEmpty { head += " — " + meta }
            var lines = ["[\(i + 1)] \(head)"]
            if let u = s.url, s.title != nil { lines.append("   \(u)") }
            for f in s.extra {
                if case .string(let text) = f.value {
                    lines.append("   \(f.key): \(text)")
                } else {
                    var w = JSONWriter()
                    w.value(f.value)
                    lines.append("   \(f.key): \(String(decoding: w.bytes, as: UTF8.self))")
                }
            }
            return lines
        }
    }

    /// The deal as a Markdown document: facts with their citations `[1]`, timeline, numbered sources, notes
    /// (`show --md` and the dashboard's detail export).
    public static func markdown(_ d: Deal, today: PartialDate? = nil) -> String {
        // Feed text is never markup.
        let md = Markup.markdown
        var out = "# \(md(d.title))\n\n\(md(d.id))\n\n"
        out += TextTable(columns: [.init("field"), .init("value")], rows: facts(d).map { [$0.label, $0.value] })
            .renderMarkdown()
        out += "\n## Timeline\n\n"
        for (date, event) in timeline(d, today: today) { out += "- \(md(date)): \(md(event))\n" }
        out += "\n## Sources\n\n"
        if d.sources.isEmpty { out += "(none)\n" }
        for (i, s) in d.sources.enumerated() {
            var line = "\(i + 1). " + md(s.title ?? s.url ?? "")
            let meta = [s.publisher, s.date?.description].compactMap { $0 }.joined(separator: ", ")
            if !meta.isEmpty { line += " — " + md(meta) }
            // Only an http(s) URL becomes a link; any other is text.
            if let u = s.url, s.title != nil { line += " " + (Markup.safeURL(u).map { "<\($0)>" } ?? md(u)) }
            out += line + "\n"
        }
        if let n = d.notes, !n.isEmpty { out += "\n## Notes\n\n" + md(n) + "\n" }
        return out
    }

    /// The whole deal as text, every feed string made safe for a terminal.
    public static func render(_ d: Deal, today: PartialDate? = nil) -> String {
        var out = "\(d.id)\n\(d.title)\n\n"
        for (label, value) in facts(d) {
            out += "  " + DisplayWidth.fit(label, to: 13) + value + "\n"
        }
        out += "\nTimeline\n"
        for (date, event) in timeline(d, today: today) { out += "  " + DisplayWidth.fit(date, to: 12) + event + "\n" }
        // No heading over nothing: a deal without sources says so in one line.
        let src = sources(d)
        out += src.isEmpty ? "\nSources: none\n" : "\nSources\n" + src.map { "  " + $0 + "\n" }.joined()
        if let n = d.notes, !n.isEmpty { out += "\nNotes\n  " + n.replacingOccurrences(of: "\n", with: "\n  ") + "\n" }
        if !d.extra.isEmpty {
            out += "\nOther keys\n"
            for f in d.extra {
                var w = JSONWriter()
                w.value(f.value)
                out += "  \(f.key): \(String(decoding: w.bytes, as: UTF8.self))\n"
            }
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.sanitize(String($0)) }
            .joined(separator: "\n")
    }
}
