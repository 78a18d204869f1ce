import Foundation

/// Maps rows of Epoch AI's GPU Clusters dataset to deals, field by field as `docs/import-epoch.md` describes.
///
/// The mapping is deterministic and written in the form the feed encoder and decoder give
/// back exactly (numbers, order of partners and sources), so that importing the same file
/// twice finds every deal unchanged. It needs to know the whole file (the ids of the rows
/// that links name, the file's latest date), so it is made once per file.
public struct EpochMapper: Sendable {
    /// A deal made from one row, with what merging it over a stored deal needs to know.
    public struct Mapped: Sendable, Equatable {
        public var deal: Deal
        /// True when `announced` is the file's latest year, for want of an earlier date in the row.
        public var announcedIsFallback: Bool
    }

    /// Where a mapping gets the first source of every deal, and the credit the licence asks for.
    public static let datasetSource = Source(
        title: "Epoch AI, GPU Clusters dataset", publisher: "Epoch AI", url: "https://epoch.ai/data/gpu-clusters")

    /// The deal key holding the dataset's columns that have no feed field.
    public static let extraKey = "epoch"

    /// Tags the importer sets and clears; any other tag on a stored deal is the user's and is kept.
    public static let managedTags = ["epoch", "anonymized", "possible-duplicate", "decommissioned"]

    /// Milestone events the importer writes; any other milestone on a stored deal is kept.
    public static let managedEvents = [
        Event.firstOperational, Event.plannedFirstOperational, Event.firstOperationalPlannedDate, Event.decommissioned,
    ]

    /// The events of the milestones the importer writes.
    public enum Event {
        public static let firstOperational = "first operational"
        public static let plannedFirstOperational = "first operational (planned)"
        public static let firstOperationalPlannedDate = "first operational (date as planned)"
        public static let decommissioned = "decommissioned"
    }

    /// What the `announcedFrom` key under `epoch` says about where `announced` came from.
    public enum AnnouncedFrom {
        public static let firstOperational = "first operational date"
        public static let plannedFirstOperational = "planned first operational date"
        public static let archiveCapture = "earliest web.archive.org capture of a source"
        public static let latestInFile = "latest date in the file (the row has no earlier one)"
    }

    /// The status of a row, as Epoch writes it.
    enum EpochStatus: String { case existing, planned, decommissioned }

    /// The file's latest year of dated evidence (about when the snapshot was taken): every row was
    /// public by then, so it bounds `announced`. Nil if the file has no such date anywhere.
    public let fallbackYear: Int?
    /// The rows' ids, by position in the file.
    private let ids: EpochID.Assignment
    /// The id of the one accepted row with a base id (see ``EpochID/base(_:)``), for links by name.
    private let linkTargets: [String: String]

    /// Prepares the mapping of one file: `ids` from ``EpochID/assign(names:row:)``; `accepted`
    /// the position of each row that passed ``check(_:)`` by its base id; `fallbackYear` the
    /// latest of ``latestYear(of:)`` over all rows.
    public init(ids: EpochID.Assignment, accepted: [String: Int], fallbackYear: Int?) {
        self.ids = ids
        var targets: [String: String] = [:]
        // A name that several rows share links to none of them.
        for (base, index) in accepted where !ids.sharedBases.contains(base) {
            targets[base] = ids.id(at: index, base: base)
        }
        linkTargets = targets
        self.fallbackYear = fallbackYear
    }

    // MARK: Checks

