import DealKit

/// SplitMix64: tiny, fast, and the same sequence on every platform and Swift version
/// (unlike `Int.random(in:using:)`, whose algorithm the standard library may change).
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (n > 0), by multiply-shift: no modulo bias worth measuring.
    mutating func below(_ n: Int) -> Int {
        Int(((next() >> 32) &* UInt64(n)) >> 32)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An item drawn with the weights of a ``WeightedTable``.
    mutating func pick<T>(_ table: WeightedTable<T>) -> T { table.item(at: below(table.total)) }
}

/// Items with integer weights, drawn in O(log n).
struct WeightedTable<T: Sendable>: Sendable {
    let items: [T]
    let cumulative: [Int]
    var total: Int { cumulative.last ?? 0 }

    init(_ pairs: [(T, Int)]) {
        items = pairs.map(\.0)
        var sum = 0
        cumulative = pairs.map {
            sum += $0.1
            return sum
        }
    }

    func item(at x: Int) -> T {
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return items[lo]
    }
}

/// Realistic synthetic feeds of any size, the same bytes for the same seed and size.
///
/// Shaped like the real data (the bundled dataset and the Epoch import): 60 countries with
/// a long tail, 15 vendors with NVIDIA dominant, every precision of partial date, about a
/// quarter of deals with no megawatt figure at all and more with some figures unknown,
/// Hangul, Japanese, Chinese and Arabic names in about 10% of titles and sponsors, partners
/// with roles, models, milestones, sources with URLs, and keys this version does not know
/// (in deals, partners, capacities, sources and at the top level). About 1 KB per deal.
struct FeedGenerator {
    /// Countries and their weights: a few big players and a long tail, as in real trackers.
    static let countries = WeightedTable<String>([
        ("US", 120), ("CN", 70), ("GB", 45), ("FR", 45), ("KR", 40), ("JP", 40), ("DE", 38), ("IN", 38),
        ("SA", 30), ("AE", 30), ("CA", 24), ("AU", 20), ("SG", 18), ("IT", 16), ("ES", 16), ("NL", 14),
        ("SE", 12), ("NO", 12), ("FI", 10), ("DK", 10), ("CH", 10), ("EU", 12), ("TW", 14), ("IL", 10),
        ("BR", 14), ("MX", 10), ("ID", 12), ("MY", 12), ("TH", 10), ("VN", 10), ("PL", 8), ("AT", 6),
        ("BE", 6), ("IE", 8), ("PT", 6), ("TR", 8), ("QA", 8), ("KW", 5), ("BH", 4), ("OM", 4),
        ("EG", 6), ("MA", 5), ("NG", 6), ("KE", 6), ("ZA", 7), ("AR", 5), ("CL", 5), ("CO", 5),
        ("PH", 6), ("NZ", 4), ("KZ", 4), ("UZ", 3), ("UA", 3), ("CZ", 4), ("GR", 4), ("RO", 4),
        ("HU", 3), ("PK", 4), ("BD", 3), ("HK", 4),
    ])

    static let vendors = WeightedTable<String>([
        ("NVIDIA", 100), ("AMD", 22), ("Intel", 10), ("Microsoft", 14), ("Google", 12),
        ("Amazon Web Services", 12), ("Oracle", 9), ("Dell Technologies", 9),
        ("Hewlett Packard Enterprise", 8), ("Supermicro", 8), ("Cisco", 5), ("Arm", 5),
        ("Cerebras", 4), ("Groq", 4), ("Huawei", 10),
    ])

    static let latinOrgs = [
        "NAVER", "SK Telecom", "SK hynix", "Mistral AI", "Sesterce", "SoftBank", "Humain", "G42",
        "Reliance Jio", "Yotta", "Telefónica", "Deutsche Telekom", "Orange", "Swisscom", "Telenor",
        "Fastweb", "Nscale", "Nebius", "Scaleway", "OVHcloud", "Aleph Alpha", "Sakura Internet",
        "KDDI", "Fujitsu", "Tata Communications", "YTL Power", "Indosat Ooredoo", "Ooredoo", "e&",
        "Core42", "Saudi Data & AI Authority", "Ministry of Digital Affairs", "National AI Office",
        "Cassava Technologies", "Telkom", "Safaricom", "Stargate UAE", "Crusoe", "CoreWeave",
        "Lambda", "Equinix", "Digital Realty", "Iliad", "Schneider Electric", "Siemens", "Élysée Numérique",
        "Gulf Data Hub", "Khazna", "Aramco Digital", "Samsung SDS", "KT Cloud", "LG CNS", "Kakao",
    ]

