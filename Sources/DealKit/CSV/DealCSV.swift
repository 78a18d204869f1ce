import Foundation

/// Deals as rows of the feed's CSV columns, and back.
public enum DealCSV {
    public static let columns = [
        "id", "title", "country", "announced", "status", "sponsor", "partners", "vendors",
        "platform", "site", "initial_mw", "target_mw", "operational_mw", "confidence",
        "models", "kind", "products", "approx_mw", "source_urls",
    ]

    /// The `approx_mw` names of the capacity figures, as the columns name them.
    static let approxNames: [(figure: CapacityFigures, name: String)] = [
        (.initial, "initial_mw"), (.target, "target_mw"), (.operational, "operational_mw"),
    ]

    /// The whole CSV document for `deals`, header first (`forDisplay`: see `CSVWriter.line`).
    public static func export(_ deals: [Deal], forDisplay: Bool = false) -> String {
        String(decoding: exportBytes(deals, forDisplay: forDisplay), as: UTF8.self)
    }

    /// Deals per part written on one core.
    static let partSize = 4096

    /// `export` as bytes, the rows written on every core, each part into a buffer of its own.
    ///
    /// `order` gives the positions of the deals to write, in the order to write them (a sort's
    /// result): the deals are read where they are, never copied into a sorted array.
    public static func exportBytes(_ deals: [Deal], order: [Int]? = nil, forDisplay: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        CSVWriter.append(line: columns, to: &out)
        let total = order?.count ?? deals.count
        let parts = (total + partSize - 1) / partSize
        let written: [[UInt8]] = deals.withUnsafeBufferPointer { all in
            // Read in place on every core: a deal copied out of the array retains each of its strings.
            let shared = ReadOnlyBuffer(all)
            return Parallel.map(parts) { k in
                let every = shared.buffer
                var bytes: [UInt8] = []
                // Room enough for long rows: pages reserved and never written cost nothing.
                bytes.reserveCapacity(min(total - k * partSize, partSize) * 1024)
                var scratch: [UInt8] = []
                for i in k * partSize..<min(total, (k + 1) * partSize) {
                    // Passed where it is, not bound to a name: a `let` would copy the deal.
                    let at = order?[i] ?? i
                    if forDisplay {
                        CSVWriter.append(line: row(every[at]), forDisplay: true, to: &bytes)
                    } else {
                        append(row: every[at], to: &bytes, scratch: &scratch)
                    }
                }
                return bytes
            }
        }
        out.reserveCapacity(out.count + written.reduce(0) { $0 + $1.count })
        for part in written { out += part }
        return out
    }

    /// The bytes `CSVWriter.append(line: row(d))` writes, without making the cells as Strings
    /// (19 a row, most of them lists joined): a list cell is gathered in `scratch`, reused
    /// from row to row, then written as any cell is.
    static func append(row d: Deal, to out: inout [UInt8], scratch: inout [UInt8]) {
        func cell(_ s: String) { CSVWriter.append(field: s, to: &out) }
        func item(_ s: String, first: Bool, suffix: String? = nil) {
            var s = s
            s.withUTF8 { DealCSV.item($0, first: first, suffix: suffix, to: &scratch) }
        }
        func list(_ items: [String]) {
            for (i, s) in items.enumerated() { item(s, first: i == 0) }
            flush(&scratch, to: &out)
        }
        func next() { out.append(UInt8(ascii: ",")) }

        var (id, title, country) = (d.id, d.title, d.country)
        id.withUTF8 { id in
            title.withUTF8 { title in
                country.withUTF8 { country in
                    head(id, title, country, d.announced, stated: d.announcedStated, d.status, &out, &scratch)
                }
            }
        }
        if let s = d.sponsor { cell(s) }
        next()
        var first = true
        for p in d.partners where p.role != .vendor {
            item(p.name, first: first, suffix: p.role.rawValue)
            first = false
        }
        flush(&scratch, to: &out)
        next()
        first = true
        for p in d.partners where p.role == .vendor {
            item(p.name, first: first)
            first = false
        }
        flush(&scratch, to: &out)
        next()
        if let s = d.platform { cell(s) }
        next()
        if let s = d.site { cell(s) }
        next()
        mw(d.capacity?.initialMW, to: &out)
        next()
        mw(d.capacity?.targetMW, to: &out)
        next()
        mw(d.capacity?.operationalMW, to: &out)
        next()
        if let c = d.capacity?.confidence { cell(c.rawValue) }
        next()
        list(d.models)
        next()
        if let k = d.kind { cell(k.rawValue) }
        next()
        list(d.products)
        next()
        approx(d.capacity?.approx ?? [], to: &out, scratch: &scratch)
        next()
        first = true
        for s in d.sources {
            guard let url = s.url else { continue }
            item(url, first: first)
            first = false
        }
        flush(&scratch, to: &out)
        out.append(0x0D)
        out.append(0x0A)
    }

