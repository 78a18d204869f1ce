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
        let hex = String(fnv1a(text) >> 40, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// The 64-bit FNV-1a hash of the text's UTF-8.
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The ids of a file's rows, worked out from their names; see ``assign(names:row:)``.
    public struct Assignment: Sendable {
        /// The ids that may differ from ``EpochID/base(_:)`` of the row's name, by row position.
        fileprivate var ids: [Int: String] = [:]
        /// Base ids that more than one row gives: a link by such a name leads to no row.
        public fileprivate(set) var sharedBases: Set<String> = []
        /// Names that more than one row has (Epoch's "Anonymized Chinese System").
        public fileprivate(set) var sharedNames: Set<String> = []

        /// The id of the row at `index` whose `Name` is `name`; nil for a row without a name.
        public func id(at index: Int, name: String?) -> String? {
            guard let name else { return nil }
            return ids[index] ?? EpochID.base(name)
        }

        /// The id of the named row at `index`, whose base id is `base`.
        public func id(at index: Int, base: String) -> String { ids[index] ?? base }
    }

    /// The id of each row, in the order given; nil for a row without a name.
    public static func assign(_ rows: [EpochRow]) -> [String?] {
        let assignment = assign(
            names: { visit in
                for (i, row) in rows.enumerated() { if let name = row.value(EpochColumn.name) { visit(i, name) } }
            },
            row: { rows[$0] })
        return rows.indices.map { assignment.id(at: $0, name: rows[$0].value(EpochColumn.name)) }
    }

    /// The ids of a file's rows, keeping only what sets them apart in memory.
    ///
    /// `names` calls its argument with the position and `Name` of every row that has one, in
    /// file order, each time it is called (up to three times); `row` reads one row whole, and is
    /// asked only for rows whose ids collide. Nearly every row's id is the base of its name; the
    /// assignment keeps the others. Rows that may collide are found by sorting 64-bit hashes of
    /// the base ids (8 bytes a row, let go before the next step), then compared exactly.
    public static func assign(
        names: (_ visit: (Int, String) -> Void) -> Void, row: (Int) -> EpochRow
    ) -> Assignment {
        var result = Assignment()
        // Base ids given more than once, give or take a hash collision (settled exactly below).
        var repeated = Set<UInt64>()
        do {
            var hashes: [UInt64] = []
            names { _, name in hashes.append(fnv1a(base(name))) }
            hashes.sort()
            for k in hashes.indices.dropFirst() where hashes[k] == hashes[k - 1] { repeated.insert(hashes[k]) }
        }
        guard !repeated.isEmpty else { return result }
        var byBase: [String: [(index: Int, name: String)]] = [:]
        names { i, name in
            let b = base(name)
            if repeated.contains(fnv1a(b)) { byBase[b, default: []].append((i, name)) }
        }
        byBase = byBase.filter { $0.value.count > 1 }
        guard !byBase.isEmpty else { return result }
        result.sharedBases = Set(byBase.keys)

        // Names that collide: a hash of the name, or of the facts when the name itself is shared.
        var ids: [Int: String] = [:]
        for (baseID, members) in byBase {
            var nameCount: [String: Int] = [:]
            for m in members { nameCount[m.name, default: 0] += 1 }
            for (name, n) in nameCount where n > 1 { result.sharedNames.insert(name) }
            for m in members {
                var key = m.name
                if nameCount[m.name, default: 0] > 1 {
                    let r = row(m.index)
                    key += EpochColumn.identity.map { "\u{1F}" + r[$0] }.joined()
                }
                ids[m.index] = baseID + "-" + hash(key)
            }
        }

        // Every id made above, and every one made from it below, begins with a shared base id and
        // `-`; so only rows whose own base id begins so can meet one. The rest keep their base ids,
        // which no other row has.
        let prefixLengths = Set(byBase.keys.map(\.utf8.count))
        names { i, name in
            guard ids[i] == nil else { return }
            let b = base(name)
            let utf8 = Array(b.utf8)
            for n in prefixLengths where n < utf8.count && utf8[n] == 0x2D {
                if result.sharedBases.contains(String(decoding: utf8[..<n], as: UTF8.self)) {
                    ids[i] = b
                    return
                }
            }
        }

        // Rows still alike: numbered in the order of their whole content.
        var byID: [String: [Int]] = [:]
        for (i, id) in ids { byID[id, default: []].append(i) }
        for (id, members) in byID where members.count > 1 {
            let ordered = members.map { ($0, content(row($0))) }.sorted { a, b in
                a.1 != b.1 ? a.1 < b.1 : a.0 < b.0
            }
            for (n, member) in ordered.enumerated() where n > 0 { ids[member.0] = "\(id)-\(n + 1)" }
        }

        // A numbered or hashed id could, in theory, equal another row's: keep every id unique.
        var seen = Set<String>()
        for i in ids.keys.sorted() {
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
        result.ids = ids
        return result
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
