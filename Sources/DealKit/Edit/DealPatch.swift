import Foundation

/// Changes to a deal as a user types them (on the command line or in a form), checked field by field.
///
/// Every value is text so that one parser serves `add`, `edit` and the dashboard: an
/// empty text clears an optional field, and a list given replaces the whole list.
public struct DealPatch: Sendable, Equatable {
    public var title: String?
    public var country: String?
    public var announced: String?
    public var status: String?
    public var sponsor: String?
    /// `NAME:ROLE` items (a bare name is `other`).
    public var partners: [String]?
    public var platform: String?
    public var site: String?
    public var initialMW: String?
    public var targetMW: String?
    public var operationalMW: String?
    public var confidence: String?
    public var models: [String]?
    /// A `DealKind` name; empty clears it (unspecified).
    public var kind: String?
    public var products: [String]?
    /// `DATE:EVENT` items; a `!` before the date marks it done (`!2026-06:Launch`).
    public var milestones: [String]?
    /// URLs.
    public var sources: [String]?
    public var tags: [String]?
    public var notes: String?

    public init() {}

    /// The problems of applying this patch, each naming the field: `country: "Korea" is not ...`.
    public struct Failure: Error, Sendable, Equatable {
        public var problems: [(field: String, message: String)]
        public static func == (a: Failure, b: Failure) -> Bool {
            a.problems.map { "\($0.field): \($0.message)" } == b.problems.map { "\($0.field): \($0.message)" }
        }
    }

