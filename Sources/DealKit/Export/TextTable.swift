import Foundation

/// A table of text cells, rendered aligned by display width, or as Markdown.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var header: String
        public var alignRight: Bool
        /// Longer cells are cut with "…" at this many columns.
        public var maxWidth: Int

        public init(_ header: String, alignRight: Bool = false, maxWidth: Int = 40) {
            self.header = header
            self.alignRight = alignRight
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// A last row set apart by a rule (the total).
    public var footer: [String]?

    public init(columns: [Column], rows: [[String]] = [], footer: [String]? = nil) {
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }

    /// Aligned plain text; feed text is made safe for a terminal.
    public func renderText() -> String {
        let all = rows + (footer.map { [$0] } ?? [])
        var widths = columns.map { DisplayWidth.of($0.header) }
        let safeRows = all.map { $0.map(SafeText.sanitize) }
        for row in safeRows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], min(DisplayWidth.of(cell), columns[i].maxWidth))
            }
        }
        for i in widths.indices {
            widths[i] = min(widths[i], max(columns[i].maxWidth, DisplayWidth.of(columns[i].header)))
        }
        var out = ""
        func line(_ cells: [String]) {
            var parts: [String] = []
            for (i, c) in columns.enumerated() {
                parts.append(DisplayWidth.fit(i < cells.count ? cells[i] : "", to: widths[i], alignRight: c.alignRight))
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            out += text + "\n"
        }
        func rule() { out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
        line(columns.map(\.header))
        rule()
        for row in safeRows.prefix(rows.count) { line(row) }
        if footer != nil, let last = safeRows.last {
            rule()
            line(last)
        }
        return out
    }

    /// A GitHub-flavoured Markdown table; every cell is text, never markup (`Markup.markdown`).
    public func renderMarkdown() -> String {
        var out = "| " + columns.map { Markup.markdown($0.header) }.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.alignRight ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows + (footer.map { [$0] } ?? []) {
            out +=
                "| " + columns.indices.map { Markup.markdown($0 < row.count ? row[$0] : "") }.joined(separator: " | ")
                + " |\n"
        }
        return out
    }

    /// A whole HTML page holding the table: feed text escaped, no script, no fetch.
    public func renderHTML(title: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        out += "<title>\(Markup.escape(title))</title>\n<style>body{font:15px/1.45 system-ui,sans-serif;margin:1rem}"
        out +=
            "table{border-collapse:collapse}th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
        out +=
            "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tfoot td{font-weight:700;border-top:2px solid #222}</style>\n"
        out += "</head>\n<body>\n<table>\n<thead><tr>"
        for c in columns { out += "<th\(c.alignRight ? " class=\"n\"" : "")>\(Markup.escape(c.header))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        func line(_ cells: [String]) {
            out += "<tr>"
            for (i, c) in columns.enumerated() {
                out += "<td\(c.alignRight ? " class=\"n\"" : "")>\(Markup.escape(i < cells.count ? cells[i] : ""))</td>"
            }
            out += "</tr>\n"
        }
        for row in rows { line(row) }
        out += "</tbody>\n"
        if let footer {
            out += "<tfoot>\n"
            line(footer)
            out += "</tfoot>\n"
        }
        return out + "</table>\n</body>\n</html>\n"
    }
}