    /// Why a row cannot become a deal, or nil if it can (dates are checked in ``map(_:at:)``).
    public static func check(_ row: EpochRow) -> EpochRejection? {
        func reject(_ reason: EpochRejection.Reason, _ detail: String) -> EpochRejection {
            EpochRejection(row: row, reason: reason, detail: detail)
        }
        if !row.hasHeaderWidth {
            return reject(.wrongWidth, "\(row.fields.count) fields but the header has \(row.header.cells.count)")
        }
        if row[EpochColumn.name].isEmpty { return reject(.noName, "the Name is empty") }
        let country = row[EpochColumn.country]
        if country.isEmpty { return reject(.noCountry, "the Country is empty") }
        if Countries.lookup(country) == nil {
            return reject(.unknownCountry, "Country \(FeedIssue.quote(country)) is not a known country")
        }
        if status(row) == nil {
            return reject(
                .unknownStatus,
                "Status \(FeedIssue.quote(row[EpochColumn.status])) is not Existing, Planned or Decommissioned")
        }
        let certainty = row[EpochColumn.certainty]
        if !certainty.isEmpty && confidence(certainty) == nil {
            return reject(
                .unknownCertainty, "Certainty \(FeedIssue.quote(certainty)) is not Confirmed, Likely or Unlikely")
        }
        // The figure each group gives is its first non-empty column; a later one is never read.
        for group in [EpochColumn.powerColumns, EpochColumn.costColumns, [EpochColumn.totalChips]] {
            guard let column = group.first(where: { !row[$0].isEmpty }) else { continue }
            let v = row[column]
            if number(v) == nil {
                return reject(.badNumber, "\(column) \(FeedIssue.quote(v)) is not a number of 0 or more")
            }
        }
        return nil
    }

    static func status(_ row: EpochRow) -> EpochStatus? {
        EpochStatus(rawValue: row[EpochColumn.status].lowercased())
    }

    static func confidence(_ certainty: String) -> Confidence? {
        switch certainty.lowercased() {
        case "confirmed": return .confirmed
        case "likely": return .reported
        case "unlikely": return .aspirational
        default: return nil
        }
    }

