import Foundation

/// The rules a deal must follow, shared by the feed decoder, the CLI and the dashboard's form.
///
/// Each `...Problem` function returns the message for a bad value, or nil: the decoder
/// calls them as it reads each key and `issues(for:at:)` calls them on a whole deal, so
/// a rule is written once however the deal arrived.
public enum DealValidator {
    public static func idProblem(_ id: String) -> String? {
        guard let first = id.utf8.first else { return "must not be empty" }
        // Over the bytes in place: `allSatisfy` on the UTF-8 view was many times slower.
        func allowed(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D }
        let ok =
            id.utf8.withContiguousStorageIfAvailable { bytes in
                for b in bytes where !allowed(b) { return false }
                return true
            } ?? id.utf8.allSatisfy(allowed)
        if !ok || first == 0x2D {
            return
                "\(FeedIssue.quote(id)) is not a valid id (lower-case letters, digits and '-', not starting with '-')"
        }
        return nil
    }

    public static func textProblem(_ s: String) -> String? {
        // Most text starts with a visible ASCII byte: decide from the bytes before walking Characters.
        let first =
            s.utf8.withContiguousStorageIfAvailable { bytes -> UInt8? in
                for b in bytes where b > 0x20 { return b }
                return nil
            } ?? s.utf8.first { $0 > 0x20 }
        guard let first else { return "must not be empty" }
        if first < 0x80 { return nil }
        return s.allSatisfy(\.isWhitespace) ? "must not be empty" : nil
    }

    public static func countryProblem(_ code: String) -> String? {
        if Countries.byCode(code) != nil { return nil }
        var message = "\(FeedIssue.quote(code)) is not an ISO 3166-1 alpha-2 code"
        if let guess = Countries.lookup(code) { message += " (did you mean \"\(guess.code)\"?)" }
        return message
    }

    public static func partialDateProblem(_ text: String) -> String? {
        PartialDate(text) == nil
            ? "\(FeedIssue.quote(text)) is not a partial date (YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD)"
            : nil
    }

    public static func megawattProblem(_ mw: Double) -> String? {
        if !mw.isFinite { return "must be a finite number of megawatts" }
        if mw < 0 { return "\(JSONWriter.format(mw)) is negative; megawatts must be 0 or more (null for unknown)" }
        return nil
    }

    public static func amountProblem(_ amount: Double) -> String? {
        if !amount.isFinite { return "must be a finite number" }
        return amount < 0 ? "must not be negative" : nil
    }

    public static func currencyProblem(_ code: String) -> String? {
        let ok = code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        return ok ? nil : "\(FeedIssue.quote(code)) is not an ISO 4217 currency code (three capital letters)"
    }

    public static func countProblem(_ n: Int) -> String? {
        n < 0 ? "must not be negative" : nil
    }

    public static func enumProblem(_ value: String, allowed: String) -> String {
        "\(FeedIssue.quote(value)) is not one of: \(allowed)"
    }

    /// Every problem of one deal, errors and (unless `errorsOnly`) warnings, with paths under `path`.
    public static func issues(for deal: Deal, at path: @autoclosure () -> String, errorsOnly: Bool = false)
        -> [FeedIssue]
    {
        var out: [FeedIssue] = []
        // The key is built only for a problem: "partners[3].name" for every partner of every
        // deal would cost a save more than the checks themselves.
        func check(_ key: @autoclosure () -> String, _ problem: String?) {
            if let problem { out.append(.error("\(path()).\(key())", problem)) }
        }
        check("id", idProblem(deal.id))
        check("title", textProblem(deal.title))
        check("country", countryProblem(deal.country))
        check("sponsor", deal.sponsor.flatMap(textProblem))
        for (i, p) in deal.partners.enumerated() { check("partners[\(i)].name", textProblem(p.name)) }
        if let c = deal.capacity {
            check("capacity.initialMW", c.initialMW.flatMap(megawattProblem))
            check("capacity.targetMW", c.targetMW.flatMap(megawattProblem))
            check("capacity.operationalMW", c.operationalMW.flatMap(megawattProblem))
        }
        check("accelerators.count", deal.accelerators?.count.flatMap(countProblem))
        if let inv = deal.investment {
            check("investment.amount", amountProblem(inv.amount))
            check("investment.currency", currencyProblem(inv.currency))
        }
        for (i, m) in deal.models.enumerated() { check("models[\(i)]", textProblem(m)) }
        for (i, m) in deal.products.enumerated() { check("products[\(i)]", textProblem(m)) }
        if let p = citationProblem(deal) { out.append(.error(path() + p.key, p.message)) }
        for (i, m) in deal.milestones.enumerated() { check("milestones[\(i)].event", textProblem(m.event)) }
        for (i, s) in deal.sources.enumerated() where s.title == nil && s.url == nil {
            out.append(.error("\(path()).sources[\(i)]", "a source needs a title or a url"))
        }
        if !errorsOnly { out += warnings(for: deal, at: path()) }
        return out
    }

