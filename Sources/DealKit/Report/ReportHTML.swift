/// A report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.
///
/// Every feed string goes through `Markup.escape`, and only `http`/`https` URLs become
/// links; a Content-Security-Policy forbids scripts and every fetch besides, so even a
/// mistake here could not run one.
public enum ReportHTML {
    public static func render(_ r: Report) -> [UInt8] {
        var h = ""
        h.reserveCapacity(64 * 1024 + r.sources.entries.count * 160)
        let title = Markup.escape(r.context.title)
        h += """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="referrer" content="no-referrer">
            <title>\(title) · \(r.context.date)</title>
            <style>\(css)</style>
            </head>
            <body>
            <main>
            <header>
            <p class="kicker">sovtrack briefing</p>
            <h1>\(title)</h1>
            <p class="date">\(r.context.date)</p>
            </header>

            """
        h += keyFigures(r)
        h += provenance(r)
        h += section(
            "countries", "Per country",
            countryTable(r)
                + figure(
                    ReportCharts.countryMW(r),
                    "Committed MW (dark) and ambition MW (light) per country"
                        + (logScale(r) ? ", on a log scale: the figures span more than two orders of magnitude." : "."))
        )
        h += section(
            "concentration", "Vendor concentration",
            concentrationIntro(r) + concentrationTable(r)
                + figure(
                    ReportCharts.vendorShares(r),
                    "Each country's ambition MW split among vendors; the HHI at the right (bold above 2,500, highly concentrated)."
                ))
        h += section(
            "milestones", "Milestones",
            figure(
                ReportCharts.timeline(r),
                "Milestones per country and year: circle area is the count, the dark part those done."))
        h += section("changes", "Changes of the period", changes(r))
        h += section("sources", "Sources", sourceList(r))
        h +=
            "<footer><p>Made by sovtrack on \(r.context.date) from \(r.dealCount) deal\(r.dealCount == 1 ? "" : "s"). Fingerprint <code>\(r.fingerprint)</code>.</p></footer>\n</main>\n</body>\n</html>\n"
        return Array(h.utf8)
    }

