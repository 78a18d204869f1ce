import Foundation

/// Stable deal ids for Epoch rows: `epoch-` and the slug of the row's `Name`.
///
/// The same file always gives the same ids, and a newer snapshot gives a cluster the id it
/// had before, so a re-import updates deals in place. A short hash is added only where
/// names collide:
/// - different names with the same slug each get a hash of their name;
/// - rows sharing one name (Epoch's anonymized Chinese systems) get a hash of their facts
///   (``EpochColumn/identity``), and rows identical in those facts are numbered `-2`, `-3`…
///   in an order fixed by their whole content, never by their position in the file.
public enum EpochID {
    public static let prefix = "epoch-"

    /// The id a row named `name` has when no other row's name gives the same slug.
    public static func base(_ name: String) -> String {
        let s = slug(name)
        return prefix + (s.isEmpty ? hash(name) : s)
    }

    /// Lower-case ASCII letters and digits, every other run of characters one `-`, diacritics and apostrophes dropped.
    public static func slug(_ text: String) -> String {
        let folded =
            text.utf8.allSatisfy { $0 < 0x80 }
            ? text
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                .replacingOccurrences(of: "\u{2019}", with: "")
        var out: [UInt8] = []
        out.reserveCapacity(folded.utf8.count)
        var pendingDash = false
        for b in folded.utf8 {
            let c: UInt8
            switch b {
            case 0x61...0x7A, 0x30...0x39: c = b
            case 0x41...0x5A: c = b + 0x20
            case 0x27: continue  // An apostrophe joins: "Sakura's" is "sakuras".
            default:
                pendingDash = !out.isEmpty
                continue
            }
            if pendingDash {
                out.append(0x2D)
                pendingDash = false
            }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Six hex digits of the 64-bit FNV-1a hash of the text's UTF-8: the same on every run and machine.
    public static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h >> 40, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// The id of each row, in the order given; nil for a row without a name.
    public static func assign(_ rows: [EpochRow]) -> [String?] {
        var ids: [String?] = rows.map { row in row.value(EpochColumn.name).map(base) }
        var byBase: [String: [Int]] = [:]
        for (i, id) in ids.enumerated() { if let id { byBase[id, default: []].append(i) } }

        // Names that collide: a hash of the name, or of the facts when the name itself is shared.
        for (baseID, members) in byBase where members.count > 1 {
            var nameCount: [String: Int] = [:]
            for i in members { nameCount[rows[i][EpochColumn.name], default: 0] += 1 }
            for i in members {
                let name = rows[i][EpochColumn.name]
                var key = name
                if nameCount[name]! > 1 {
                    key += EpochColumn.identity.map { "\u{1F}" + rows[i][$0] }.joined()
                }
                ids[i] = baseID + "-" + hash(key)
            }
        }

        // Rows still alike: numbered in the order of their whole content.
        var byID: [String: [Int]] = [:]
        for (i, id) in ids.enumerated() { if let id { byID[id, default: []].append(i) } }
        for (id, members) in byID where members.count > 1 {
            let ordered = members.map { ($0, content(rows[$0])) }.sorted { a, b in
                a.1 != b.1 ? a.1 < b.1 : a.0 < b.0
            }
            for (n, member) in ordered.enumerated() where n > 0 { ids[member.0] = "\(id)-\(n + 1)" }
        }

        // A numbered or hashed id could, in theory, equal another row's: keep every id unique.
        var seen = Set<String>()
        for i in ids.indices {
            guard let id = ids[i] else { continue }
            var candidate = id
            var n = 2
            while seen.contains(candidate) {
                candidate = "\(id)-\(n)"
                n += 1
            }
            seen.insert(candidate)
            ids[i] = candidate
        }
        return ids
    }

    /// A row's non-empty cells as `column=value`, sorted by column: independent of the column order.
    static func content(_ row: EpochRow) -> String {
        var parts: [String] = []
        for (i, name) in row.header.names.enumerated() where i < row.fields.count && !row.fields[i].isEmpty {
            parts.append(name + "=" + row.fields[i])
        }
        return parts.sorted().joined(separator: "\u{1F}")
    }
}
