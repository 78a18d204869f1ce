import Foundation

/// The dates Epoch writes, read with no more precision than they state.
///
/// Date columns hold ISO dates (`2024-09-02`); the `First Operational Date Note` column holds
/// the same or a coarser fact in words: `2016`, `2025-06`, `Q1 2024`, `Planned H2 2026`,
/// `Planned for end of 2023`, `Planned` or free text (`completion unclear`).
public enum EpochDate {
    /// A date note as read: the period it names and whether it calls it planned.
    public struct Note: Sendable, Equatable {
        public var date: PartialDate
        public var planned: Bool
    }

    /// A first-operational date and where it came from.
    public struct FirstOperational: Sendable, Equatable {
        public var date: PartialDate
        /// True when the date is a plan (`Planned 2028`), not a fact about the past.
        public var planned: Bool
    }

    /// The years a date of Epoch's may name: `0999-12-31` or `Planned 0042` is a slip, and a
    /// deal announced in year 42 would sort before every real one.
    public static let plausibleYears = 1900...2999

    /// Month names and abbreviations, to their number.
    private static let months: [String: Int] = {
        let full = [
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december",
        ]
        var out: [String: Int] = ["sept": 9]
        for (i, m) in full.enumerated() {
            out[m] = i + 1
            out[String(m.prefix(3))] = i + 1
        }
        return out
    }()

    /// Reads a note such as `Planned H2 2026`, `Q1 2024`, `2025-06` or `Planned for end of 2023`; nil for anything else.
    public static func note(_ text: String) -> Note? {
        var words = text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        var planned = false
        if words.first == "planned" || words.first == "expected" {
            planned = true
            words.removeFirst()
        }
        if words.first == "for" || words.first == "in" || words.first == "by" { words.removeFirst() }
        if words.count >= 2, words[0] == "end", words[1] == "of" { words.removeFirst(2) }
        guard !words.isEmpty else { return nil }
        let date: PartialDate?
        switch words.count {
        case 1:
            date = PartialDate(words[0].uppercased())
        case 2:
            let (a, b) = (words[0], words[1])
            if b.count == 4, let year = Int(b) {
                if ["h1", "h2", "q1", "q2", "q3", "q4"].contains(a) {
                    date = PartialDate("\(year)-\(a.uppercased())")
                } else if let m = months[a.hasSuffix(".") ? String(a.dropLast()) : a] {
                    date = PartialDate("\(year)-\(m < 10 ? "0" : "")\(m)")
                } else {
                    date = nil
                }
            } else {
                date = nil
            }
        default:
            date = nil
        }
        return date.map { Note(date: $0, planned: planned) }
    }

    /// A date cell: an ISO partial date, or one of the note forms.
    public static func cell(_ text: String) -> PartialDate? {
        let t = EpochRow.trim(text)
        guard !t.isEmpty else { return nil }
        return PartialDate(t) ?? note(t)?.date
    }

    /// The first-operational date of a row from its date column and its note.
    ///
    /// The note wins when it states the same period less precisely: Epoch's date column
    /// holds `2016-07-01` where the note says only `2016`, and the day is not a fact.
    public static func firstOperational(date dateCell: String, note noteCell: String) -> FirstOperational? {
        let column = cell(dateCell)
        let stated = note(EpochRow.trim(noteCell))
        if let column {
            if let stated, !stated.planned, stated.date.precision < column.precision,
                stated.date.startKey <= column.startKey, column.startKey <= stated.date.endKey
            {
                return FirstOperational(date: stated.date, planned: false)
            }
            return FirstOperational(date: column, planned: false)
        }
        return stated.map { FirstOperational(date: $0.date, planned: $0.planned) }
    }

    /// The year a web.archive.org URL was captured (`/web/20240904145755/...`), or nil.
    public static func captureYear(_ url: String) -> Int? {
        var url = url
        return url.withUTF8 { b in
            let marker = waybackMarker
            guard b.count > marker.count else { return nil }
            var start = 0
            while start + marker.count <= b.count {
                var i = 0
                while i < marker.count, b[start + i] == marker[i] { i += 1 }
                if i == marker.count { break }
                start += 1
            }
            var i = start + marker.count
            var year = 0
            var digits = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if digits < 4 { year = year * 10 + Int(b[i] - 0x30) }
                digits += 1
                i += 1
            }
            return digits >= 4 && (1996...2999).contains(year) ? year : nil
        }
    }

    private static let waybackMarker = Array("web.archive.org/web/".utf8)
}
