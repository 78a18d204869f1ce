import DealKit

/// Draws editing on top of the dashboard: the form over the body, its questions, the delete question, and the form's footer.
enum EditScreen {
    static func draw(into g: inout CellGrid, state: AppState) {
        guard state.editing.isActive, !Layout(state).tooSmall else { return }
        if let f = state.editing.form { FormView.draw(into: &g, state: state, form: f) }
        EditOverlay.draw(into: &g, state: state)
        drawFooter(into: &g, state: state)
    }

    /// The keys that work now, after the message if there is one.
    static func keys(_ s: AppState) -> [(String, String)] {
        if s.editing.confirmDelete != nil { return [("y", "delete"), ("any key", "keep")] }
        guard let f = s.editing.form else { return [] }
        switch f.question {
        case .discard?: return [("y", "discard"), ("any key", "back to the form")]
        case .changedOnDisk?: return [("o", "keep mine"), ("t", "take theirs"), ("Esc", "cancel")]
        case nil: break
        }
        var k: [(String, String)] = [("Tab ⇧Tab", "field"), ("^S", "save"), ("Esc", "cancel")]
        if f.current.kind.offersValues { k.append(("^N ^P", "values")) }
        if f.current.kind == .country { k.append(("⏎", "first match")) }
        if f.current.kind.isList { k.append(("^N", "new \(f.current.kind.label)")) }
        k += [("←→ Home End", "move"), ("^U ^K", "clear")]
        return k
    }

    private static func drawFooter(into g: inout CellGrid, state: AppState) {
        g.fill(y: state.rows - 1, x: 0, width: state.cols, style: Style(.footerBar))
        FooterBar.drawMessageAndKeys(keys(state), into: &g, state: state)
    }
}