    /// Names in scripts that take two columns (or read right to left): a tenth of titles and sponsors.
    static let wideOrgs = [
        "네이버", "SK텔레콤", "카카오", "삼성SDS", "KT클라우드", "LG유플러스", "ソフトバンク", "さくらインターネット",
        "富士通", "楽天グループ", "鴻海精密", "中华电信", "هيوماين", "مجموعة G42", "أرامكو الرقمية", "الهيئة السعودية للبيانات",
    ]

    static let platforms = [
        "NVIDIA DSX", "DGX SuperPOD", "GB300 NVL72", "GB200 NVL72", "MI355X cluster",
        "HGX B200", "Gaudi 3 cluster", "TPU v6 pod", "Trainium2 UltraCluster", "Ascend 910C",
    ]
    static let accelerators = [
        "GB300", "GB200", "B200", "H200", "H100", "MI355X", "MI300X", "Gaudi 3", "TPU v6", "Ascend 910C",
    ]
    static let siteWords = [
        "North", "Harbour", "Valley", "Gateway", "Campus", "Park", "Ridge", "Bay", "Delta", "Lakeside",
    ]
    static let cities = [
        "Sejong", "Gwangju", "Osaka", "Hokkaido", "Riyadh", "Abu Dhabi", "Mumbai", "Chennai",
        "Paris-Saclay", "Grenoble", "Frankfurt", "Oslo", "Stavanger", "Johor", "Batam", "Querétaro",
        "Nairobi", "Lagos", "Cairo", "Casablanca", "Sines", "Milan", "Madrid", "Lisbon", "Dublin",
        "Tel Aviv", "Doha", "Almaty", "Tashkent", "Montréal", "Sydney", "Auckland", "Santiago",
    ]
    static let titleKinds = [
        "sovereign AI factory", "national AI cloud", "AI supercomputer", "gigawatt AI campus",
        "sovereign GPU cloud", "AI data-center build-out", "national LLM compute programme",
        "AI gigafactory", "public-sector AI cloud", "research AI supercomputer",
    ]
    static let models = [
        "HyperCLOVA X", "Nemotron 3 Ultra", "Seoul World Model", "Cosmos", "Mistral Large",
        "Falcon 3", "Jais", "ALLaM", "Sarvam-M", "BharatGPT", "Tsuzumi", "Sakana", "EXAONE",
        "A.X", "SEA-LION", "Swallow", "OpenEuroLLM", "Poro", "Viking", "Llama 4", "Qwen 3",
    ]
    static let wideModels = ["하이퍼클로바X", "엑사원", "つづみ", "通义千问"]
    static let tags = [
        "sovereign-ai", "ai-factory", "llm", "world-model", "agentic-ai", "telco", "public-sector",
        "research", "energy", "nuclear", "hydro", "supply-chain", "memory", "edge", "cloud",
    ]
    static let publishers = [
        "Reuters", "Bloomberg", "The Quantum Dispatch", "The Neuron", "Data Center Dynamics",
        "Nikkei Asia", "The Korea Herald", "Les Echos", "Handelsblatt", "Gulf News",
        "Economic Times", "Company press release", "Government gazette",
    ]
    static let hosts = [
        "reuters.com", "bloomberg.com", "datacenterdynamics.com", "asia.nikkei.com",
        "koreaherald.com", "lesechos.fr", "handelsblatt.com", "gulfnews.com",
        "economictimes.indiatimes.com", "nvidianews.nvidia.com", "gov.example",
    ]
    static let events = [
        "Groundbreaking", "First phase online", "Financing closed", "Power purchase agreement signed",
        "Site selected", "Permits granted", "Phase two construction starts", "Model release",
        "Customer onboarding opens", "Grid connection",
    ]
    static let noteFragments = [
        "The first phase is committed; the gigawatt figure is an ambition until capital commitments are confirmed.",
        "Sources disagree on the date; the least precise consistent date is recorded.",
        "Power is to come from a mix of grid supply and on-site generation.",
        "The operator serves enterprises, industries and government customers in the country.",
        "No investment figure has been stated by either party.",
        "Capacity figures are quoted at the IT load, not the facility's grid connection.",
        "The announcement came during a state visit and repeats an earlier memorandum of understanding.",
        "Local reporting names a second site that is not yet confirmed.",
    ]

