import Foundation

/// Reads one deal (and its parts) at a time, checking every rule of the format on the way.
///
/// It keeps the issues it found, up to `FeedDecoder.issueLimit`, and counts the rest; a value of
/// the wrong type is reported and skipped. `FeedDecoder` reads the document around the deals
/// with one, and `ParallelDealSplit` gives each piece of a large deals array its own.
struct DealReader {
    var issues: [FeedIssue] = []
    var omittedErrors = 0
    var omittedWarnings = 0
    /// Issues found so far, kept or not: it only grows, unlike `issues.count`.
    var reported: Int { issues.count + omittedErrors + omittedWarnings }
    /// True once errors were left out: the feed is invalid, and its deals are no longer kept.
    var truncated: Bool { omittedErrors > 0 }

    /// Counts and drops the issues past `issueLimit`.
    mutating func capIssues() {
        guard issues.count > FeedDecoder.issueLimit else { return }
        for issue in issues[FeedDecoder.issueLimit...] {
            if issue.isError { omittedErrors += 1 } else { omittedWarnings += 1 }
        }
        issues.removeSubrange(FeedDecoder.issueLimit...)
    }

    /// For a selective read: the deals to keep (all when nil), which it may also trim.
    var keep: (@Sendable (inout Deal) -> Bool)?
    /// The order of the ids read: increasing, they need no check for duplicates.
    var order = IDOrder()

    /// Notes a deal's id for the proof that no id is used twice, and says whether to keep
    /// the deal: always, unless a selective read lets it go.
    mutating func admit(_ deal: inout Deal) -> Bool {
        order.see(deal.id)
        return keep?(&deal) ?? true
    }

    // MARK: Typed reads that report and skip a wrong type

    mutating func expect(_ kind: JSONReader.Kind, _ r: inout JSONReader, _ path: @autoclosure () -> String) throws
        -> Bool
    {
        let found = try r.peekKind()
        if found == kind { return true }
        issues.append(.error(path(), "expected \(kind.typeName), found \(found.typeName)"))
        try r.skipValue()
        return false
    }

    /// A string, or nil (reported) for another type; `null` is nil without a report when allowed.
    mutating func string(_ r: inout JSONReader, _ path: @autoclosure () -> String, nullable: Bool = false) throws
        -> String?
    {
        let kind = try r.peekKind()
        if kind == .string { return try r.readString() }
        if kind == .null && nullable {
            try r.readNull()
            return nil
        }
        issues.append(.error(path(), "expected a string, found \(kind.typeName)"))
        try r.skipValue()
        return nil
    }

    mutating func number(_ r: inout JSONReader, _ path: @autoclosure () -> String, nullable: Bool = false) throws
        -> Double?
    {
        let kind = try r.peekKind()
        if kind == .number { return try r.readNumber() }
        if kind == .null && nullable {
            try r.readNull()
            return nil
        }
        issues.append(.error(path(), "expected a number\(nullable ? " or null" : ""), found \(kind.typeName)"))
        try r.skipValue()
        return nil
    }

    mutating func text(_ r: inout JSONReader, _ path: @autoclosure () -> String) throws -> String? {
        guard let s = try string(&r, path(), nullable: true) else { return nil }
        if let p = DealValidator.textProblem(s) {
            issues.append(.error(path(), p))
            return nil
        }
        return s
    }

    mutating func date(_ s: String, _ path: @autoclosure () -> String) -> PartialDate? {
        if let d = PartialDate(s) { return d }
        issues.append(.error(path(), DealValidator.partialDateProblem(s) ?? "bad date"))
        return nil
    }

