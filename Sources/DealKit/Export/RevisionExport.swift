/// Writes the revisions `log` lists, as a table, Markdown, CSV or JSON.
public enum RevisionExport {
    public static func render(_ revisions: [Revision], as format: OutputFormat) -> [UInt8] {
        switch format {
        case .json:
            var w = JSONWriter(capacity: 256 + revisions.count * 300)
            w.raw("[")
            for (i, r) in revisions.enumerated() {
                w.raw(i == 0 ? "\n  " : ",\n  ")
                w.value(r.json)
            }
            w.raw(revisions.isEmpty ? "]\n" : "\n]\n")
            return w.finish()
        case .csv:
            var out = CSVWriter.line(["at", "author", "id", "action", "changes", "note"])
            for r in revisions { out += CSVWriter.line([r.at, r.author, r.id, r.action, summary(r), r.note ?? ""]) }
            return Array(out.utf8)
        case .table, .md, .html:
            let table = TextTable(
                columns: [
                    TextTable.Column("at"), TextTable.Column("author", maxWidth: 20),
                    TextTable.Column("id", maxWidth: 40), TextTable.Column("action"),
                    TextTable.Column("changes", maxWidth: 70), TextTable.Column("note", maxWidth: 40),
                ],
                rows: revisions.map { [$0.at, $0.author, $0.id, $0.action, summary($0), $0.note ?? ""] })
            return Array((format == .table ? table.renderText() : table.renderMarkdown()).utf8)
        }
    }

    /// What a revision changed, in the domain's words: `capacity.targetMW revised down by 500 MW; ...`.
    public static func summary(_ r: Revision) -> String {
        if r.created { return "deal added" }
        if r.deleted { return "deal removed" }
        return DealDiff.changes(id: r.id, fields: r.changes).map(\.sentence).joined(separator: "; ")
    }
}