    /// The warnings of one deal: facts that are suspicious but allowed.
    public static func warnings(for deal: Deal, at path: @autoclosure () -> String) -> [FeedIssue] {
        var out: [FeedIssue] = []
        if let c = deal.capacity, let i = c.initialMW, let t = c.targetMW, i > t {
            out.append(
                .warning(
                    "\(path()).capacity",
                    "initialMW (\(JSONWriter.format(i))) is above targetMW (\(JSONWriter.format(t)))"))
        }
        if deal.sources.isEmpty {
            out.append(.warning(path(), "deal \(FeedIssue.quote(deal.id)) has no source"))
        }
        if let kind = deal.kind, !kind.hasMegawatts, let c = deal.capacity, !c.hasNoFigure {
            out.append(
                .warning(
                    "\(path()).capacity",
                    "megawatts do not apply to a deal of kind \(kind.rawValue), yet a figure is given"))
        }
        return out
    }

    /// The first source number that names no source of the deal, as a key under the deal and a message.
    public static func citationProblem(_ deal: Deal) -> (key: String, message: String)? {
        let n = deal.sources.count
        func bad(_ list: [Int]) -> Int? { list.first { $0 < 1 || $0 > n } }
        func message(_ k: Int) -> String {
            "cites source \(k), but the deal has \(n) source\(n == 1 ? "" : "s") (numbered from 1)"
        }
        for e in deal.cite.entries { if let k = bad(e.sources) { return (".cite.\(e.figure.rawValue)", message(k)) } }
        for (i, m) in deal.milestones.enumerated() {
            if let k = bad(m.cite) { return (".milestones[\(i)].cite", message(k)) }
        }
        return nil
    }

    /// Warnings for figures no source cites, in a deal that has sources (feed version 2).
    ///
    /// Journalists trace every number on screen to a source; one left uncited is a gap worth saying.
    public static func citationWarnings(for deal: Deal, at path: @autoclosure () -> String) -> [FeedIssue] {
        var out: [FeedIssue] = []
        forEachUncited(in: deal) { figure in
            let what: String
            switch figure {
            case .announced:
                what = deal.announcedStated ? "announced \(deal.announced)" : "announcedBy \(deal.announced)"
            case .figure(let name, let mw): what = "\(name) \(JSONWriter.format(mw))"
            case .milestone(let i):
                let event = FeedIssue.quote(deal.milestones[i].event)
                out.append(.warning("\(path()).milestones[\(i)]", "milestone \(event) cites no source"))
                return
            }
            out.append(.warning("\(path()).cite", "\(what) cites no source"))
        }
        return out
    }

    /// How many warnings `citationWarnings` gives for `deal`, without writing them: `validate`
    /// prints the first hundred of a feed's and counts the rest, and a large feed can have
    /// hundreds of thousands.
    public static func citationWarningCount(for deal: Deal) -> Int {
        var n = 0
        forEachUncited(in: deal) { _ in n += 1 }
        return n
    }

    /// A figure no source cites.
    private enum Uncited {
        case announced
        /// A capacity figure: its key and value.
        case figure(String, Double)
        /// The milestone at this index.
        case milestone(Int)
    }

    /// Each figure of a deal with sources that no source cites, in the warnings' order.
    private static func forEachUncited(in deal: Deal, _ found: (Uncited) -> Void) {
        guard !deal.sources.isEmpty else { return }
        if deal.cite[.announced].isEmpty { found(.announced) }
        if let c = deal.capacity {
            if let v = c.initialMW, deal.cite[.initialMW].isEmpty { found(.figure("initialMW", v)) }
            if let v = c.targetMW, deal.cite[.targetMW].isEmpty { found(.figure("targetMW", v)) }
            if let v = c.operationalMW, deal.cite[.operationalMW].isEmpty { found(.figure("operationalMW", v)) }
        }
        for (i, m) in deal.milestones.enumerated() where m.cite.isEmpty { found(.milestone(i)) }
    }