    mutating func megawatts(_ r: inout JSONReader, _ path: @autoclosure () -> String) throws -> Double? {
        guard let mw = try number(&r, path(), nullable: true) else { return nil }
        if let p = DealValidator.megawattProblem(mw) { issues.append(.error(path(), p)) }
        return mw
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(
        _ r: inout JSONReader, _ type: E.Type, _ path: @autoclosure () -> String
    ) throws -> E? where E.RawValue == String {
        guard let s = try string(&r, path(), nullable: true) else { return nil }
        if let v = E(rawValue: s) { return v }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        issues.append(.error(path(), DealValidator.enumProblem(s, allowed: allowed)))
        return nil
    }

    mutating func stringArray(_ r: inout JSONReader, _ path: @autoclosure () -> String) throws -> [String] {
        guard try expect(.array, &r, path()) else { return [] }
        var out: [String] = []
        // Room for the usual few up front: growing 1, 2, 4 was three allocations per list.
        out.reserveCapacity(4)
        try r.beginArray()
        var i = 0
        while try r.nextElement() {
            if let s = try string(&r, "\(path())[\(i)]") {
                if let p = DealValidator.textProblem(s) {
                    issues.append(.error("\(path())[\(i)]", p))
                } else if !truncated {
                    out.append(s)
                }
            }
            capIssues()
            i += 1
        }
        return out
    }

    mutating func objectArray<T>(
        _ r: inout JSONReader, _ path: @autoclosure () -> String,
        _ element: (inout DealReader, inout JSONReader, _ base: () -> String, _ index: Int) throws -> T?
    ) throws -> [T] {
        guard try expect(.array, &r, path()) else { return [] }
        var out: [T] = []
        try r.beginArray()
        var i = 0
        while try r.nextElement() {
            // The path is made only for a message: building it for every array was a tenth of a load.
            if try expect(.object, &r, "\(path())[\(i)]"),
                let v = try withoutActuallyEscaping(path, do: { path in try element(&self, &r, path, i) }), !truncated
            {
                out.append(v)
            }
            capIssues()
            i += 1
        }
        return out
    }

    mutating func missing(_ key: String, _ path: @autoclosure () -> String) {
        // Past the limit only counted: no message made for two million empty deals.
        if issues.count >= FeedDecoder.issueLimit {
            omittedErrors += 1
            return
        }
        issues.append(.error(path(), "missing required key \"\(key)\""))
    }

    // MARK: Deal and its parts

    mutating func readDeal(_ r: inout JSONReader, index: Int) throws -> Deal? {
        // Made only when a message needs it: most deals have none.
        func path() -> String { "deals[\(index)]" }
        guard try expect(.object, &r, path()) else { return nil }
        let before = reported
        var id: String?
        var title: String?
        var country: String?
        var announced: PartialDate?
        // Whether reading the key reported a problem (a wrong type): then it is not also "missing".
        var idReported = false
        var titleReported = false
        var countryReported = false
        var sawAnnounced = false
        var sawAnnouncedBy = false
        var deal = Deal(id: "", title: "", country: "", announced: PartialDate(year: 1, month: 1, day: 1))
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("id"):
                try keys.insert(0, key)
                let n = reported
                id = try string(&r, path() + ".id")
                idReported = reported > n
                if let v = id, let p = DealValidator.idProblem(v) { issues.append(.error(path() + ".id", p)) }
            case _ where key.is("title"):
                try keys.insert(1, key)
                let n = reported
                title = try string(&r, path() + ".title")
                titleReported = reported > n
                if let v = title, let p = DealValidator.textProblem(v) { issues.append(.error(path() + ".title", p)) }
            case _ where key.is("country"):
                try keys.insert(2, key)
                let n = reported
                country = try string(&r, path() + ".country")
                countryReported = reported > n
                if let v = country, let p = DealValidator.countryProblem(v) {
                    issues.append(.error(path() + ".country", p))
                }
            case _ where key.is("announced"):
                try keys.insert(3, key)
                sawAnnounced = true
                if let s = try string(&r, path() + ".announced") { announced = date(s, path() + ".announced") }
            case _ where key.is("status"):
                try keys.insert(4, key)
                deal.status = try enumValue(&r, DealStatus.self, path() + ".status") ?? .announced
            case _ where key.is("sponsor"):
                try keys.insert(5, key)
                deal.sponsor = try text(&r, path() + ".sponsor")
            case _ where key.is("platform"):
                try keys.insert(6, key)
                deal.platform = try text(&r, path() + ".platform")
            case _ where key.is("site"):
                try keys.insert(7, key)
                deal.site = try text(&r, path() + ".site")
            case _ where key.is("notes"):
                try keys.insert(8, key)
                deal.notes = try string(&r, path() + ".notes", nullable: true)
            case _ where key.is("partners"):
                try keys.insert(9, key)
                deal.partners = try objectArray(&r, path() + ".partners") { d, r, base, i in
                    try d.readPartner(&r, base, i)
                }
            case _ where key.is("capacity"):
                try keys.insert(10, key)
                if try r.peekKind() == .null {
                    try r.readNull()
                    break
                }
                if try expect(.object, &r, path() + ".capacity") {
                    deal.capacity = try readCapacity(&r, { path() + ".capacity" })
                }
            case _ where key.is("accelerators"):
                try keys.insert(11, key)
                if try r.peekKind() == .null {
                    try r.readNull()
                    break
                }
                if try expect(.object, &r, path() + ".accelerators") {
                    deal.accelerators = try readAccelerators(&r, { path() + ".accelerators" })
                }
            case _ where key.is("investment"):
                try keys.insert(12, key)
                if try r.peekKind() == .null {
                    try r.readNull()
                    break
                }
                if try expect(.object, &r, path() + ".investment") {
                    deal.investment = try readInvestment(&r, { path() + ".investment" })
                }
            case _ where key.is("models"):
                try keys.insert(13, key)
                deal.models = try stringArray(&r, path() + ".models")
            case _ where key.is("tags"):
                try keys.insert(14, key)
                deal.tags = try stringArray(&r, path() + ".tags")
            case _ where key.is("milestones"):
                try keys.insert(15, key)
                deal.milestones = try objectArray(&r, path() + ".milestones") { d, r, base, i in
                    try d.readMilestone(&r, base, i)
                }
            case _ where key.is("sources"):
                try keys.insert(16, key)
                deal.sources = try objectArray(&r, path() + ".sources") { d, r, base, i in try d.readSource(&r, base, i)
                }
            // Version 2's keys last: a version-1 deal's keys are matched without trying them first.
            case _ where key.is("announcedBy"):
                try keys.insert(17, key)
                sawAnnouncedBy = true
                if let s = try string(&r, path() + ".announcedBy") {
                    announced = date(s, path() + ".announcedBy")
                    deal.announcedStated = false
                }
            case _ where key.is("kind"):
                try keys.insert(18, key)
                deal.kind = try enumValue(&r, DealKind.self, path() + ".kind")
            case _ where key.is("products"):
                try keys.insert(19, key)
                deal.products = try stringArray(&r, path() + ".products")
            case _ where key.is("cite"):
                try keys.insert(20, key)
                if try expect(.object, &r, path() + ".cite") { deal.cite = try readCitations(&r, { path() + ".cite" }) }
            default:
                let keyName = try keys.insertExtra(key, among: deal.extra)
                deal.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if id == nil && !idReported { missing("id", path()) }
        if title == nil && !titleReported { missing("title", path()) }
        if country == nil && !countryReported { missing("country", path()) }
        if sawAnnounced && sawAnnouncedBy {
            issues.append(.error(path(), "has both \"announced\" and \"announcedBy\"; a date is either stated or not"))
        } else if !sawAnnounced && !sawAnnouncedBy {
            missing("announced", path())
        }
        deal.id = id ?? ""
        deal.title = title ?? ""
        deal.country = country ?? ""
        if let announced { deal.announced = announced }
        if let p = DealValidator.citationProblem(deal) { issues.append(.error(path() + p.key, p.message)) }
        if reported == before { issues += DealValidator.warnings(for: deal, at: path()) }
        return deal
    }

    private mutating func readPartner(_ r: inout JSONReader, _ base: () -> String, _ index: Int) throws -> Partner? {
        // The path is made only when a message needs it.
        func path() -> String { "\(base())[\(index)]" }
        var name: String?
        var role: PartnerRole?
        var sawRole = false
        var nameReported = false
        var supplies: String?
        var to: String?
        var extra: [JSONField] = []
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("name"):
                try keys.insert(0, key)
                let n = reported
                name = try text(&r, path() + ".name")
                nameReported = reported > n
            case _ where key.is("role"):
                try keys.insert(1, key)
                sawRole = true
                role = try enumValue(&r, PartnerRole.self, path() + ".role")
            case _ where key.is("supplies"):
                try keys.insert(2, key)
                supplies = try text(&r, path() + ".supplies")
            case _ where key.is("to"):
                try keys.insert(3, key)
                to = try text(&r, path() + ".to")
            default:
                let keyName = try keys.insertExtra(key, among: extra)
                extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if name == nil && !nameReported { missing("name", path()) }
        if !sawRole { missing("role", path()) }
        guard let name, let role else { return nil }
        return Partner(name: name, role: role, supplies: supplies, to: to, extra: extra)
    }

    private mutating func readCapacity(_ r: inout JSONReader, _ path: () -> String) throws -> Capacity {
        var c = Capacity()
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("initialMW"):
                try keys.insert(0, key)
                c.initialMW = try megawatts(&r, path() + ".initialMW")
            case _ where key.is("targetMW"):
                try keys.insert(1, key)
                c.targetMW = try megawatts(&r, path() + ".targetMW")
            case _ where key.is("operationalMW"):
                try keys.insert(2, key)
                c.operationalMW = try megawatts(&r, path() + ".operationalMW")
            case _ where key.is("confidence"):
                try keys.insert(3, key)
                c.confidence = try enumValue(&r, Confidence.self, path() + ".confidence")
            case _ where key.is("approx"):
                try keys.insert(4, key)
                for (i, name) in try stringArray(&r, path() + ".approx").enumerated() {
                    if let f = CapacityFigures.keyed.first(where: { $0.key == name }) {
                        c.approx.insert(f.figure)
                    } else {
                        issues.append(
                            .error(
                                path() + ".approx[\(i)]",
                                DealValidator.enumProblem(name, allowed: "initialMW, targetMW, operationalMW")))
                    }
                }
            default:
                let keyName = try keys.insertExtra(key, among: c.extra)
                c.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        return c
    }

    private mutating func readAccelerators(_ r: inout JSONReader, _ path: () -> String) throws -> Accelerators {
        var a = Accelerators()
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("count"):
                try keys.insert(0, key)
                if let n = try number(&r, path() + ".count", nullable: true) {
                    if n != n.rounded() || !n.isFinite || abs(n) > 1e15 {
                        issues.append(.error(path() + ".count", "must be a whole number"))
                    } else {
                        a.count = Int(n)
                        if let p = DealValidator.countProblem(Int(n)) { issues.append(.error(path() + ".count", p)) }
                    }
                }
            case _ where key.is("type"):
                try keys.insert(1, key)
                a.type = try string(&r, path() + ".type", nullable: true)
            default:
                let keyName = try keys.insertExtra(key, among: a.extra)
                a.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        return a
    }

    private mutating func readInvestment(_ r: inout JSONReader, _ path: () -> String) throws -> Investment? {
        var amount: Double?
        var currency: String?
        var sawAmount = false
        var sawCurrency = false
        var extra: [JSONField] = []
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("amount"):
                try keys.insert(0, key)
                sawAmount = true
                amount = try number(&r, path() + ".amount")
                if let a = amount, let p = DealValidator.amountProblem(a) {
                    issues.append(.error(path() + ".amount", p))
                }
            case _ where key.is("currency"):
                try keys.insert(1, key)
                sawCurrency = true
                currency = try string(&r, path() + ".currency")
                if let c = currency, let p = DealValidator.currencyProblem(c) {
                    issues.append(.error(path() + ".currency", p))
                }
            default:
                let keyName = try keys.insertExtra(key, among: extra)
                extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if !sawAmount { missing("amount", path()) }
        if !sawCurrency { missing("currency", path()) }
        guard let amount, let currency else { return nil }
        return Investment(amount: amount, currency: currency, extra: extra)
    }

    private mutating func readMilestone(_ r: inout JSONReader, _ base: () -> String, _ index: Int) throws -> Milestone?
    {
        // The path is made only when a message needs it.
        func path() -> String { "\(base())[\(index)]" }
        var date: PartialDate?
        var event: String?
        var done = false
        var sawDate = false
        var eventReported = false
        var cite: [Int] = []
        var extra: [JSONField] = []
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("date"):
                try keys.insert(0, key)
                sawDate = true
                if let s = try string(&r, path() + ".date") { date = self.date(s, path() + ".date") }
            case _ where key.is("event"):
                try keys.insert(1, key)
                let n = reported
                event = try text(&r, path() + ".event")
                eventReported = reported > n
            case _ where key.is("done"):
                try keys.insert(2, key)
                if try expect(.bool, &r, path() + ".done") { done = try r.readBool() }
            case _ where key.is("cite"):
                try keys.insert(3, key)
                cite = try sourceNumbers(&r, path() + ".cite")
            default:
                let keyName = try keys.insertExtra(key, among: extra)
                extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if !sawDate { missing("date", path()) }
        if event == nil && !eventReported { missing("event", path()) }
        guard let date, let event else { return nil }
        return Milestone(date: date, event: event, done: done, cite: cite, extra: extra)
    }

    private mutating func readCitations(_ r: inout JSONReader, _ path: () -> String) throws -> Citations {
        var c = Citations()
        var keys = JSONKeySet()
        try r.beginObject()
        while let key = try r.nextKeyToken() {
            let name = key.string
            guard let figure = Citations.Figure(rawValue: name) else {
                issues.append(
                    .error(
                        path(),
                        DealValidator.enumProblem(
                            name, allowed: Citations.Figure.allCases.map(\.rawValue).joined(separator: ", "))))
                try r.skipValue()
                continue
            }
            try keys.insert(Citations.Figure.allCases.firstIndex(of: figure)!, key)
            c[figure] = try sourceNumbers(&r, path() + "." + name)
        }
        return c
    }

    /// An array of source numbers (whole numbers from 1; whether each names a source is checked with the deal).
    private mutating func sourceNumbers(_ r: inout JSONReader, _ path: @autoclosure () -> String) throws -> [Int] {
        guard try expect(.array, &r, path()) else { return [] }
        var out: [Int] = []
        try r.beginArray()
        var i = 0
        while try r.nextElement() {
            if let n = try number(&r, "\(path())[\(i)]") {
                if n >= 1 && n <= 1e6 && n == n.rounded() {
                    out.append(Int(n))
                } else {
                    issues.append(
                        .error(
                            "\(path())[\(i)]", "\(JSONWriter.format(n)) is not a source number (1 for the first source)"
                        ))
                }
            }
            i += 1
        }
        return out
    }

    private mutating func readSource(_ r: inout JSONReader, _ base: () -> String, _ index: Int) throws -> Source? {
        // The path is made only when a message needs it.
        func path() -> String { "\(base())[\(index)]" }
        var s = Source()
        try r.beginObject()
        var keys = JSONKeySet()
        while let key = try r.nextKeyToken() {
            switch () {
            case _ where key.is("title"):
                try keys.insert(0, key)
                s.title = try text(&r, path() + ".title")
            case _ where key.is("publisher"):
                try keys.insert(1, key)
                s.publisher = try text(&r, path() + ".publisher")
            case _ where key.is("url"):
                try keys.insert(2, key)
                s.url = try text(&r, path() + ".url")
            case _ where key.is("date"):
                try keys.insert(3, key)
                if let d = try string(&r, path() + ".date", nullable: true) { s.date = date(d, path() + ".date") }
            default:
                let keyName = try keys.insertExtra(key, among: s.extra)
                s.extra.append(JSONField(keyName, try r.readValue()))
            }
        }
        if s.title == nil && s.url == nil { issues.append(.error(path(), "a source needs a title or a url")) }
        return s
    }
}
