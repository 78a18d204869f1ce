import DealKit

/// The form's keys as a pure function: a form and a key in, the new form and what to do out.
public enum FormReducer {
    /// Handles one key. `idTaken` says whether another deal already has an id.
    public static func reduce(_ f: inout FormState, _ e: InputEvent, idTaken: (String) -> Bool = { _ in false })
        -> FormOutcome
    {
        if let q = f.question { return answer(&f, q, e) }
        var note: String?
        var keepChoice = false
        switch e {
        case .tab, .down: f.focus = min(f.focus + 1, f.fields.count - 1)
        case .backTab, .up: f.focus = max(f.focus - 1, 0)
        case .pageDown: f.focus = min(f.focus + 10, f.fields.count - 1)
        case .pageUp: f.focus = max(f.focus - 10, 0)
        case .enter:
            let typed = f.current.text.trimmingCharacters(in: .whitespaces)
            if f.current.kind == .country, !typed.isEmpty, Countries.byCode(typed) == nil {
                // Enter takes the code of what was typed, or the first match when it names no country yet.
                if let c = Countries.lookup(typed) {
                    f.fields[f.focus].line.set(c.code)
                    f.focus = min(f.focus + 1, f.fields.count - 1)
                } else if let first = DealForm.countrySuggestions(typed).first {
                    f.fields[f.focus].line.set(first.code)
                }
            } else {
                f.focus = min(f.focus + 1, f.fields.count - 1)
            }
        case .left: f.fields[f.focus].line.moveLeft()
        case .right: f.fields[f.focus].line.moveRight()
        case .home, .control("a"): f.fields[f.focus].line.moveHome()
        case .end, .control("e"): f.fields[f.focus].line.moveEnd()
        case .backspace: f.fields[f.focus].line.deleteBackward()
        case .delete: f.fields[f.focus].line.deleteForward()
        case .control("u"): f.fields[f.focus].line.killToStart()
        case .control("k"): f.fields[f.focus].line.killToEnd()
        case .control("w"): f.fields[f.focus].line.deleteWordBackward()
        case .char(let c):
            // A row with fixed values holding one of them: typing starts over rather than appending to it.
            if let values = f.current.kind.choices, values.contains(f.current.text) { f.fields[f.focus].line.set("") }
            f.fields[f.focus].line.insert(c)
        case .control("n"), .control("p"):
            let kind = f.current.kind
            if kind.offersValues {
                step(&f, by: e == .control("n") ? 1 : -1)
                keepChoice = true
            } else if kind.isList {
                f.addItem(kind)
                note = "new \(kind.label) row"
            } else {
                note = "Ctrl-N adds a row to a list (partner, model, milestone, source, tag)"
            }
        case .control("s"):
            markTakenID(&f, idTaken)
            guard f.problemCount == 0, let change = f.change else {
                f.focusFirstProblem()
                let c = f.problemCount
                let first = f.current.message.map { " · \(f.current.kind.label): \($0)" } ?? ""
                return .stay(note: "cannot save: \(CountText.of(c, "problem"))\(first)", isError: true)
            }
            if case .replace(let old, let new) = change, old == new { return .close(note: "no changes to \(old.id)") }
            return .save(change)
        case .escape:
            if f.isDirty {
                f.question = .discard(thenQuit: false)
                return .stay(note: nil, isError: false)
            }
            return .close(note: f.isAdding ? "add cancelled" : "edit cancelled")
        case .control("c"):
            if f.isDirty {
                f.question = .discard(thenQuit: true)
                return .stay(note: nil, isError: false)
            }
            return .quit
        default: break
        }
        if !keepChoice {
            f.choiceQuery = nil
            f.choiceStep = -1
        }
        f.recheck()
        markTakenID(&f, idTaken)
        return .stay(note: note, isError: false)
    }

    /// Ctrl-N / Ctrl-P on a row with allowed values: the next or previous value matching what was typed.
    static func step(_ f: inout FormState, by delta: Int) {
        let kind = f.current.kind
        if f.choiceQuery == nil { f.choiceQuery = f.current.text }
        let values = suggestions(kind, f.choiceQuery ?? "")
        guard !values.isEmpty else { return }
        if f.choiceStep < 0, let at = values.firstIndex(of: f.current.text) { f.choiceStep = at }
        f.choiceStep =
            f.choiceStep < 0
            ? (delta > 0 ? 0 : values.count - 1)
            : (f.choiceStep + delta + values.count) % values.count
        f.fields[f.focus].line.set(values[f.choiceStep])
    }

    /// The values offered for a row, narrowed by what was typed (all of them when nothing matches).
    public static func suggestions(_ kind: FieldKind, _ typed: String) -> [String] {
        if kind == .country { return DealForm.countrySuggestions(typed, limit: 300).map(\.code) }
        guard let all = kind.choices else { return [] }
        let t = typed.trimmingCharacters(in: .whitespaces).lowercased()
        let narrowed = all.filter { $0.hasPrefix(t) }
        return t.isEmpty || narrowed.isEmpty || all.contains(t) ? all : narrowed
    }

    /// Flags an id that another deal already uses (adding, or renaming while editing).
    static func markTakenID(_ f: inout FormState, _ idTaken: (String) -> Bool) {
        guard let i = f.fields.firstIndex(where: { $0.kind == .id }), f.fields[i].message == nil else { return }
        let id = f.fields[i].text.trimmingCharacters(in: .whitespaces)
        if id != f.original?.id && idTaken(id) { f.fields[i].message = "another deal already has this id" }
    }

    private static func answer(_ f: inout FormState, _ q: FormState.Question, _ e: InputEvent) -> FormOutcome {
        switch q {
        case .discard(let thenQuit):
            if e == .char("y") || e == .char("Y") {
                return thenQuit ? .quit : .close(note: "changes discarded")
            }
            f.question = nil
            return .stay(note: "still editing", isError: false)
        case .changedOnDisk(let current):
            let id = f.original?.id ?? current?.id ?? "the deal"
            switch e {
            case .char("o"), .char("O"):
                f.question = nil
                f.adopt(current)
                return .stay(
                    note: current == nil
                        ? "Ctrl-S will add \(id) again" : "Ctrl-S will overwrite the version on disk with yours",
                    isError: false)
            case .char("t"), .char("T"):
                f.question = nil
                guard let current else { return .close(note: "\(id) was deleted on disk; form closed") }
                f.reset(to: current)
                return .stay(note: "took the version on disk; your changes are gone", isError: false)
            case .escape, .char("c"), .char("C"):
                return .close(note: "edit cancelled; showing the version on disk")
            default:
                return .stay(note: nil, isError: false)
            }
        }
    }
}
