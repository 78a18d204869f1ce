import DealKit

/// Turns a deal into form rows and form rows back into a deal, checking each row with
/// `DealPatch` and `DealValidator`, the rules the CLI and the store use.
public enum DealForm {
    /// The rows for a deal (an empty deal when adding), in the feed's order of keys.
    ///
    /// Each list shows its items, or one empty row to type the first item into.
    public static func fields(for deal: Deal?) -> [FormField] {
        var out: [FormField] = []
        func add(_ k: FieldKind, _ text: String?) { out.append(FormField(k, text ?? "")) }
        func list(_ k: FieldKind, _ items: [String]) {
            if items.isEmpty { add(k, "") } else { for i in items { add(k, i) } }
        }
        let d = deal
        add(.id, d?.id)
        add(.title, d?.title)
        add(.country, d?.country)
        add(.announced, d.map { $0.announcedText })
        add(.status, d?.status.rawValue ?? DealStatus.announced.rawValue)
        add(.sponsor, d?.sponsor)
        list(.partner, d?.partners.map { "\($0.name):\($0.role.rawValue)" } ?? [])
        add(.platform, d?.platform)
        add(.site, d?.site)
        add(.initialMW, d?.capacity?.initialMW.map(JSONWriter.format))
        add(.targetMW, d?.capacity?.targetMW.map(JSONWriter.format))
        add(.operationalMW, d?.capacity?.operationalMW.map(JSONWriter.format))
        add(.confidence, d?.capacity?.confidence?.rawValue)
        add(.acceleratorCount, d?.accelerators?.count.map(String.init))
        add(.acceleratorType, d?.accelerators?.type)
        add(.investmentAmount, d?.investment.map { JSONWriter.format($0.amount) })
        add(.currency, d?.investment?.currency)
        list(.model, d?.models ?? [])
        list(.milestone, d?.milestones.map { ($0.done ? "!" : "") + "\($0.date):\($0.event)" } ?? [])
        list(.source, d?.sources.compactMap(\.url) ?? [])
        list(.tag, d?.tags ?? [])
        add(.notes, d?.notes)
        return out
    }

    /// The problem with one row's text, or nil.
    public static func problem(_ kind: FieldKind, _ raw: String, amountGiven: Bool = true, currencyGiven: Bool = true)
        -> String?
    {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if t.isEmpty {
            if kind.isRequired { return "required" }
            if kind == .currency && amountGiven { return "required with an amount" }
            return nil
        }
        var p = DealPatch()
        switch kind {
        case .id: return DealValidator.idProblem(t)
        case .title: p.title = t
        case .country: p.country = t
        case .announced: p.announced = t
        case .status: p.status = t
        case .partner: p.partners = [t]
        case .initialMW: p.initialMW = t
        case .targetMW: p.targetMW = t
        case .operationalMW: p.operationalMW = t
        case .confidence: p.confidence = t
        case .milestone: p.milestones = [t]
        case .acceleratorCount:
            switch NumberGrammar.parseWhole(t) {
            case .success(let n): return DealValidator.countProblem(n)
            case .failure(let refusal): return refusal.description
            }
        case .investmentAmount:
            let n: Double
            switch NumberGrammar.parse(t) {
            case .success(let v): n = v
            case .failure(let refusal): return refusal.description
            }
            if !currencyGiven { return DealValidator.amountProblem(n) ?? "needs a currency" }
            return DealValidator.amountProblem(n)
        case .currency:
            if !amountGiven { return "needs an amount" }
            return DealValidator.currencyProblem(t)
        case .sponsor, .platform, .site, .acceleratorType, .model, .source, .tag, .notes:
            return nil
        }
        var scratch = Deal(id: "x", title: "x", country: "KR", announced: PartialDate(year: 2026, month: 1, day: 1))
        do throws(DealPatch.Failure) {
            try p.apply(to: &scratch)
            return nil
        } catch {
            return error.problems.first?.message
        }
    }

