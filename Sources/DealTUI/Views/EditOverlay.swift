import DealKit

/// The questions editing asks in a box: delete this deal?, discard your changes?, and what to do when the deal changed on disk.
enum EditOverlay {
    static func draw(into g: inout CellGrid, state: AppState) {
        if let d = state.editing.confirmDelete {
            box(
                &g, state, title: "Delete this deal?",
                lines: [
                    (d.id, Style(.key, bold: true)),
                    (d.title, Style(.normal, bold: true)),
                    (
                        "\(d.country) · \(mw(d)) · announced \(d.announcedText) · status: \(d.status.rawValue)",
                        Style(.dim)
                    ),
                    ("", .normal),
                    ("y deletes it (u undoes) · any other key keeps it", Style(.message, bold: true)),
                ])
            return
        }
        guard let f = state.editing.form, let q = f.question else { return }
        switch q {
        case .discard(let thenQuit):
            let what = f.original.map { "your changes to \($0.id)" } ?? "the new deal"
            box(
                &g, state, title: thenQuit ? "Quit without saving?" : "Discard changes?",
                lines: [
                    // "your changes … are", "the new deal is": the verb agrees with what is lost.
                    ("\(what) \(f.original == nil ? "is" : "are") not saved.", Style(.normal, bold: true)),
                    ("", .normal),
                    (
                        "y discards \(f.original == nil ? "it" : "them")\(thenQuit ? " and quits" : "") · any other key goes back to the form",
                        Style(.message, bold: true)
                    ),
                ])
        case .changedOnDisk(let current):
            let id = f.original?.id ?? current?.id ?? "this deal"
            var lines: [(String, Style)] = []
            if let c = current {
                lines.append((id, Style(.key, bold: true)))
                lines.append(("was changed by another writer while you edited it.", Style(.error, bold: true)))
                lines.append(("on disk now: \(c.title)", .normal))
                lines.append(
                    ("  \(c.country) · \(mw(c)) · \(c.status.rawValue) · \(c.milestones.count) milestones", Style(.dim))
                )
            } else {
                lines.append((id, Style(.key, bold: true)))
                lines.append(("was deleted by another writer while you edited it.", Style(.error, bold: true)))
            }
            lines += [
                ("", .normal),
                (
                    "o  keep editing; Ctrl-S then \(current == nil ? "adds it again" : "overwrites their version")",
                    Style(.normal)
                ),
                ("t  take theirs (your changes are dropped)", Style(.normal)),
                ("Esc  cancel editing", Style(.normal)),
            ]
            box(&g, state, title: "Changed on disk", lines: lines)
        }
    }

    /// A deal's capacity in a few words: `55 → 1,000 MW` or `MW unknown`.
    private static func mw(_ d: Deal) -> String {
        let r = MWText.range(d)
        return r == "-" ? "MW unknown" : "\(r) MW"
    }

    private static func box(_ g: inout CellGrid, _ s: AppState, title: String, lines: [(String, Style)]) {
        let widest = lines.map { DisplayWidth.of($0.0) }.max() ?? 20
        let r = Layout(s).overlay(width: max(widest, DisplayWidth.of(title) + 4) + 4, height: lines.count + 2)
        let inner = Box.draw(into: &g, rect: r, title: title)
        for (i, (text, style)) in lines.prefix(inner.height).enumerated() {
            g.put(DisplayWidth.truncate(text, to: inner.width), y: inner.y + i, x: inner.x, style: style)
        }
    }
}
