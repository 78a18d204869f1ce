import DealKit

/// Draws the whole screen for a state: the pure function from state to cells.
public enum Screen {
    public static func render(_ state: AppState) -> CellGrid {
        var g = CellGrid(rows: state.rows, cols: state.cols)
        let frame = state.frame
        if frame.layout.tooSmall {
            let note =
                "enlarge the terminal (\(Layout.minCols)x\(Layout.minRows) or more; now \(state.cols)x\(state.rows))"
            // Wrapped, so the whole note reads on a narrow terminal; the last line that fits ends in "…" if cut.
            let lines = TextWrap.wrap(note, width: max(state.cols, 1))
            for (y, line) in lines.prefix(state.rows).enumerated() {
                let cut = y == state.rows - 1 && lines.count > state.rows
                g.putFitted(cut ? line + " …" : line, y: y, x: 0, width: state.cols, style: Style(.message, bold: true))
            }
            return g
        }
        HeaderBar.draw(into: &g, state: state)
        if state.detail != nil {
            DetailView.draw(into: &g, state: state, frame: frame)
        } else {
            switch state.view {
            case .countries: CountriesView.draw(into: &g, state: state, frame: frame)
            case .deals: DealsView.draw(into: &g, state: state, frame: frame)
            case .vendors: VendorsView.draw(into: &g, state: state)
            case .timeline: TimelineView.draw(into: &g, state: state)
            }
        }
        switch state.overlay {
        case .help(let scroll): HelpOverlay.draw(into: &g, state: state, scroll: scroll)
        case .picker(let p): PickerOverlay.draw(into: &g, state: state, picker: p)
        case .changes(let c): ChangesView.draw(into: &g, state: state, changes: c)
        case .columns(let c): ColumnsOverlay.draw(into: &g, state: state, cursor: c)
        case .export, nil: break
        }
        FooterBar.draw(into: &g, state: state, frame: frame)
        EditScreen.draw(into: &g, state: state)
        return g
    }
}
