/// Writes the changes `diff` (and `import --dry-run`) reports, as a table, Markdown, CSV or JSON.
public enum ChangeExport {
    /// The changes in `format`; `html` is written as Markdown.
    public static func render(_ changes: [DealChange], as format: OutputFormat) -> [UInt8] {
        switch format {
        case .json: return json(changes)
        case .csv:
            var out = CSVWriter.line(["id", "field", "kind", "item", "amount", "old", "new"])
            for c in changes {
                out += CSVWriter.line([
                    c.id, c.field, c.kind.rawValue, c.item ?? "", c.amount ?? "",
                    c.old.map(DealChange.brief) ?? "", c.new.map(DealChange.brief) ?? "",
                ])
            }
            return Array(out.utf8)
        case .table, .md, .html:
            let table = TextTable(
                columns: [TextTable.Column("id", maxWidth: 40), TextTable.Column("change", maxWidth: 100)],
                rows: rows(changes))
            return Array((format == .table ? table.renderText() : table.renderMarkdown()).utf8)
        }
    }

    /// One row a change, the deal's id only on its first.
    private static func rows(_ changes: [DealChange]) -> [[String]] {
        var last: String?
        return changes.map { c in
            defer { last = c.id }
            return [c.id == last ? "" : c.id, (c.isSetback ? "! " : "") + c.sentence]
        }
    }

    /// A JSON array, one change an object and a line: `id`, `field`, `kind`, `old`, `new`,
    /// then `item`, `amount` and `months` when they apply.
    public static func json(_ changes: [DealChange]) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + changes.count * 160)
        w.raw("[")
        for (i, c) in changes.enumerated() {
            w.raw(i == 0 ? "\n  " : ",\n  ")
            var f = [
                JSONField("id", .string(c.id)), JSONField("field", .string(c.field)),
                JSONField("kind", .string(c.kind.rawValue)),
                JSONField("old", c.old ?? .null), JSONField("new", c.new ?? .null),
            ]
            if let item = c.item { f.append(JSONField("item", .string(item))) }
            if let a = c.amount { f.append(JSONField("amount", .string(a))) }
            if let m = c.months { f.append(JSONField("months", .number(String(m)))) }
            w.value(.object(f))
        }
        w.raw(changes.isEmpty ? "]\n" : "\n]\n")
        return w.finish()
    }
}