    /// `append(row:to:scratch:)` of a deal read where it lies in the index (`IndexedRow`), the
    /// same bytes by the same steps; throws what `IndexReader` throws on bytes that do not read.
    static func append(row d: IndexedRow, to out: inout [UInt8], scratch: inout [UInt8]) throws {
        func cell(_ b: UnsafeBufferPointer<UInt8>) { CSVWriter.append(field: b, to: &out) }
        func cell(_ s: String) { CSVWriter.append(field: s, to: &out) }
        func list(_ at: IndexReader) throws {
            var r = at
            for i in 0..<(try r.count()) { item(try r.stringBytes(), first: i == 0, to: &scratch) }
            flush(&scratch, to: &out)
        }
        /// The partners whose role is (`vendors`) or is not a vendor's, as `item`s.
        func partners(vendors: Bool) throws {
            var r = d.partners
            var first = true
            for _ in 0..<(try r.count()) {
                let name = try r.stringBytes()
                let role = try r.enumCase(PartnerRole.self)
                try IndexedRow.skipPartnerRest(&r)
                guard (role == .vendor) == vendors else { continue }
                item(name, first: first, suffix: vendors ? nil : role.rawValue, to: &scratch)
                first = false
            }
            flush(&scratch, to: &out)
        }
        func next() { out.append(UInt8(ascii: ",")) }

        head(d.id, d.title, d.country, d.announced, stated: d.announcedStated, d.status, &out, &scratch)
        if let s = d.sponsor { cell(s) }
        next()
        try partners(vendors: false)
        next()
        try partners(vendors: true)
        next()
        if let s = d.platform { cell(s) }
        next()
        if let s = d.site { cell(s) }
        next()
        mw(d.initialMW, to: &out)
        next()
        mw(d.targetMW, to: &out)
        next()
        mw(d.operationalMW, to: &out)
        next()
        if let c = d.confidence { cell(c.rawValue) }
        next()
        try list(d.models)
        next()
        if let k = d.kind { cell(k.rawValue) }
        next()
        try list(d.products)
        next()
        approx(d.approx, to: &out, scratch: &scratch)
        next()
        var sources = d.sources
        var first = true
        try sources.skipList { s in
            try IndexedRow.skipSource(&s) { url in
                item(url, first: first, to: &scratch)
                first = false
            }
        }
        flush(&scratch, to: &out)
        out.append(0x0D)
        out.append(0x0A)
    }

    // The steps both row writers share.

    /// Adds a list item to `scratch`: `CSVWriter.list`, every item after the first neutralised
    /// as its own cell would be; `suffix` (`name:role`) after it, the mark depending on the
    /// name alone, which starts the item.
    private static func item(
        _ b: UnsafeBufferPointer<UInt8>, first: Bool, suffix: String? = nil, to scratch: inout [UInt8]
    ) {
        if !first {
            scratch.append(UInt8(ascii: ";"))
            if CSVWriter.needsMark(b) { scratch.append(UInt8(ascii: "'")) }
        }
        scratch.append(contentsOf: b)
        if let suffix {
            scratch.append(UInt8(ascii: ":"))
            scratch.append(contentsOf: suffix.utf8)
        }
    }

