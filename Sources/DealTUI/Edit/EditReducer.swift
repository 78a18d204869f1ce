import DealKit

/// The editing keys (`a e d u m o`, the form, the delete question) and the store's answers, as pure functions over `AppState`.
public enum EditReducer {
    /// Handles a key when editing owns it; nil lets the dashboard's other keys have it.
    public static func key(_ s: inout AppState, _ e: InputEvent) -> [Effect]? {
        if var f = s.editing.form {
            let outcome = FormReducer.reduce(&f, e) { s.catalog.index(ofID: $0) != nil }
            s.editing.form = f
            switch outcome {
            case .stay(let note, let isError):
                if let note {
                    s.message = note
                    s.isError = isError
                }
                settleForm(&s)
                return []
            case .close(let note):
                s.editing.form = nil
                s.message = note
                return []
            case .save(let change):
                return [.apply(change, undo: false)]
            case .quit:
                return [.quit]
            }
        }
        if let d = s.editing.confirmDelete {
            s.editing.confirmDelete = nil
            if e == .char("y") || e == .char("Y") { return [.apply(.remove(d), undo: false)] }
            s.message = "kept \(d.id)"
            return []
        }
        guard s.prompt == nil, s.overlay == nil, let action = KeyMap.action(for: e) else { return nil }
        switch action {
        case .add:
            openForm(&s, deal: nil)
            return []
        case .undo: return undo(&s)
        case .redo: return redo(&s)
        case .takeOurs: return settle(&s, .ours)
        case .takeTheirs: return settle(&s, .theirs)
        case .edit, .delete, .addMilestone, .addSource: break
        default: return nil
        }
        guard let i = s.selectedDeal else {
            s.message = "no deal selected · pick one in the Deals, Countries or Timeline view"
            return []
        }
        let deal = s.catalog.deals[Int(i)]
        switch action {
        case .edit: openForm(&s, deal: deal)
        case .delete: s.editing.confirmDelete = deal
        case .addMilestone: openForm(&s, deal: deal, newItem: .milestone)
        case .addSource: openForm(&s, deal: deal, newItem: .source)
        default: break
        }
        return []
    }

    /// Opens the form on a deal (or an empty one), with a new empty item row focused if asked.
    static func openForm(_ s: inout AppState, deal: Deal?, newItem: FieldKind? = nil) {
        var f = FormState(deal: deal)
        if let k = newItem { f.addItem(k) } else if deal != nil { f.focus = 1 }
        s.editing.form = f
        settleForm(&s)
    }

    /// Settles the first merge conflict of the deal open in the detail with `side`'s value.
    private static func settle(_ s: inout AppState, _ side: ConflictSide) -> [Effect] {
        guard let detail = s.detail else {
            s.message = "open a deal with merge conflicts (Enter) to take ours (<) or theirs (>)"
            return []
        }
        let deal = s.catalog.deals[Int(detail.deal)]
        guard let conflict = s.catalog.conflicts(of: deal.id).first else {
            s.message = "no merge conflict in \(deal.id)"
            return []
        }
        do {
            let new = try conflict.deal(taking: side, in: s.catalog.feed)
            return [.apply(.settle(conflict, side: side, old: deal, new: new, reopen: false), undo: false)]
        } catch {
            s.message = "cannot take \(side.rawValue) for \(conflict.field): \(error)"
            s.isError = true
            return []
        }
    }

    private static func undo(_ s: inout AppState) -> [Effect] {
        guard let last = s.editing.undo.popLast() else {
            s.message = "nothing to undo"
            return []
        }
        return [.apply(last.inverse, undo: true)]
    }

    private static func redo(_ s: inout AppState) -> [Effect] {
        guard let last = s.editing.redo.popLast() else {
            s.message = "nothing to redo"
            return []
        }
        s.editing.redoing = true
        return [.apply(last, undo: false)]
    }

    /// Keeps the focused form row on screen.
    static func settleForm(_ s: inout AppState) {
        guard var f = s.editing.form else { return }
        f.settle(height: FormView.fieldRows(rows: s.rows))
        s.editing.form = f
    }

    // MARK: - The store's answers