    /// A finite, non-negative number as JSON writes it (Epoch's file is machine-written:
    /// `9.9e+22` is a figure there, `1,000` is not); nil for anything else (hex, "inf", text),
    /// and for a figure that does not survive as a Double (`1e400`, or `1e-400`, which would be 0).
    static func number(_ text: String) -> Double? {
        guard isJSONNumber(text), let v = Double(text), v.isFinite, v >= 0 else { return nil }
        if v == 0, text.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) }) {
            return nil
        }
        return v
    }

    /// A figure with Epoch's binary noise removed (`96.09600000000002` → `96.096`): 12 significant digits.
    static func tidy(_ v: Double) -> Double {
        Double(String(format: "%.12g", v)) ?? v
    }

    // MARK: Mapping

    /// The deal for the row at `index` (a row that passed ``check(_:)``), or why there can be none.
    public func map(_ row: EpochRow, at index: Int) -> Result<Mapped, EpochRejection> {
        guard let id = ids.id(at: index, name: row.value(EpochColumn.name)), let status = EpochMapper.status(row),
            let country = Countries.lookup(row[EpochColumn.country])
        else {
            return .failure(EpochRejection(row: row, reason: .invalidDeal, detail: "the row did not pass the checks"))
        }
        let confidence = EpochMapper.confidence(row[EpochColumn.certainty])
        var notes: [String] = []
        if let n = row.value(EpochColumn.note) { notes.append(n) }
        if let n = row.value(EpochColumn.certaintyNote) {
            notes.append("Certainty (\(row[EpochColumn.certainty])): \(n)")
        }

        // Dates: the first-operational milestone, the decommissioning, and the announcement.
        let firstOp = EpochDate.firstOperational(
            date: row[EpochColumn.firstOperationalDate],
            note: row[EpochColumn.firstOperationalDateNote])
        func implausible(_ d: PartialDate, _ column: String) -> EpochRejection {
            EpochRejection(
                row: row, reason: .badDate,
                detail:
                    "\(column) \(FeedIssue.quote(d.description)) is not between \(EpochDate.plausibleYears.lowerBound) and \(EpochDate.plausibleYears.upperBound)"
            )
        }
        if let f = firstOp, !EpochDate.plausibleYears.contains(f.date.year) {
            return .failure(implausible(f.date, EpochColumn.firstOperationalDate))
        }
        var milestones: [Milestone] = []
        if let f = firstOp {
            let event: String
            switch (status, f.planned) {
            case (.planned, _): event = Event.plannedFirstOperational
            case (_, true): event = Event.firstOperationalPlannedDate
            case (_, false): event = Event.firstOperational
            }
            milestones.append(Milestone(date: f.date, event: event, done: status != .planned))
        }
        let dateNote = row[EpochColumn.firstOperationalDateNote]
        if !dateNote.isEmpty && EpochDate.note(dateNote) == nil && dateNote.lowercased() != "planned" {
            notes.append("First operational: \(dateNote)")
        }
        if let raw = row.value(EpochColumn.firstOperationalDate), EpochDate.cell(raw) == nil {
            notes.append("First Operational Date \(FeedIssue.quote(raw)) is not a date.")
        }
        if status == .decommissioned {
            let raw = row[EpochColumn.decommissionedDate]
            if let d = EpochDate.cell(raw) {
                guard EpochDate.plausibleYears.contains(d.year) else {
                    return .failure(implausible(d, EpochColumn.decommissionedDate))
                }
                milestones.append(Milestone(date: d, event: Event.decommissioned, done: true))
            } else if !raw.isEmpty {
                notes.append("Decommissioned: \(raw)")
            }
            notes.append(
                "Epoch lists this cluster as decommissioned; feed v1 has no such status, so it is shown as cancelled, with its former power as initialMW."
            )
        }

        // The earliest year by which the cluster was public, with where that year comes from. A
        // planned year counts only up to the file's latest year: a plan for 2028 says nothing
        // about when it was made public, but the file itself shows it was public by then.
        var candidates: [(year: Int, from: String)] = []
        if let f = firstOp {
            candidates.append(
                (
                    f.date.year,
                    status == .planned ? AnnouncedFrom.plannedFirstOperational : AnnouncedFrom.firstOperational
                ))
        }
        for column in EpochColumn.sources {
            if let year = EpochDate.captureYear(row[column]) { candidates.append((year, AnnouncedFrom.archiveCapture)) }
        }
        if let year = fallbackYear {
            candidates.append((year, AnnouncedFrom.latestInFile))
        } else {
            candidates.removeAll { $0.from == AnnouncedFrom.plannedFirstOperational }
        }
        // The earliest year; on a tie, the first kind of evidence (min keeps the first of equals).
        guard let earliest = candidates.min(by: { $0.year < $1.year }) else {
            return .failure(
                EpochRejection(
                    row: row, reason: .noDate, detail: "no date in the row, and none in the file to fall back on"))
        }
        // A year Epoch could not mean (`0999`, `Planned 0042`) is refused, not guessed at.
        guard EpochDate.plausibleYears.contains(earliest.year), let announced = PartialDate(String(earliest.year))
        else {
            return .failure(
                EpochRejection(
                    row: row, reason: .badDate,
                    detail:
                        "the year \(earliest.year) is not between \(EpochDate.plausibleYears.lowerBound) and \(EpochDate.plausibleYears.upperBound)"
                ))
        }
        let announcedFrom = earliest.from

        // Power, in the field that fits the status. Epoch mostly calculates power from the
        // chips; only a figure equal to the one reported is a stated number, the rest approximate.
        var power: Double?
        var powerIsApprox = false
        if let column = EpochColumn.powerColumns.first(where: { !row[$0].isEmpty }),
            let v = EpochMapper.number(row[column])
        {
            power = EpochMapper.tidy(v)
            let reported = row.value(EpochColumn.reportedPower).flatMap(EpochMapper.number).map(EpochMapper.tidy)
            powerIsApprox = reported != power
            if column != EpochColumn.power {
                notes.append("Power: from \(column); \(EpochColumn.power) is empty.")
            }
        }
        var capacity = Capacity(confidence: confidence)
        let powerFigure: Citations.Figure
        switch status {
        case .existing:
            capacity.operationalMW = power
            powerFigure = .operationalMW
        case .planned where confidence == .aspirational:
            capacity.targetMW = power
            powerFigure = .targetMW
        case .planned, .decommissioned:
            capacity.initialMW = power
            powerFigure = .initialMW
        }
        if power != nil && powerIsApprox {
            capacity.approx =
                powerFigure == .operationalMW ? .operational : powerFigure == .targetMW ? .target : .initial
        }

        // Money: the hardware cost, in whole US dollars.
        var investment: Investment?
        var investmentIsEstimate = false
        if let column = EpochColumn.costColumns.first(where: { !row[$0].isEmpty }),
            let v = EpochMapper.number(row[column])
        {
            investment = Investment(amount: v.rounded(), currency: "USD")
            if column == EpochColumn.hardwareCost {
                let reported = row.value(EpochColumn.reportedCostAdjusted).flatMap(EpochMapper.number)
                investmentIsEstimate = reported != v
                notes.append(
                    reported == v
                        ? "Investment: hardware cost as reported (inflation-adjusted USD)."
                        : "Investment: hardware cost as estimated by Epoch AI.")
            } else {
                notes.append("Investment: from \(column); \(EpochColumn.hardwareCost) is empty.")
            }
        }

        // Who: owner as sponsor, suppliers as vendors, co-owners, users as customers.
        var partners: [Partner] = []
        func add(_ name: String, _ role: PartnerRole, extra: [JSONField] = []) {
            let key = DealFilter.fold(name)
            guard !name.isEmpty, !partners.contains(where: { $0.role == role && DealFilter.fold($0.name) == key })
            else { return }
            partners.append(Partner(name: name, role: role, extra: extra))
        }
        for column in [EpochColumn.supplierPrimary, EpochColumn.supplierSecondary] {
            let v = row[column]
            if !["", "unknown", "anonymized", "none", "n/a"].contains(v.lowercased()) { add(v, .vendor) }
        }
        let owners = EpochMapper.list(row[EpochColumn.owner])
        for o in owners.dropFirst() { add(o, .other, extra: [JSONField("as", .string("co-owner"))]) }
        let users = EpochMapper.customers(row[EpochColumn.users])
        for u in users ?? [] { add(u, .customer) }

        // Chips: the total, and the primary type (with the secondary one if any).
        var accelerators: Accelerators?
        let types = [row[EpochColumn.chipTypePrimary], row[EpochColumn.chipTypeSecondary]].filter { !$0.isEmpty }
        var count: Int?
        if let total = row.value(EpochColumn.totalChips).flatMap(EpochMapper.number), total < 1e15 {
            count = Int(total.rounded())
        }
        if count != nil || !types.isEmpty {
            accelerators = Accelerators(count: count, type: types.isEmpty ? nil : types.joined(separator: " + "))
        }

        var sources = [EpochMapper.datasetSource]
        for column in EpochColumn.sources {
            let cell = row[column]
            guard !cell.isEmpty else { continue }
            var source = Source()
            if cell.hasPrefix("http://") || cell.hasPrefix("https://") {
                let utf8 = cell.utf8
                let end = utf8.firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ?? utf8.endIndex
                source.url = String(cell[..<end])
                let rest = EpochRow.trim(String(cell[end...]))
                if !rest.isEmpty { source.extra = [JSONField("note", .string(rest))] }
            } else {
                source.title = cell
            }
            if !sources.contains(where: { $0.url == source.url && $0.title == source.title }) { sources.append(source) }
        }

        // Citations: the dataset (source 1) for every figure, with the row's own sources where
        // Epoch took the figure from them; a calculated power figure is Epoch's alone.
        let evidence = [1] + (sources.count > 1 ? Array(2...sources.count) : [])
        var cite = Citations()
        if power != nil { cite[powerFigure] = powerIsApprox ? [1] : evidence }
        if accelerators != nil { cite[.accelerators] = evidence }
        if investment != nil { cite[.investment] = investmentIsEstimate ? [1] : evidence }
        if let owner = owners.first, !owner.isEmpty { cite[.sponsor] = evidence }
        if let site = EpochMapper.site(row[EpochColumn.location]), !site.isEmpty { cite[.site] = evidence }
        // The year comes from the dataset's date columns, or from the archive capture of a source.
        cite[.announced] =
            announcedFrom == AnnouncedFrom.archiveCapture
            ? [1]
                + sources.indices.dropFirst().filter { sources[$0].url.flatMap(EpochDate.captureYear) == earliest.year }
                .map { $0 + 1 }
            : [1]
        for i in milestones.indices { milestones[i].cite = evidence }

        var tags = ["epoch"]
        if row[EpochColumn.supplierPrimary].lowercased() == "anonymized" { tags.append("anonymized") }
        if row[EpochColumn.possibleDuplicate].lowercased() == "true" { tags.append("possible-duplicate") }
        if status == .decommissioned { tags.append("decommissioned") }

        // A name several rows share gets the id's distinguishing suffix, so that list rows tell them apart.
        let name = row[EpochColumn.name]
        var title = EpochMapper.title(name)
        if ids.sharedNames.contains(name) { title += " (" + id.dropFirst(EpochID.base(name).count + 1) + ")" }
        var leading = [JSONField("announcedFrom", .string(announcedFrom))]
        if title != name { leading.append(JSONField(EpochColumn.name, .string(name))) }
        if users == nil { leading.append(JSONField(EpochColumn.users, .string(row[EpochColumn.users]))) }

        let deal = Deal(
            id: id,
            title: title,
            country: country.code,
            announced: announced,
            status: status == .existing ? .operational : status == .planned ? .planned : .cancelled,
            sponsor: owners.first,
            partners: partners,
            site: EpochMapper.site(row[EpochColumn.location]),
            capacity: capacity.isEmpty ? nil : capacity,
            accelerators: accelerators,
            investment: investment,
            milestones: milestones,
            sources: sources,
            tags: tags,
            notes: notes.isEmpty ? nil : notes.joined(separator: "\n"),
            extra: [JSONField(EpochMapper.extraKey, .object(leading + epochFields(row)))],
            // A GPU cluster is a capacity build. Epoch gives no announcement date, only years
            // by which the cluster was public, so the date is never a stated one.
            kind: .build,
            announcedStated: false,
            cite: cite
        )
        if let problem = DealValidator.issues(for: deal, at: id).first(where: \.isError) {
            return .failure(EpochRejection(row: row, reason: .invalidDeal, detail: problem.description))
        }
        return .success(Mapped(deal: deal, announcedIsFallback: announcedFrom == AnnouncedFrom.latestInFile))
    }

    /// The columns without a feed field, under the `epoch` key: numbers as numbers, `True`/`False` as booleans.
    private func epochFields(_ row: EpochRow) -> [JSONField] {
        var columns: [JSONField] = []
        for c in row.header.kept where c.index < row.fields.count {
            let cell = EpochRow.trim(row.fields[c.index])
            guard !cell.isEmpty else { continue }
            columns.append(JSONField(c.name, c.isLink ? links(cell) : EpochMapper.jsonValue(cell)))
        }
        return columns
    }

    /// A link cell as `[{"name": ..., "id": ...}]`; the id only when exactly one imported row has that name.
    private func links(_ cell: String) -> JSONValue {
        // The whole cell names one row, else it is a list (`A,B`).
        let names = linkTargets[EpochID.base(cell)] != nil ? [cell] : EpochMapper.list(cell)
        return .array(
            names.map { name in
                var fields = [JSONField("name", .string(name))]
                if let id = linkTargets[EpochID.base(name)] { fields.append(JSONField("id", .string(id))) }
                return .object(fields)
            })
    }

    // MARK: Text helpers

    /// The items of a list cell: Epoch separates items by a comma with no space after it
    /// (`Academia,Researchers`), while a comma followed by a space is prose (`Aerospace, Defense, and Security`).
    static func list(_ cell: String) -> [String] {
        var items: [String] = []
        var current = ""
        var chars = cell.makeIterator()
        var next = chars.next()
        while let c = next {
            next = chars.next()
            if c == ",", next.map({ !$0.isWhitespace }) ?? true {
                items.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        items.append(current)
        return items.map(EpochRow.trim).filter { !$0.isEmpty }
    }

    /// The customers a `Users` cell names, or nil when it is prose rather than a list of names.
    ///
    /// `industry,academia,and government in Japan` gives three customers; a cell with an item
    /// that reads as a sentence (`Tesla,but "It's probably going to make more sense…`) gives
    /// none, and the importer keeps the cell as written under `epoch` instead.
    static func customers(_ cell: String) -> [String]? {
        var out: [String] = []
        for item in list(cell) {
            var words = item.split(whereSeparator: \.isWhitespace)
            let first = words.first.map { $0.lowercased() } ?? ""
            if ["but", "including", "such", "e.g.", "i.e."].contains(first) || words.count > 6
                || item.contains(where: { "\"“”".contains($0) })
            {
                return nil
            }
            if first == "and" || first == "or" { words.removeFirst() }
            if !words.isEmpty { out.append(words.joined(separator: " ")) }
        }
        return out
    }

    /// The Name as a title: trimmed, a pair of quotes around the whole name removed (`"Jupiter, Jülich"`).
    static func title(_ name: String) -> String {
        var t = EpochRow.trim(name)
        if t.count > 2, t.hasPrefix("\""), t.hasSuffix("\""), !t.dropFirst().dropLast().contains("\"") {
            t = EpochRow.trim(String(t.dropFirst().dropLast()))
        }
        return t
    }

    /// The Location as a site: lines joined with ", "; nil when it is empty or only names a country.
    static func site(_ location: String) -> String? {
        var joined = EpochRow.trim(location)
        if location.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            let lines = location.split(whereSeparator: { $0.isNewline }).map { EpochRow.trim(String($0)) }.filter {
                !$0.isEmpty
            }
            joined = lines.joined(separator: ", ")
        }
        guard !joined.isEmpty, Countries.lookup(joined) == nil else { return nil }
        return joined
    }

    /// A cell as a JSON value: a number when it is a JSON number, a boolean for `True`/`False`, else a string.
    static func jsonValue(_ cell: String) -> JSONValue {
        if cell == "True" { return .bool(true) }
        if cell == "False" { return .bool(false) }
        return isJSONNumber(cell) ? .number(cell) : .string(cell)
    }

    /// True when the text is a number as JSON writes it (`-0.5`, `9.9e+22`; not `.5`, `01`, `1.`).
    static func isJSONNumber(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
            var i = 0
            if i < b.count, b[i] == 0x2D { i += 1 }
            guard isDigit(i) else { return false }
            if b[i] == 0x30 { i += 1 } else { while isDigit(i) { i += 1 } }
            if i < b.count, b[i] == 0x2E {
                i += 1
                guard isDigit(i) else { return false }
                while isDigit(i) { i += 1 }
            }
            if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
                i += 1
                if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
                guard isDigit(i) else { return false }
                while isDigit(i) { i += 1 }
            }
            return i == b.count
        }
    }

    /// The latest year of dated evidence in a row: its source captures and a past first-operational date.
    static func latestYear(of row: EpochRow) -> Int? {
        var years = EpochColumn.sources.compactMap { EpochDate.captureYear(row[$0]) }
        if let s = status(row), s != .planned,
            let f = EpochDate.firstOperational(
                date: row[EpochColumn.firstOperationalDate], note: row[EpochColumn.firstOperationalDateNote]),
            !f.planned
        {
            years.append(f.date.year)
        }
        return years.max()
    }

    // MARK: Merging over a stored deal

    /// The deal to store: the mapped one, keeping what the user added to a stored deal of the same id.
    ///
    /// Kept from the stored deal: `platform` and `models` (Epoch has neither), tags and
    /// milestones the importer does not manage, and deal keys other than `epoch`. An
    /// `announced` that fell back to the file's latest year never moves later than the stored one.
    public static func merge(_ mapped: Mapped, onto base: Deal?) -> Deal {
        guard let base else { return mapped.deal }
        var d = mapped.deal
        d.platform = base.platform
        d.models = base.models
        d.tags += base.tags.filter { !managedTags.contains($0) && !d.tags.contains($0) }
        d.milestones += base.milestones.filter { !managedEvents.contains($0.event) }
        if mapped.announcedIsFallback, base.announced < d.announced,
            case .object(let old)? = base.extra.first(where: { $0.key == extraKey })?.value,
            let from = old.first(where: { $0.key == "announcedFrom" }),
            let e = d.extra.firstIndex(where: { $0.key == extraKey }),
            case .object(var fields) = d.extra[e].value,
            let i = fields.firstIndex(where: { $0.key == "announcedFrom" })
        {
            d.announced = base.announced
            fields[i] = from
            d.extra[e] = JSONField(extraKey, .object(fields))
        }
        let newEpoch = d.extra.first { $0.key == extraKey }!
        var extra = base.extra
        if let i = extra.firstIndex(where: { $0.key == extraKey }) {
            extra[i] = newEpoch
        } else {
            extra.append(newEpoch)
        }
        d.extra = extra
        return d
    }
}
