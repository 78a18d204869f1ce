/// A report as Markdown, with its three charts as SVG files written beside it.
///
/// Feed text goes through `Markup.markdown` (no link, emphasis or tag can form) and only
/// `http`/`https` URLs become links. The SVGs are the HTML report's, as standalone files.
public enum ReportMarkdown {
    /// One file of the report: its name beside the Markdown (or the Markdown's own path) and bytes.
    public struct File: Sendable {
        public var path: String
        public var bytes: [UInt8]
    }

    /// The SVG files' names for a Markdown file named `base` (`briefing.md` → `briefing-countries.svg` ...).
    public static func chartNames(for base: String) -> (countries: String, vendors: String, milestones: String) {
        var stem = base
        for ext in [".markdown", ".md"] where stem.lowercased().hasSuffix(ext) {
            stem = String(stem.dropLast(ext.count))
            break
        }
        return ("\(stem)-countries.svg", "\(stem)-vendors.svg", "\(stem)-milestones.svg")
    }

    /// The Markdown at `path` and the SVGs beside it, SVGs first (the Markdown names them).
    public static func render(_ r: Report, path: String) -> [File] {
        let dir = FileSystem.directory(of: path)
        let names = chartNames(for: FileSystem.baseName(of: path))
        func beside(_ name: String) -> String { dir == "." && !path.hasPrefix("./") ? name : dir + "/" + name }
        let svgs = [
            File(path: beside(names.countries), bytes: Array(ReportCharts.countryMW(r).utf8)),
            File(path: beside(names.vendors), bytes: Array(ReportCharts.vendorShares(r).utf8)),
            File(path: beside(names.milestones), bytes: Array(ReportCharts.timeline(r).utf8)),
        ]
        return svgs + [File(path: path, bytes: Array(markdown(r, charts: names).utf8))]
    }

    /// A relative link target: characters outside `A-Za-z0-9._-` percent-encoded.
    static func linkTarget(_ name: String) -> String {
        var out = ""
        for b in name.utf8 {
            let c = Character(Unicode.Scalar(b))
            if c.isASCII && (c.isLetter || c.isNumber || "._-".contains(c)) {
                out.append(c)
            } else {
                let d = Array("0123456789ABCDEF")
                out += "%" + String(d[Int(b >> 4)]) + String(d[Int(b & 15)])
            }
        }
        return out
    }