    /// Applies what the store said: a saved change, a refusal, a failure, or a reload after another writer.
    public static func store(_ s: inout AppState, _ event: StoreEvent) {
        switch event {
        case .applied(let change, let undo, let feed):
            if undo {
                s.editing.redo.append(change.inverse)
            } else {
                s.editing.undo.append(change)
                // A change of the user's own ends what could be redone; a redo keeps the rest.
                if !s.editing.redoing { s.editing.redo = [] }
            }
            let redone = s.editing.redoing
            s.editing.redoing = false
            s.editing.form = nil
            if case .replace(let old, let new) = change, s.detail?.id == old.id { s.detail?.id = new.id }
            show(&s, feed: feed, selecting: selected(after: change))
            s.message =
                undo
                ? "undone: \(change.inverse.summary) · Ctrl-R redoes it"
                : (redone ? "redone: " : "saved · ") + change.summary + hiddenNote(s, change)
            s.isError = false
        case .refused(let change, let undo, let conflict):
            s.isError = true
            s.editing.redoing = false
            if undo {
                s.message = "cannot undo \(change.inverse.summary): \(conflict)"
            } else if case .idTaken = conflict, var f = s.editing.form {
                if let i = f.fields.firstIndex(where: { $0.kind == .id }) {
                    f.fields[i].message = "another deal already has this id"
                    f.focus = i
                }
                s.editing.form = f
                s.message = "not saved: \(conflict)"
            } else if case .changedOnDisk(_, let current) = conflict, var f = s.editing.form {
                f.question = .changedOnDisk(current: current)
                s.editing.form = f
                s.message = "not saved: \(conflict)"
            } else {
                s.message = "not saved: \(conflict)"
            }
            settleForm(&s)
        case .failed(let change, let undo, let message):
            if undo { s.editing.undo.append(change.inverse) }
            // A redo that could not be written can be tried again.
            if s.editing.redoing { s.editing.redo.append(change) }
            s.editing.redoing = false
            s.message = "not saved: \(message)"
            s.isError = true
        case .reloaded(let feed, let changed):
            show(&s, feed: feed, selecting: nil)
            s.message = "reloaded: \(CountText.of(changed, "deal")) changed on disk"
            s.isError = false
            askIfEditedDealChanged(&s, feed)
        case .reloadFailed(let why):
            s.message = "the store changed on disk but cannot be read now (\(why)); showing the last good version"
            s.isError = true
        case .lost(let why):
            // The form and the deals shown stay as they are; a save now says why it failed, and the form stays open.
            let kept = s.editing.form == nil ? "showing the deals as last read" : "your unsaved form is kept"
            s.message = "lost the store: \(why) · reconnecting; \(kept)"
            s.isError = true
        case .reconnected(let feed, let changed):
            s.message = "reconnected to the store"
            s.isError = false
            if let feed {
                show(&s, feed: feed, selecting: nil)
                s.message = "reconnected to the store · \(CountText.of(changed, "deal")) changed meanwhile"
                askIfEditedDealChanged(&s, feed)
            }
        }
    }

    /// Asks, in the open form, what to do when the deal it edits is no longer as it was opened.
    private static func askIfEditedDealChanged(_ s: inout AppState, _ feed: Feed) {
        guard var f = s.editing.form, f.question == nil, let o = f.original else { return }
        let now = feed.index(of: o.id).map { feed.deals[$0] }
        guard now != o else { return }
        f.question = .changedOnDisk(current: now)
        s.editing.form = f
        s.message = "\(o.id) changed on disk while you were editing"
        s.isError = true
    }

    /// The deal to put the cursor on after a change: the one added or edited.
    private static func selected(after change: StoreSession.Change) -> Deal? {
        switch change {
        case .add(let d), .replace(_, let d): return d
        case .settle(_, _, _, let d, _): return d
        case .remove: return nil
        }
    }

    private static func hiddenNote(_ s: AppState, _ change: StoreSession.Change) -> String {
        guard let d = selected(after: change), let i = s.catalog.index(ofID: d.id) else { return "" }
        return s.results.rows.contains(i) ? "" : " (hidden by the filter · F clears it)"
    }

    /// Swaps in the new feed, keeping the selection by id, or moving it to `deal`.
    private static func show(_ s: inout AppState, feed: Feed, selecting deal: Deal?) {
        s.replaceFeed(feed)
        guard let deal else { return }
        var p = s.pendingTargets
        p.deal = deal.id
        p.countryDeal = deal.id
        p.timeline = deal.id
        p.country = deal.country
        s.pendingTargets = p
        s.restorePending(for: s.view)
        AppReducer.settle(&s)
    }
}