    /// Writes the cell gathered in `scratch` as any cell is, and empties it for the next.
    private static func flush(_ scratch: inout [UInt8], to out: inout [UInt8]) {
        scratch.withUnsafeBufferPointer { CSVWriter.append(field: $0, to: &out) }
        scratch.removeAll(keepingCapacity: true)
    }

    /// The cells every row starts with, each followed by its comma: id, title, country,
    /// announced (`announcedText`: `≤` first when the date is not stated), status.
    private static func head(
        _ id: UnsafeBufferPointer<UInt8>, _ title: UnsafeBufferPointer<UInt8>, _ country: UnsafeBufferPointer<UInt8>,
        _ date: PartialDate, stated: Bool, _ status: DealStatus, _ out: inout [UInt8], _ scratch: inout [UInt8]
    ) {
        func cell(_ b: UnsafeBufferPointer<UInt8>) {
            CSVWriter.append(field: b, to: &out)
            out.append(UInt8(ascii: ","))
        }
        cell(id)
        cell(title)
        cell(country)
        if !stated { scratch.append(contentsOf: "≤".utf8) }
        date.withText { scratch.append(contentsOf: $0) }
        flush(&scratch, to: &out)
        out.append(UInt8(ascii: ","))
        CSVWriter.append(field: status.rawValue, to: &out)
        out.append(UInt8(ascii: ","))
    }

    /// A megawatt cell: the figure as the feed writes it, nothing when unknown.
    private static func mw(_ v: Double?, to out: inout [UInt8]) {
        if let v { CSVWriter.append(field: JSONWriter.format(v), to: &out) }
    }

    /// The `approx_mw` cell: the names of the approximate figures, `;` between.
    private static func approx(_ approx: CapacityFigures, to out: inout [UInt8], scratch: inout [UInt8]) {
        guard !approx.isEmpty else { return }
        var first = true
        for (figure, name) in approxNames where approx.contains(figure) {
            // Fixed names: none needs a mark, and they are joined as they are.
            if !first { scratch.append(UInt8(ascii: ";")) }
            scratch.append(contentsOf: name.utf8)
            first = false
        }
        flush(&scratch, to: &out)
    }

    /// One deal's cells, in `columns` order.
    public static func row(_ d: Deal) -> [String] {
        func mw(_ v: Double?) -> String { v.map(JSONWriter.format) ?? "" }
        return [
            d.id, d.title, d.country, d.announcedText, d.status.rawValue, d.sponsor ?? "",
            CSVWriter.list(d.otherPartners.map { "\($0.name):\($0.role.rawValue)" }),
            CSVWriter.list(d.vendors),
            d.platform ?? "", d.site ?? "",
            mw(d.capacity?.initialMW), mw(d.capacity?.targetMW), mw(d.capacity?.operationalMW),
            d.capacity?.confidence?.rawValue ?? "",
            CSVWriter.list(d.models),
            d.kind?.rawValue ?? "",
            CSVWriter.list(d.products),
            approxNames.filter { d.capacity?.approx.contains($0.figure) ?? false }.map(\.name).joined(separator: ";"),
            CSVWriter.list(d.sources.compactMap(\.url)),
        ]
    }

    /// The fields one CSV row gives; nil for a column the file does not have.
    public struct Row: Sendable {
        public var line: Int
        public var values: [String: String]

        public func has(_ column: String) -> Bool { values[column] != nil }
    }