    /// Sets every row's message; returns how many rows have a problem.
    @discardableResult
    public static func check(_ fields: inout [FormField]) -> Int {
        let amountGiven = fields.contains {
            $0.kind == .investmentAmount && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty
        }
        let currencyGiven = fields.contains {
            $0.kind == .currency && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty
        }
        var count = 0
        for i in fields.indices {
            fields[i].message = problem(
                fields[i].kind, fields[i].text, amountGiven: amountGiven, currencyGiven: currencyGiven)
            if fields[i].message != nil { count += 1 }
        }
        return count
    }

    /// The deal the rows describe, built on `original` so keys the form does not show are kept;
    /// nil when any row has a problem.
    public static func deal(from fields: [FormField], original: Deal?) -> Deal? {
        var rows = fields
        guard check(&rows) == 0 else { return nil }
        func one(_ k: FieldKind) -> String {
            (rows.first { $0.kind == k }?.text ?? "").trimmingCharacters(in: .whitespaces)
        }
        func items(_ k: FieldKind) -> [String] {
            rows.filter { $0.kind == k }.map { $0.text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var d = original ?? Deal(id: "", title: "", country: "", announced: PartialDate(year: 2026, month: 1, day: 1))
        var p = DealPatch()
        p.title = one(.title)
        p.country = one(.country)
        p.announced = one(.announced)
        p.status = one(.status)
        p.sponsor = one(.sponsor)
        p.platform = one(.platform)
        p.site = one(.site)
        p.notes = one(.notes)
        p.initialMW = one(.initialMW)
        p.targetMW = one(.targetMW)
        p.operationalMW = one(.operationalMW)
        p.confidence = one(.confidence)
        p.partners = items(.partner)
        p.models = items(.model)
        p.milestones = items(.milestone)
        p.sources = items(.source)
        p.tags = items(.tag)
        do throws(DealPatch.Failure) { try p.apply(to: &d) } catch { return nil }
        d.id = one(.id)
        // The form says exactly which milestones are done (the CLI's patch only ever adds "done").
        let doneFlags = items(.milestone).map { $0.hasPrefix("!") }
        if doneFlags.count == d.milestones.count {
            for i in d.milestones.indices { d.milestones[i].done = doneFlags[i] }
        }
        // Keep the unknown keys of partners that are still there.
        for i in d.partners.indices {
            if let old = original?.partners.first(where: {
                $0.name == d.partners[i].name && $0.role == d.partners[i].role
            }) {
                d.partners[i].extra = old.extra
            }
        }
        let count = one(.acceleratorCount)
        let type = one(.acceleratorType)
        if count.isEmpty && type.isEmpty {
            if let extra = original?.accelerators?.extra, !extra.isEmpty {
                d.accelerators = Accelerators(count: nil, type: nil, extra: extra)
            } else {
                d.accelerators = nil
            }
        } else {
            d.accelerators = Accelerators(
                count: try? NumberGrammar.parseWhole(count).get(),
                type: type.isEmpty ? nil : type, extra: original?.accelerators?.extra ?? [])
        }
        let amount = one(.investmentAmount)
        if let n = NumberGrammar.value(amount) {
            d.investment = Investment(amount: n, currency: one(.currency), extra: original?.investment?.extra ?? [])
        } else {
            d.investment = nil
        }
        guard DealValidator.issues(for: d, at: "deal", errorsOnly: true).isEmpty else { return nil }
        return d
    }

    /// Country suggestions for what is typed: an exact code first, then codes and names that start with it, then names containing it.
    public static func countrySuggestions(_ typed: String, limit: Int = 12) -> [Country] {
        let t = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard !t.isEmpty else { return Array(Countries.all.prefix(limit)) }
        var out: [Country] = []
        func add(_ c: Country) { if !out.contains(c) { out.append(c) } }
        if let c = Countries.byCode(t.uppercased()) { add(c) }
        if let c = Countries.lookup(typed) { add(c) }
        for c in Countries.all where c.code.lowercased().hasPrefix(t) || c.name.lowercased().hasPrefix(t) { add(c) }
        for c in Countries.all where c.name.lowercased().contains(t) { add(c) }
        return Array(out.prefix(limit))
    }
}