    /// Errors for ids used more than once, naming where each was first seen.
    public static func duplicateIssues(_ deals: [Deal]) -> [FeedIssue] {
        // A saved store is ordered by id: one pass proves it has no duplicate, without a table.
        if idsIncrease(deals) { return [] }
        var firstIndex: [String: Int] = [:]
        firstIndex.reserveCapacity(deals.count)
        var out: [FeedIssue] = []
        for i in deals.indices {
            let id = deals[i].id
            if let first = firstIndex[id] {
                out.append(duplicate(id, at: i, first: first))
            } else {
                firstIndex[id] = i
            }
        }
        return out
    }

    /// The error for deal `at` reusing the id of deal `first`: also what a database store,
    /// which never holds the two at once, says of a rename onto a taken id.
    public static func duplicate(_ id: String, at i: Int, first: Int) -> FeedIssue {
        .error("deals[\(i)].id", "duplicate id \(FeedIssue.quote(id)) (first used by deals[\(first)])")
    }

    /// True when the ids strictly increase (as in every saved store), which makes them unique.
    public static func idsIncrease(_ deals: [Deal]) -> Bool {
        deals.withUnsafeBufferPointer { d in d.indices.dropFirst().allSatisfy { d[$0 - 1].id < d[$0].id } }
    }

    /// Every problem of a feed held in memory (only the errors with `errorsOnly`, as a save needs).
    public static func issues(for feed: Feed, errorsOnly: Bool = false) -> [FeedIssue] {
        issues(for: feed.deals, in: feed.deals.indices, errorsOnly: errorsOnly) + duplicateIssues(feed.deals)
    }

    /// The errors a save refuses, checking only the deals at `range` (the others being known
    /// valid: equal to deals of a feed already validated), and the ids of all.
    ///
    /// The same errors, in the same order and with the same paths, as `issues(for:errorsOnly:)`
    /// gives, since the deals left out have none: after editing one deal of 100,000 a save
    /// checks one deal, not all.
    public static func errors(in deals: [Deal], checking range: Range<Int>) -> [FeedIssue] {
        issues(for: deals, in: range, errorsOnly: true) + duplicateIssues(deals)
    }

    /// True when no deal at `range` has an error (ids are not compared with each other).
    static func noErrors(in deals: [Deal], _ range: Range<Int>) -> Bool {
        // Through a buffer, so that each deal is looked at in place rather than copied.
        deals.withUnsafeBufferPointer { all in
            range.allSatisfy { issues(for: all[$0], at: "", errorsOnly: true).isEmpty }
        }
    }

    /// The indices of `deals` that may differ from `baseline`: what is left of `deals` once the
    /// longest common prefix and then the longest common suffix of the two are taken off.
    ///
    /// An edit, an insertion or a removal anywhere leaves at most one deal.
    public static func changedRange(_ deals: [Deal], since baseline: [Deal]) -> Range<Int> {
        // Through buffers: a deal read from an Array for `==` is copied (every string and list
        // retained, then released), which for 100,000 deals costs more than the comparisons.
        deals.withUnsafeBufferPointer { new in
            baseline.withUnsafeBufferPointer { old in
                if new.baseAddress == old.baseAddress && new.count == old.count { return 0..<0 }
                let common = min(new.count, old.count)
                var prefix = 0
                while prefix < common && new[prefix] == old[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < common - prefix && new[new.count - 1 - suffix] == old[old.count - 1 - suffix] {
                    suffix += 1
                }
                return prefix..<(new.count - suffix)
            }
        }
    }

    /// The problems of the deals at `range`, in order; large runs are checked on every core.
    private static func issues(for deals: [Deal], in range: Range<Int>, errorsOnly: Bool) -> [FeedIssue] {
        let n = range.count
        let k = n >= 20_000 ? Parallel.cores : 1
        let per = (n + k - 1) / k
        return Parallel.map(k) { c in
            var found: [FeedIssue] = []
            deals.withUnsafeBufferPointer { all in
                for i in range.lowerBound + min(n, c * per)..<range.lowerBound + min(n, (c + 1) * per) {
                    found += issues(for: all[i], at: "deals[\(i)]", errorsOnly: errorsOnly)
                }
            }
            return found
        }.flatMap { $0 }
    }
}