    /// The changes of the period as a table (setbacks marked), or the note that says why there is none.
    static func changes(_ r: Report) -> String {
        guard let c = r.context.changes else { return "<p class=\"note\">\(Markup.escape(Report.noHistory))</p>\n" }
        var h = "<p class=\"note\">\(Markup.escape(c.intro))</p>\n"
        guard !c.list.isEmpty else { return h }
        h += "<table>\n<thead><tr><th></th><th>deal</th><th>change</th></tr></thead>\n<tbody>\n"
        for change in c.list.prefix(Report.Changes.listed) {
            h +=
                "<tr><td>\(change.isSetback ? "!" : "")</td><td>\(Markup.escape(change.id))</td><td>\(Markup.escape(change.sentence))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n"
        if c.list.count > Report.Changes.listed {
            h +=
                "<p class=\"note\">… and \(c.list.count - Report.Changes.listed) more (sovtrack diff lists them all).</p>\n"
        }
        return h
    }

    static func logScale(_ r: Report) -> Bool {
        ReportCharts.needsLogScale(
            r.summary.rows.prefix(ReportCharts.maxRows).flatMap { [$0.committedMW, $0.ambitionMW] }.compactMap { $0 })
    }

    static func section(_ id: String, _ heading: String, _ body: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(Markup.escape(heading))</h2>\n\(body)</section>\n"
    }

    static func figure(_ svg: String, _ caption: String) -> String {
        "<figure>\n\(svg)<figcaption>\(Markup.escape(caption))</figcaption>\n</figure>\n"
    }

    static func keyFigures(_ r: Report) -> String {
        let t = r.summary.total
        let c = r.summary.concentration.total.ambition
        var cards = [
            ("deals", "\(r.dealCount)"), ("countries", "\(r.summary.rows.count)"),
            ("committed MW", MWText.figure(t.committedMW, approx: t.approxCommitted)),
            ("ambition MW", MWText.figure(t.ambitionMW, approx: t.approxAmbition)),
        ]
        if let top = c.top {
            cards.append(("largest vendor", "\(top.vendor) · \(VendorConcentration.percent(top.share))"))
        }
        var h = "<section class=\"cards\" aria-label=\"Key figures\">\n"
        for (label, value) in cards {
            h +=
                "<div class=\"card\"><div class=\"value\">\(Markup.escape(value))</div><div class=\"label\">\(label)</div></div>\n"
        }
        if t.unknownMWDeals > 0 {
            h +=
                "<p class=\"note\">\(t.unknownMWDeals) of \(r.dealCount) deals state no MW figure: they are counted as deals, never as zero MW.</p>\n"
        }
        return h + "</section>\n"
    }

    static func provenance(_ r: Report) -> String {
        let filter = r.context.filter.isEmpty ? "no filter: every deal in the store" : r.context.filter
        return """
            <section id="provenance">
            <h2>What this is made from</h2>
            <dl>
            <dt>Filter</dt><dd>\(Markup.escape(filter))</dd>
            <dt>Store</dt><dd><code>\(Markup.escape(r.context.store))</code>\(r.context.asOf.map { " as it stood at the end of " + Markup.escape($0) + ", from its history" } ?? "")</dd>
            <dt>Deals</dt><dd>\(r.dealCount)</dd>
            <dt>Fingerprint</dt><dd><code class="hash">sha256:\(r.fingerprint)</code></dd>
            </dl>
            <p class="note">The fingerprint is the SHA-256 of the selected deals as <code>\(Markup.escape(r.context.reproduce))</code> prints them: run it on the same store to check that you have the same data.</p>
            </section>

            """
    }

    /// Source numbers as links into the source list: `1–3, 7`.
    static func cite(_ numbers: [Int]?) -> String {
        guard let numbers, !numbers.isEmpty else { return "" }
        let parts = Citation.ranges(numbers).map { r in
            r.lowerBound == r.upperBound
                ? "<a href=\"#s\(r.lowerBound)\">\(r.lowerBound)</a>"
                : "<a href=\"#s\(r.lowerBound)\">\(r.lowerBound)</a>–<a href=\"#s\(r.upperBound)\">\(r.upperBound)</a>"
        }
        return "<sup class=\"cite\">[" + parts.joined(separator: ", ") + "]</sup>"
    }

    static func countryTable(_ r: Report) -> String {
        var h =
            "<div class=\"scroll\"><table>\n<thead><tr><th>Country</th><th class=\"n\">Deals</th><th class=\"n\">Committed MW</th><th class=\"n\">Ambition MW</th><th class=\"n\">Operational MW</th><th class=\"n\">No MW stated</th><th>Next milestone</th></tr></thead>\n<tbody>\n"
        func row(_ x: Summary.Row, label: String, tag: String) {
            let c = r.citations[x.key]
            h += "<tr><\(tag) class=\"country\">\(label)</\(tag)><td class=\"n\">\(x.deals)\(cite(c?[.deal]))</td>"
            h +=
                "<td class=\"n\">\(MWText.figure(x.committedMW, approx: x.approxCommitted))\(cite(c?[.committedMW]))</td>"
            h += "<td class=\"n\">\(MWText.figure(x.ambitionMW, approx: x.approxAmbition))\(cite(c?[.ambitionMW]))</td>"
            h +=
                "<td class=\"n\">\(MWText.figure(x.operationalMW, approx: x.approxOperational))\(cite(c?[.operationalMW]))</td>"
            h += "<td class=\"n\">\(x.unknownMWDeals)</td><td>\(Markup.escape(x.nextMilestoneText ?? "-"))</td></tr>\n"
        }
        for x in r.summary.rows {
            row(x, label: "<span class=\"cc\">\(Markup.escape(x.key))</span> \(Markup.escape(x.name))", tag: "td")
        }
        h += "</tbody>\n<tfoot>\n"
        row(
            r.summary.total, label: "Total, \(r.summary.rows.count) countr\(r.summary.rows.count == 1 ? "y" : "ies")",
            tag: "th")
        return h + "</tfoot>\n</table></div>\n"
    }

    static func concentrationIntro(_ r: Report) -> String {
        """
        <p>Each vendor's share of a country's MW, and the Herfindahl–Hirschman index (HHI) of those shares: \
        from near 0 (many small vendors) to 10,000 (one vendor has it all); above 2,500 is highly concentrated. \
        A deal with several vendors gives each an equal part of its MW. Deals stating no MW, and deals naming \
        no vendor, are left out of the shares and counted in the last column, never taken as zero.</p>

        """
    }

    static func concentrationTable(_ r: Report) -> String {
        var h =
            "<div class=\"scroll\"><table>\n<thead><tr><th>Country</th><th>Largest vendor (ambition MW)</th><th class=\"n\">HHI committed</th><th class=\"n\">HHI ambition</th><th>Vendors: committed / ambition share</th><th class=\"n\">Left out</th></tr></thead>\n<tbody>\n"
        let c = r.summary.concentration
        func row(_ x: VendorConcentration.Row, label: String, tag: String) {
            let cites = r.citations[x.key]
            let top = x.ambition.top
            h += "<tr><\(tag) class=\"country\">\(label)</\(tag)><td>"
            h +=
                top.map {
                    "\(Markup.escape($0.vendor)) <b>\(VendorConcentration.percent($0.share))</b>\(cite(cites?[.vendors]))"
                } ?? "-"
            h += "</td><td class=\"n\">\(VendorConcentration.index(x.committed.hhi))</td>"
            h +=
                "<td class=\"n\">\(VendorConcentration.index(x.ambition.hhi))\(x.ambition.hhi == nil ? "" : cite(cites?[.vendors]))</td>"
            let (list, more) = VendorConcentration.vendorList(x, limit: 6)
            let items = list.map { "\(Markup.escape($0.vendor))&nbsp;<span class=\"sh\">\($0.shares)</span>" }
            h += "<td>\(items.isEmpty ? "-" : items.joined(separator: ", "))\(more > 0 ? ", +\(more) more" : "")</td>"
            let why = [
                x.ambition.unknownMWDeals > 0 ? "\(x.ambition.unknownMWDeals) no MW" : nil,
                x.noVendorDeals > 0 ? "\(x.noVendorDeals) no vendor" : nil,
            ].compactMap { $0 }
            h += "<td class=\"n nw\">\(why.isEmpty ? "0" : why.joined(separator: ", "))</td></tr>\n"
        }
        for s in r.summary.rows {
            guard let x = c.row(s.key) else { continue }
            row(x, label: "<span class=\"cc\">\(Markup.escape(s.key))</span> \(Markup.escape(s.name))", tag: "td")
        }
        h += "</tbody>\n<tfoot>\n"
        row(c.total, label: "All countries", tag: "th")
        return h + "</tfoot>\n</table></div>\n"
    }

    static func sourceList(_ r: Report) -> String {
        guard !r.sources.entries.isEmpty else { return "<p class=\"note\">These deals cite no sources.</p>\n" }
        var h =
            "<p class=\"note\">Today a feed gives sources per deal, so each figure cites the sources of the deals it totals.</p>\n<ol class=\"sources\">\n"
        for (i, s) in r.sources.entries.enumerated() {
            h += "<li id=\"s\(i + 1)\">\(source(s))</li>\n"
        }
        return h + "</ol>\n"
    }

    /// `Title`, publisher, date, and the URL as a link if it is http(s), else as text.
    static func source(_ s: Source) -> String {
        var parts: [String] = []
        let title = Markup.escape(s.title ?? s.url ?? "")
        if let url = Markup.safeURL(s.url) {
            parts.append("<a href=\"\(Markup.escape(url))\" rel=\"noopener noreferrer\">\(title)</a>")
        } else {
            parts.append("<cite>\(title)</cite>")
            if let u = s.url, s.title != nil { parts.append("<span class=\"url\">\(Markup.escape(u))</span>") }
        }
        if let p = s.publisher { parts.append(Markup.escape(p)) }
        if let d = s.date { parts.append(d.description) }
        return parts.joined(separator: ", ")
    }

    static let css = """

        :root { --ink: #1d2330; --muted: #5b6475; --rule: #dfe3ea; --accent: #0b5cad; --bg: #ffffff; --band: #f5f7fa; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR", sans-serif; }
        main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        header { border-bottom: 3px solid var(--ink); margin-bottom: 1.25rem; }
        .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; color: var(--accent); font-weight: 700; }
        h1 { margin: .2rem 0 .1rem; font-size: clamp(1.5rem, 4.5vw, 2.3rem); line-height: 1.15; }
        .date { margin: 0 0 .8rem; color: var(--muted); }
        h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .75rem; }
        .card { background: var(--band); border-radius: .5rem; padding: .7rem .9rem; }
        .card .value { font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        .card .label { color: var(--muted); font-size: .85rem; }
        .cards .note { grid-column: 1 / -1; margin: 0; }
        .note { color: var(--muted); font-size: .9rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
        dt { color: var(--muted); }
        dd { margin: 0; overflow-wrap: anywhere; }
        code { font: .88em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        .hash { word-break: break-all; }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0 0 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { padding: .35rem .55rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { font-size: .8rem; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--ink); }
        tfoot th, tfoot td { border-top: 2px solid var(--ink); font-weight: 700; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        thead th.n { white-space: normal; }
        .cc { font-weight: 700; margin-right: .3rem; }
        td.country, th.country { white-space: nowrap; }
        .sh { color: var(--muted); white-space: nowrap; }
        .nw { white-space: nowrap; }
        sup.cite { font-size: .7em; font-weight: 400; margin-left: .15em; display: inline-block; white-space: nowrap; }
        sup.cite a { color: var(--accent); text-decoration: none; }
        figure { margin: 1rem 0 1.5rem; overflow-x: auto; -webkit-overflow-scrolling: touch; }
        figure svg { width: 100%; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: .88rem; margin-top: .35rem; }
        ol.sources { padding-left: 2.2rem; font-size: .92rem; }
        ol.sources li { margin: .2rem 0; overflow-wrap: anywhere; }
        ol.sources li:target { background: #fff6d6; }
        .url { color: var(--muted); }
        a { color: var(--accent); }
        footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
        @media (max-width: 40rem) {
          body { font-size: 15px; }
          main { padding: 1rem .8rem 2rem; }
          table { font-size: .85rem; }
          th, td { padding: .3rem .4rem; }
          dl { grid-template-columns: 1fr; }
          dt { font-weight: 600; color: var(--ink); }
          figure svg { min-width: 36rem; }
        }
        @media print {
          @page { margin: 15mm; }
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          .scroll, figure { overflow: visible; }
          figure svg { min-width: 0; }
          a { color: inherit; text-decoration: none; }
          .card { border: 1px solid var(--rule); background: none; }
          figure, tr, .cards, dl { break-inside: avoid; }
          h2 { break-after: avoid; }
          ol.sources { break-inside: auto; }
          ol.sources li { break-inside: avoid; }
        }

        """
}