    public static func markdown(_ r: Report, charts: (countries: String, vendors: String, milestones: String)) -> String
    {
        var m = "# \(Markup.markdown(r.context.title))\n\n_\(r.context.date)_\n\n"
        let t = r.summary.total
        m +=
            "**\(r.dealCount)** deals in **\(r.summary.rows.count)** countries: **\(MWText.figure(t.committedMW, approx: t.approxCommitted))** MW committed, **\(MWText.figure(t.ambitionMW, approx: t.approxAmbition))** MW of ambition."
        if let top = r.summary.concentration.total.ambition.top {
            m +=
                " Largest vendor: **\(Markup.markdown(top.vendor))**, \(VendorConcentration.percent(top.share)) of the ambition MW."
        }
        if t.unknownMWDeals > 0 {
            m += " \(t.unknownMWDeals) deals state no MW figure: counted as deals, never as zero MW."
        }
        m += "\n\n## What this is made from\n\n"
        m +=
            "- Filter: \(r.context.filter.isEmpty ? "no filter: every deal in the store" : Markup.markdown(r.context.filter))\n"
        m +=
            "- Store: \(Markup.markdown(r.context.store))\(r.context.asOf.map { " as it stood at the end of " + Markup.markdown($0) + ", from its history" } ?? "")\n"
        m += "- Deals: \(r.dealCount)\n"
        m +=
            "- Fingerprint: `sha256:\(r.fingerprint)`, the SHA-256 of the selected deals as `\(r.context.reproduce.replacingOccurrences(of: "`", with: "'"))` prints them.\n\n"
        m += "## Per country\n\n"
        m += "| country | deals | committed MW | ambition MW | operational MW | no MW stated | next milestone |\n"
        m += "| --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
        func row(_ x: Summary.Row, _ label: String) {
            let c = r.citations[x.key]
            func cite(_ f: Citation.Figure) -> String { c?[f].map { " " + Citation.marks($0) } ?? "" }
            m +=
                "| \(label) | \(x.deals)\(cite(.deal)) | \(MWText.figure(x.committedMW, approx: x.approxCommitted))\(cite(.committedMW)) | "
            m +=
                "\(MWText.figure(x.ambitionMW, approx: x.approxAmbition))\(cite(.ambitionMW)) | \(MWText.figure(x.operationalMW, approx: x.approxOperational))\(cite(.operationalMW)) | "
            m += "\(x.unknownMWDeals) | \(Markup.markdown(x.nextMilestoneText ?? "-")) |\n"
        }
        for x in r.summary.rows { row(x, "\(Markup.markdown(x.key)) \(Markup.markdown(x.name))") }
        row(r.summary.total, "**total**")
        m += "\n![Committed and ambition MW per country](\(linkTarget(charts.countries)))\n\n"
        m += "## Vendor concentration\n\n"
        m +=
            "Each vendor's share of a country's MW and the Herfindahl–Hirschman index (HHI, 0 to 10,000; above 2,500 is highly concentrated). A deal with several vendors gives each an equal part of its MW; deals stating no MW and deals naming no vendor are left out of the shares and counted under *left out*, never taken as zero.\n\n"
        m +=
            "| country | largest vendor | share of ambition MW | HHI committed | HHI ambition | vendors: share of committed / ambition MW | left out |\n"
        m += "| --- | --- | ---: | ---: | ---: | --- | ---: |\n"
        let c = r.summary.concentration
        func crow(_ x: VendorConcentration.Row, _ label: String) {
            let cites = r.citations[x.key]?[.vendors].map { " " + Citation.marks($0) } ?? ""
            let top = x.ambition.top
            let (items, count) = VendorConcentration.vendorList(x, limit: 6)
            let list = items.map { "\(Markup.markdown($0.vendor)) \($0.shares)" }
            let more = count > 0 ? ", \\+\(count) more" : ""
            m +=
                "| \(label) | \(Markup.markdown(top?.vendor ?? "-")) | \(VendorConcentration.percent(top?.share))\(top == nil ? "" : cites) | "
            m +=
                "\(VendorConcentration.index(x.committed.hhi)) | \(VendorConcentration.index(x.ambition.hhi))\(x.ambition.hhi == nil ? "" : cites) | "
            m +=
                "\(list.isEmpty ? "-" : list.joined(separator: ", "))\(more) | \(x.noVendorDeals + x.ambition.unknownMWDeals) |\n"
        }
        for s in r.summary.rows {
            if let x = c.row(s.key) { crow(x, "\(Markup.markdown(s.key)) \(Markup.markdown(s.name))") }
        }
        crow(c.total, "**all countries**")
        m += "\n![Vendor shares of each country's ambition MW](\(linkTarget(charts.vendors)))\n\n"
        m += "## Milestones\n\n![Milestones per country and year](\(linkTarget(charts.milestones)))\n\n"
        m += "## Changes of the period\n\n" + changes(r)
        m += "## Sources\n\n"
        if r.sources.entries.isEmpty { m += "These deals cite no sources.\n" }
        for (i, s) in r.sources.entries.enumerated() { m += "\(i + 1). \(source(s))\n" }
        return m
    }

    /// The changes of the period as a table (setbacks marked), or the note that says why there is none.
    static func changes(_ r: Report) -> String {
        guard let c = r.context.changes else { return "\(Report.noHistory)\n\n" }
        var m = Markup.markdown(c.intro) + "\n\n"
        guard !c.list.isEmpty else { return m }
        m += "| | deal | change |\n| --- | --- | --- |\n"
        for change in c.list.prefix(Report.Changes.listed) {
            m +=
                "| \(change.isSetback ? "!" : "") | \(Markup.markdown(change.id)) | \(Markup.markdown(change.sentence)) |\n"
        }
        if c.list.count > Report.Changes.listed {
            m += "\n… and \(c.list.count - Report.Changes.listed) more (sovtrack diff lists them all).\n"
        }
        return m + "\n"
    }

    /// `Title`, publisher, date, and the URL as an autolink if it is http(s), else as text.
    static func source(_ s: Source) -> String {
        var parts: [String] = []
        if let t = s.title { parts.append(Markup.markdown(t)) }
        if let p = s.publisher { parts.append(Markup.markdown(p)) }
        if let d = s.date { parts.append(d.description) }
        if let url = Markup.safeURL(s.url) {
            parts.append("<\(url)>")
        } else if let u = s.url {
            parts.append(Markup.markdown(u))
        }
        return parts.joined(separator: ", ")
    }
}
