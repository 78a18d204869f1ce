import DealKit
import Foundation

/// Feeds for tests: generated ones of any size (the same for the same seed), and feed documents
/// written as JSON text, for inputs that no `Feed` value can hold (unknown keys, wrong types).
public enum FeedBuilder {
    /// A deterministic feed of `count` varied deals: countries, vendors, statuses, unknown MW, partial dates.
    public static func generated(_ count: Int, seed: UInt64 = 42) -> Feed {
        var rng = SplitMix64(seed: seed)
        let countries = ["KR", "JP", "FR", "GB", "DE", "IN", "SA", "AE", "US", "BR", "CA", "TW", "SG", "IT", "ES"]
        let vendors = ["NVIDIA", "AMD", "Intel", "nvidia", "Cerebras", "Groq", "Huawei", "삼성전자"]
        let others = ["NAVER", "SoftBank", "Mistral AI", "G42", "Humain", "Reliance", "Orange", "SK Telecom"]
        let words = [
            "sovereign", "AI", "factory", "cloud", "campus", "gigawatt", "data", "center", "supercomputer", "Élysée",
            "네이버", "鴻海",
        ]
        let dates = [
            "2024", "2025-H1", "2025-Q3", "2025-07", "2025-11-02", "2026", "2026-H2", "2026-Q1", "2026-03-15", "2027",
        ]
        var deals: [Deal] = []
        deals.reserveCapacity(count)
        for i in 0..<count {
            let title = (0..<Int(rng.next() % 4 + 3)).map { _ in words[Int(rng.next() % UInt64(words.count))] }
                .joined(separator: " ")
            var partners: [Partner] = []
            for _ in 0..<Int(rng.next() % 3) {
                partners.append(Partner(name: vendors[Int(rng.next() % UInt64(vendors.count))], role: .vendor))
            }
            for _ in 0..<Int(rng.next() % 3) {
                partners.append(Partner(name: others[Int(rng.next() % UInt64(others.count))], role: .operator))
            }
            func mw() -> Double? { rng.next() % 3 == 0 ? nil : Double(rng.next() % 2000) }
            let cap = Capacity(
                initialMW: mw(), targetMW: mw(), operationalMW: rng.next() % 4 == 0 ? mw() : nil,
                confidence: rng.next() % 4 == 0 ? nil : Confidence.allCases[Int(rng.next() % 3)])
            var milestones: [Milestone] = []
            for _ in 0..<Int(rng.next() % 3) {
                milestones.append(
                    Milestone(
                        date: PartialDate(dates[Int(rng.next() % UInt64(dates.count))])!,
                        event: "phase \(rng.next() % 9)", done: rng.next() % 2 == 0))
            }
            deals.append(
                Deal(
                    id: String(format: "deal-%06d", (i * 7919) % max(count, 1)),
                    title: title, country: countries[Int(rng.next() % UInt64(countries.count))],
                    announced: PartialDate(dates[Int(rng.next() % UInt64(dates.count))])!,
                    status: DealStatus.allCases[Int(rng.next() % 5)],
                    sponsor: rng.next() % 3 == 0 ? nil : others[Int(rng.next() % UInt64(others.count))],
                    partners: partners, site: rng.next() % 2 == 0 ? "Site \(rng.next() % 50)" : nil,
                    capacity: cap, models: rng.next() % 2 == 0 ? ["Model \(rng.next() % 30)"] : [],
                    milestones: milestones, tags: ["tag\(rng.next() % 10)"]))
        }
        return Feed(deals: deals)
    }

    /// A JSON string literal: controls as `\u` escapes (as JSON requires), the rest raw,
    /// or with `escapeAll` every non-ASCII scalar escaped too.
    public static func json(_ s: String, escapeAll: Bool = false) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value < 0x20 || (escapeAll && u.value >= 0x7F) {
                    if u.value > 0xFFFF {
                        let v = u.value - 0x10000
                        out += String(format: "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
                    } else {
                        out += String(format: "\\u%04x", u.value)
                    }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A valid deal as JSON text whose `field` holds `value` (raw JSON).
    public static func dealJSON(id: String, field: String? = nil, value: String? = nil) -> String {
        dealJSON(id: id, overrides: field.map { [($0, value ?? "null")] } ?? [])
    }

    /// A valid deal as JSON text with each `(field, raw JSON)` of `overrides` in place of the valid value.
    public static func dealJSON(id: String, overrides: [(String, String)]) -> String {
        var members: [(String, String)] = [
            ("id", json(id)), ("title", json("Title")), ("country", json("KR")), ("announced", json("2026-06")),
            ("status", json("planned")), ("sponsor", json("Sponsor")),
            ("partners", #"[{"name": "NVIDIA", "role": "vendor"}, {"name": "Op", "role": "operator"}]"#),
            ("platform", json("Platform")), ("site", json("Site")),
            ("capacity", #"{"initialMW": 10, "targetMW": 100, "confidence": "reported"}"#),
            ("models", #"["Model A", "Model B"]"#), ("tags", #"["t"]"#),
            ("milestones", #"[{"date": "2027", "event": "Phase 1", "done": false}]"#),
            ("notes", json("Notes")),
            (
                "sources",
                #"[{"title": "Source", "url": "https://example.com/a", "publisher": "P", "date": "2026-06-01"}]"#
            ),
        ]
        for (field, value) in overrides {
            if let i = members.firstIndex(where: { $0.0 == field }) {
                members[i].1 = value
            } else {
                members.append((field, value))
            }
        }
        return "{" + members.map { "\(json($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A feed document (version 1, updated 2026-06-10) holding `deals` (JSON text), with `top`
    /// (raw JSON members, each starting ", ") before the deals.
    public static func document(_ deals: [String], top: String = "") -> String {
        "{\"format\": \"sovtrack-feed\", \"version\": 1, \"updated\": \"2026-06-10\"\(top), \"deals\": [\n    "
            + deals.joined(separator: ",\n    ") + "\n]}\n"
    }
}