    /// Applies every given field to `deal`, or throws every problem found (the deal is then unchanged).
    public func apply(to deal: inout Deal) throws(Failure) {
        var d = deal
        var problems: [(String, String)] = []
        func text(_ v: String?) -> String? {
            guard let v else { return nil }
            let t = v.trimmingCharacters(in: .whitespacesAndNewlines)
            return t
        }
        func optional(_ v: String?) -> String?? {
            guard let t = text(v) else { return .none }
            return .some(t.isEmpty ? nil : t)
        }
        if let t = text(title) {
            if let p = DealValidator.textProblem(t) { problems.append(("title", p)) } else { d.title = t }
        }
        if let t = text(country) {
            if let c = Countries.lookup(t) {
                d.country = c.code
            } else {
                problems.append(
                    (
                        "country",
                        "\(FeedIssue.quote(t)) is not a country name or ISO 3166-1 alpha-2 code"
                            + Suggest.phrase(Countries.suggestions(for: t))
                    ))
            }
        }
        if let t = text(announced) {
            // `≤2026-06-07` (or `<=2026-06-07`): no source states the date; public by then.
            let bound = t.hasPrefix("≤") ? String(t.dropFirst()) : t.hasPrefix("<=") ? String(t.dropFirst(2)) : nil
            let dateText = (bound ?? t).trimmingCharacters(in: .whitespaces)
            if let date = PartialDate(dateText) {
                d.announced = date
                d.announcedStated = bound == nil
            } else {
                problems.append(("announced", DealValidator.partialDateProblem(dateText)!))
            }
        }
        if let t = text(status) {
            if t.isEmpty {
                d.status = .announced
            } else if let s = DealStatus(rawValue: t.lowercased()) {
                d.status = s
            } else {
                problems.append(("status", DealValidator.enumProblem(t, allowed: DealStatus.allowedList)))
            }
        }
        if case .some(let v) = optional(sponsor) { d.sponsor = v }
        if case .some(let v) = optional(platform) { d.platform = v }
        if case .some(let v) = optional(site) { d.site = v }
        if case .some(let v) = optional(notes) { d.notes = v }
        if let items = partners {
            var out: [Partner] = []
            for item in items.map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                var name = item
                var role = PartnerRole.other
                if let colon = item.lastIndex(of: ":") {
                    let r = item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
                    guard let parsed = PartnerRole(rawValue: r) else {
                        problems.append(
                            (
                                "partner",
                                "\(FeedIssue.quote(item)): role \(FeedIssue.quote(r)) is not one of: \(PartnerRole.allowedList)"
                            ))
                        continue
                    }
                    role = parsed
                    name = item[..<colon].trimmingCharacters(in: .whitespaces)
                }
                if name.isEmpty {
                    problems.append(("partner", "\(FeedIssue.quote(item)) has no name"))
                    continue
                }
                guard !out.contains(where: { $0.name == name && $0.role == role }) else { continue }
                // What the text form cannot show (who supplies what to whom, unknown keys) stays.
                out.append(d.partners.first { $0.name == name && $0.role == role } ?? Partner(name: name, role: role))
            }
            d.partners = out
        }
        var capacity = d.capacity ?? Capacity()
        for (field, value, key, figure) in [
            ("initial-mw", initialMW, \Capacity.initialMW, CapacityFigures.initial),
            ("target-mw", targetMW, \Capacity.targetMW, .target),
            ("operational-mw", operationalMW, \Capacity.operationalMW, .operational),
        ] {
            guard let t = text(value) else { continue }
            // A figure typed anew, or cleared, is no longer the approximate one it replaces;
            // the same figure typed again (an untouched form) keeps its mark.
            let old = capacity[keyPath: key]
            if t.isEmpty || t.lowercased() == "unknown" || t.lowercased() == "null" {
                capacity[keyPath: key] = nil
                capacity.approx.remove(figure)
                continue
            }
            let n: Double
            switch NumberGrammar.parse(t) {
            case .success(let v): n = v
            case .failure(let refusal):
                problems.append((field, "\(refusal) or \"unknown\""))
                continue
            }
            if let p = DealValidator.megawattProblem(n) {
                problems.append((field, p))
            } else {
                capacity[keyPath: key] = n
                if old != n { capacity.approx.remove(figure) }
            }
        }
        if let t = text(confidence) {
            if t.isEmpty {
                capacity.confidence = nil
            } else if let c = Confidence(rawValue: t.lowercased()) {
                capacity.confidence = c
            } else {
                problems.append(("confidence", DealValidator.enumProblem(t, allowed: Confidence.allowedList)))
            }
        }
        // Only a capacity the patch touched is tidied away when empty.
        if initialMW != nil || targetMW != nil || operationalMW != nil || confidence != nil {
            d.capacity = capacity.isEmpty ? nil : capacity
        }
        if let m = models { d.models = m.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        if let m = products { d.products = m.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        if let t = text(kind) {
            if t.isEmpty {
                d.kind = nil
            } else if let k = DealKind(rawValue: t.lowercased()) {
                d.kind = k
            } else {
                problems.append(("kind", DealValidator.enumProblem(t, allowed: DealKind.allowedList)))
            }
        }
        if let t = tags { d.tags = t.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        if let items = milestones {
            var out: [Milestone] = []
            for item in items {
                var s = item.trimmingCharacters(in: .whitespaces)
                let done = s.hasPrefix("!")
                if done { s.removeFirst() }
                guard let colon = s.firstIndex(of: ":") else {
                    problems.append(
                        ("milestone", "\(FeedIssue.quote(item)) is not DATE:EVENT (e.g. 2027:First AI factory online)"))
                    continue
                }
                let dateText = s[..<colon].trimmingCharacters(in: .whitespaces)
                let event = s[s.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                guard let date = PartialDate(dateText) else {
                    problems.append(("milestone", DealValidator.partialDateProblem(dateText) ?? "not a date"))
                    continue
                }
                if event.isEmpty {
                    problems.append(("milestone", "\(FeedIssue.quote(item)) has no event"))
                    continue
                }
                let old = d.milestones.first { $0.date == date && $0.event == event }
                out.append(
                    Milestone(
                        date: date, event: event, done: done || (old?.done ?? false), cite: old?.cite ?? [],
                        extra: old?.extra ?? []))
            }
            d.milestones = out
        }
        if let urls = sources {
            var out = d.sources.filter { $0.url == nil }
            for u in urls.map({ $0.trimmingCharacters(in: .whitespaces) }) where !u.isEmpty {
                out.append(d.sources.first { $0.url == u } ?? Source(url: u))
            }
            d.sources = out
        }
        if !problems.isEmpty { throw Failure(problems: problems) }
        deal = d
    }
}
