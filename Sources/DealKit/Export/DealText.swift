import Foundation

/// One deal as readable text: `sovtrack show` and the dashboard's detail view.
public enum DealText {
    /// Label/value lines of a deal's facts (unknown shown as "-").
    public static func facts(_ d: Deal) -> [(label: String, value: String)] {
        let c = d.capacity
        func mw(_ v: Double?) -> String { v == nil ? "unknown" : MWText.figure(v) + " MW" }
        var capacity = "committed \(mw(d.committedMW)) · target \(mw(c?.targetMW))"
        // The confidence is the target's: beside a figure it qualifies it; without one it is said in words.
        if let conf = c?.confidence {
            capacity += c?.targetMW == nil ? ", its confidence \(conf.rawValue)" : " (\(conf.rawValue))"
        }
        capacity += " · operational \(mw(c?.operationalMW))"
        var accel = "-"
        if let a = d.accelerators, a.count != nil || a.type != nil {
            accel = [a.count.map { MWText.figure(Double($0)) }, a.type].compactMap { $0 }.joined(separator: " × ")
        }
        let investment = d.investment.map { "\(MWText.figure($0.amount)) \($0.currency)" } ?? "-"
        let partners = d.partners.isEmpty ? "-" : d.partners.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", ")
        return [
            ("country", "\(d.country)  \(Countries.byCode(d.country)?.name ?? "")"),
            ("announced", d.announced.description),
            ("status", d.status.rawValue),
            ("sponsor", d.sponsor ?? "-"),
            ("partners", partners),
            ("platform", d.platform ?? "-"),
            ("site", d.site ?? "-"),
            ("capacity", capacity),
            ("accelerators", accel),
            ("investment", investment),
            ("models", d.models.isEmpty ? "-" : d.models.joined(separator: ", ")),
            ("tags", d.tags.isEmpty ? "-" : d.tags.joined(separator: ", ")),
        ]
    }

    /// The timeline: the announcement and every milestone, in date order; a milestone not done
    /// whose whole period is before `today` is marked overdue.
    public static func timeline(_ d: Deal, today: PartialDate? = nil) -> [(date: String, event: String)] {
        var items: [(PartialDate, String)] = [(d.announced, "announced")]
        for m in d.milestones {
            let overdue = !m.done && today.map { m.date.endKey < $0.startKey } == true
            items.append((m.date, m.event + (m.done ? "  [done]" : overdue ? "  [overdue]" : "")))
        }
        return items.enumerated().sorted { a, b in
            a.element.0 != b.element.0 ? a.element.0 < b.element.0 : a.offset < b.offset
        }.map { ($0.element.0.description, $0.element.1) }
    }

    /// Each source as one line, `title — publisher, date`, with its URL on the next if any.
    public static func sources(_ d: Deal) -> [String] {
        d.sources.enumerated().flatMap { i, s -> [String] in
            var head = s.title ?? s.url ?? ""
            let meta = [s.publisher, s.date?.description].compactMap { $0 }.joined(separator: ", ")
            if !meta.isEmpty { head += " — " + meta }
            var lines = ["\(i + 1). \(head)"]
            if let u = s.url, s.title != nil { lines.append("   \(u)") }
            for f in s.extra {
                if case .string(let text) = f.value { lines.append("   \(f.key): \(text)") } else {
                    var w = JSONWriter()
                    w.value(f.value)
                    lines.append("   \(f.key): \(String(decoding: w.bytes, as: UTF8.self))")
                }
            }
            return lines
        }
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
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.sanitize(String($0)) }.joined(separator: "\n")
    }

    /// The whole deal as Markdown: facts, timeline, sources and notes (the dashboard's detail export).
    public static func markdown(_ d: Deal, today: PartialDate? = nil) -> String {
        func line(_ t: String) -> String { SafeText.sanitize(t.replacingOccurrences(of: "\n", with: " ")) }
        var out = "# \(line(d.title))\n\n`\(line(d.id))`\n\n"
        let table = TextTable(columns: [TextTable.Column("field"), TextTable.Column("value")], rows: facts(d).map { [$0.label, $0.value] })
        out += table.renderMarkdown()
        out += "\n## Timeline\n\n" + timeline(d, today: today).map { "- \(line($0.date)): \(line($0.event))\n" }.joined()
        let src = sources(d)
        out += src.isEmpty ? "\nNo sources.\n" : "\n## Sources\n\n" + src.map { "    " + line($0) + "\n" }.joined()
        if let n = d.notes, !n.isEmpty { out += "\n## Notes\n\n" + SafeText.sanitize(n) + "\n" }
        return out
    }
}