    /// Reads a CSV document into rows keyed by column name; the header must name `id`.
    public static func read(_ data: [UInt8]) throws -> [Row] {
        var reader = try Reader(data)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// The rows of a CSV document one at a time, so that a file of millions of rows is read
    /// in the memory of one (`read` keeps them all). The header is checked when it is made.
    public struct Reader: Sendable {
        /// The header's column names, trimmed and lowercased; "" for an unnamed column.
        public let names: [String]
        private var records: CSVReader

        /// A reader past the header of `data`, which must name `id`, only known columns, none twice.
        public init(_ data: [UInt8]) throws {
            records = try CSVReader(data)
            guard let header = try records.next() else {
                names = []
                return
            }
            names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard names.contains("id") else {
                throw CSVError(line: header.line, message: "the header has no \"id\" column")
            }
            if let u = names.first(where: { !columns.contains($0) && !$0.isEmpty }) {
                throw CSVError(
                    line: header.line,
                    message: "unknown column \(FeedIssue.quote(u)); the columns are: \(columns.joined(separator: ","))")
            }
            var seen: Set<String> = []
            for name in names where !name.isEmpty && !seen.insert(name).inserted {
                throw CSVError(line: header.line, message: "the header names \(FeedIssue.quote(name)) twice")
            }
        }

        /// The next row; nil at the end of the document.
        public mutating func next() throws -> Row? {
            guard !names.isEmpty, let rec = try records.next() else { return nil }
            // A short row would read as empty cells, and an empty cell clears its field: every
            // row must have exactly the header's cells, as the header says what each one changes.
            guard rec.fields.count == names.count else {
                throw CSVError(
                    line: rec.line,
                    message:
                        "row has \(rec.fields.count) cell\(rec.fields.count == 1 ? "" : "s"), the header has \(names.count)"
                )
            }
            var values: [String: String] = [:]
            for (i, name) in names.enumerated() where !name.isEmpty {
                values[name] = CSVWriter.restore(rec.fields[i])
            }
            return Row(line: rec.line, values: values)
        }
    }

    /// Applies a row to a deal (a new one when `base` is nil), changing only the columns present.
    /// Problems are returned as messages `column: message`.
    public static func apply(_ row: Row, to base: Deal?) -> (deal: Deal, problems: [String]) {
        var problems: [String] = []
        let id = (row.values["id"] ?? "").trimmingCharacters(in: .whitespaces)
        var d = base ?? Deal(id: id, title: "", country: "", announced: PartialDate(year: 1, month: 1, day: 1))
        func cell(_ c: String) -> String? { row.values[c].map { $0.trimmingCharacters(in: .whitespaces) } }
        func optional(_ c: String) -> String?? {
            guard let v = cell(c) else { return .none }
            return .some(v.isEmpty ? nil : v)
        }
        if let p = DealValidator.idProblem(id) { problems.append("id: \(p)") }
        if let v = cell("title") {
            if let p = DealValidator.textProblem(v) { problems.append("title: \(p)") } else { d.title = v }
        }
        if base == nil && cell("title") == nil { problems.append("title: missing (a new deal needs a title column)") }
        if let v = cell("country") {
            if let c = Countries.lookup(v) {
                d.country = c.code
            } else {
                d.country = v
                problems.append("country: \(DealValidator.countryProblem(v) ?? "")")
            }
        } else if base == nil {
            problems.append("country: missing (a new deal needs a country column)")
        }
        if let v = cell("announced") {
            // `≤2026-06-07`: not stated, public by then (as export writes `announcedBy`).
            let unstated = v.hasPrefix("≤")
            if let date = PartialDate(unstated ? String(v.dropFirst()) : v) {
                d.announced = date
                d.announcedStated = !unstated
            } else {
                problems.append("announced: \(DealValidator.partialDateProblem(v) ?? "")")
            }
        } else if base == nil {
            problems.append("announced: missing (a new deal needs an announced column)")
        }
        if let v = cell("status") {
            if v.isEmpty {
                d.status = .announced
            } else if let s = DealStatus(rawValue: v.lowercased()) {
                d.status = s
            } else {
                problems.append("status: \(DealValidator.enumProblem(v, allowed: DealStatus.allowedList))")
            }
        }
        if case .some(let v) = optional("sponsor") { d.sponsor = v }
        if case .some(let v) = optional("platform") { d.platform = v }
        if case .some(let v) = optional("site") { d.site = v }
        if row.has("partners") || row.has("vendors") {
            var partners: [Partner] = []
            func add(_ p: Partner) {
                guard
                    !partners.contains(where: {
                        DealFilter.fold($0.name) == DealFilter.fold(p.name) && $0.role == p.role
                    })
                else { return }
                var p = p
                if let old = d.partners.first(where: { $0.name == p.name && $0.role == p.role }) {
                    p.extra = old.extra
                    p.supplies = old.supplies
                    p.to = old.to
                }
                partners.append(p)
            }
            for v in list(cell("vendors") ?? "") { add(Partner(name: v, role: .vendor)) }
            for item in list(cell("partners") ?? "") {
                if let colon = item.lastIndex(of: ":"),
                    let role = PartnerRole(
                        rawValue: item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased())
                {
                    let name = item[..<colon].trimmingCharacters(in: .whitespaces)
                    if name.isEmpty {
                        problems.append("partners: \(FeedIssue.quote(item)) has no name")
                    } else {
                        add(Partner(name: name, role: role))
                    }
                } else {
                    add(Partner(name: item, role: .other))
                }
            }
            if !row.has("vendors") { partners += d.partners.filter { $0.role == .vendor && !partners.contains($0) } }
            if !row.has("partners") { partners += d.partners.filter { $0.role != .vendor && !partners.contains($0) } }
            d.partners = partners
        }
        var capacity = d.capacity ?? Capacity()
        for (column, key) in [
            ("initial_mw", \Capacity.initialMW), ("target_mw", \Capacity.targetMW),
            ("operational_mw", \Capacity.operationalMW),
        ] {
            guard let v = cell(column) else { continue }
            if v.isEmpty {
                capacity[keyPath: key] = nil
                if let f = approxNames.first(where: { $0.name == column }) { capacity.approx.remove(f.figure) }
                continue
            }
            // The number grammar every entry path shares: "1,500" is 1500, "1,5" is refused.
            switch NumberGrammar.parse(v) {
            case .success(let n):
                if let p = DealValidator.megawattProblem(n) {
                    problems.append("\(column): \(p)")
                } else {
                    capacity[keyPath: key] = n
                }
            case .failure(let refusal):
                problems.append("\(column): \(refusal)")
            }
        }
        if let v = cell("confidence") {
            if v.isEmpty {
                capacity.confidence = nil
            } else if let c = Confidence(rawValue: v.lowercased()) {
                capacity.confidence = c
            } else {
                problems.append("confidence: \(DealValidator.enumProblem(v, allowed: Confidence.allowedList))")
            }
        }
        if let v = cell("approx_mw") {
            capacity.approx = []
            for name in list(v) {
                if let f = approxNames.first(where: { $0.name == name.lowercased() }) {
                    capacity.approx.insert(f.figure)
                } else {
                    problems.append(
                        "approx_mw: \(DealValidator.enumProblem(name, allowed: approxNames.map(\.name).joined(separator: ", ")))"
                    )
                }
            }
        }
        d.capacity = capacity.isEmpty ? nil : capacity
        if let v = cell("models") { d.models = list(v) }
        if let v = cell("products") { d.products = list(v) }
        if let v = cell("kind") {
            if v.isEmpty {
                d.kind = nil
            } else if let k = DealKind(rawValue: v.lowercased()) {
                d.kind = k
            } else {
                problems.append("kind: \(DealValidator.enumProblem(v, allowed: DealKind.allowedList))")
            }
        }
        if let v = cell("source_urls") {
            let urls = list(v)
            var sources = d.sources.filter { $0.url == nil }
            for u in urls { sources.append(d.sources.first { $0.url == u } ?? Source(url: u)) }
            d.sources = sources
        }
        return (d, problems)
    }

    /// The items of a `;`-separated cell, trimmed, empty ones dropped, the neutralisation of
    /// each item after the first (`CSVWriter.list`) undone.
    public static func list(_ s: String) -> [String] {
        s.split(separator: ";").enumerated().map { i, item in
            let t = item.trimmingCharacters(in: .whitespaces)
            return i == 0 ? t : CSVWriter.restore(t)
        }.filter { !$0.isEmpty }
    }
}