    var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    /// A whole feed of `count` deals, valid under feed v1 (a few source-less deals give warnings),
    /// ordered by id like a saved store.
    mutating func feed(deals count: Int) -> Feed {
        var deals: [Deal] = []
        deals.reserveCapacity(count)
        for i in 0..<count { deals.append(deal(index: i)) }
        // In id order, as `Store` saves every store: the feed is what a store of this size looks like.
        deals.sort { $0.id < $1.id }
        return Feed(
            updated: PartialDate("2026-06-10"), deals: deals,
            extra: [
                JSONField(
                    "x-generator",
                    .object([
                        JSONField("name", .string("sovtrack-bench")),
                        JSONField("deals", .number(String(count))),
                    ]))
            ])
    }

    private mutating func org() -> String {
        rng.chance(0.10) ? rng.pick(FeedGenerator.wideOrgs) : rng.pick(FeedGenerator.latinOrgs)
    }

    private mutating func date(from: Int = 2019, to: Int = 2027) -> PartialDate {
        let y = rng.int(from...to)
        let text: String
        switch rng.below(100) {
        case 0..<10: text = "\(y)"
        case 10..<20: text = "\(y)-H\(rng.int(1...2))"
        case 20..<35: text = "\(y)-Q\(rng.int(1...4))"
        case 35..<60: text = "\(y)-\(two(rng.int(1...12)))"
        default:
            let m = rng.int(1...12)
            text = "\(y)-\(two(m))-\(two(rng.int(1...PartialDate.daysIn(month: m, year: y))))"
        }
        return PartialDate(text)!
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private mutating func megawatts(_ range: ClosedRange<Int>) -> Double {
        // Mostly round figures, some with a decimal as sources quote them.
        let base = Double(rng.int(range))
        return rng.chance(0.15) ? base + Double(rng.int(1...9)) / 10 : (base / 5).rounded() * 5
    }

    mutating func deal(index: Int) -> Deal {
        let r = FeedGenerator.self
        let country = rng.pick(r.countries)
        let vendor = rng.pick(r.vendors)
        let sponsor = org()
        let city = rng.pick(r.cities)
        let kind = rng.pick(r.titleKinds)
        var title = "\(sponsor) \(kind) with \(vendor) in \(city)"
        if rng.chance(0.02) { title = rng.pick(r.wideOrgs) + " " + title }
        let id = "\(country.lowercased())-\(slug(kind))-\(index)"

        var d = Deal(id: id, title: title, country: country, announced: date())
        d.status =
            [DealStatus.announced, .announced, .planned, .underConstruction, .operational, .cancelled][rng.below(6)]
        if rng.chance(0.85) { d.sponsor = sponsor }

        var partners = [Partner(name: vendor, role: .vendor)]
        if rng.chance(0.35) {
            let second = rng.pick(r.vendors)
            if second != vendor { partners.append(Partner(name: second, role: .vendor)) }
        }
        if rng.chance(0.7) { partners.append(Partner(name: sponsor, role: .operator)) }
        for _ in 0..<[0, 0, 1, 1, 2][rng.below(5)] {
            let role = [PartnerRole.investor, .government, .customer, .other][rng.below(4)]
            var p = Partner(name: org(), role: role)
            if rng.chance(0.03) { p.extra = [JSONField("share", .number("0.\(rng.int(1...9))5"))] }
            partners.append(p)
        }
        d.partners = partners

        if rng.chance(0.6) { d.platform = rng.pick(r.platforms) }
        if rng.chance(0.7) { d.site = "\(city) \(rng.pick(r.siteWords))" }

        // A quarter of deals state no figure at all; of the rest, many leave one or two unknown.
        if rng.chance(0.75) {
            var c = Capacity()
            let initial = megawatts(5...300)
            if rng.chance(0.8) { c.initialMW = initial }
            if rng.chance(0.6) { c.targetMW = initial + megawatts(0...1500) }
            if d.status == .operational || rng.chance(0.1) { c.operationalMW = min(initial, megawatts(1...200)) }
            if c.initialMW == nil && c.targetMW == nil && c.operationalMW == nil { c.targetMW = megawatts(10...2000) }
            if c.targetMW != nil, rng.chance(0.8) {
                c.confidence = [Confidence.confirmed, .reported, .aspirational][rng.below(3)]
            }
            if rng.chance(0.02) { c.extra = [JSONField("x-pue", .number("1.\(rng.int(10...40))"))] }
            d.capacity = c
        } else if rng.chance(0.3) {
            // Written out as all-null figures, as some importers do.
            d.capacity = Capacity()
        }

        if rng.chance(0.4) {
            d.accelerators = Accelerators(
                count: rng.chance(0.8) ? rng.int(1...100) * 1000 : nil,
                type: rng.pick(r.accelerators))
        }
        if rng.chance(0.3) {
            d.investment = Investment(
                amount: Double(rng.int(1...400)) * 25_000_000,
                currency: ["USD", "EUR", "KRW", "JPY", "SAR", "AED", "INR", "GBP"][rng.below(8)])
        }
        var models: [String] = []
        for _ in 0..<rng.int(0...3) {
            let m = rng.chance(0.08) ? rng.pick(r.wideModels) : rng.pick(r.models)
            if !models.contains(m) { models.append(m) }
        }
        d.models = models
        var milestones: [Milestone] = []
        for _ in 0..<rng.int(0...2) {
            milestones.append(
                Milestone(date: date(from: 2024, to: 2030), event: rng.pick(r.events), done: rng.chance(0.4)))
        }
        d.milestones = milestones
        var sources: [Source] = []
        // About 2% have no source: a warning, as in real imports.
        let sourceCount = rng.chance(0.02) ? 0 : [1, 1, 1, 1, 1, 1, 2, 2, 2, 3][rng.below(10)]
        for k in 0..<sourceCount {
            let host = rng.pick(r.hosts)
            var s = Source(
                title: k == 0 ? "\(sponsor) and \(vendor) announce \(kind)" : "\(sponsor) \(kind) update",
                publisher: rng.chance(0.8) ? rng.pick(r.publishers) : nil,
                url: rng.chance(0.9) ? "https://\(host)/\(d.announced.year)/\(id)-\(k)" : nil,
                date: rng.chance(0.7) ? date(from: 2019, to: 2027) : nil)
            if rng.chance(0.02) { s.extra = [JSONField("archived", .bool(true))] }
            sources.append(s)
        }
        d.sources = sources
        var tags: [String] = []
        for _ in 0..<rng.int(1...4) {
            let t = rng.pick(r.tags)
            if !tags.contains(t) { tags.append(t) }
        }
        d.tags = tags
        if rng.chance(0.5) {
            var notes = ""
            for _ in 0..<rng.int(1...2) {
                if !notes.isEmpty { notes += " " }
                notes += rng.pick(r.noteFragments)
            }
            d.notes = notes
        }
        if rng.chance(0.05) {
            d.extra = [
                JSONField(
                    "x-review",
                    .object([
                        JSONField("by", .string(rng.pick(["desk-a", "desk-b", "editor"]))),
                        JSONField("score", .number("\(rng.int(1...5)).\(rng.int(0...9))")),
                        JSONField("flags", .array([.string("check-mw"), .null])),
                    ]))
            ]
        }
        return d
    }

    private func slug(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
