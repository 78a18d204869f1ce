/// "Did you mean": the candidates nearest to what was typed, for a command, a country or an id.
public enum Suggest {
    /// Up to `limit` candidates, nearest first: those that start with or contain `text` (any case),
    /// then those within a few typos (edit distance at most a third of the length, at least 2).
    public static func nearest(_ text: String, among candidates: [String], limit: Int = 3) -> [String] {
        let t = text.lowercased()
        guard !t.isEmpty else { return [] }
        let most = max(2, t.count / 3)
        var scored: [(Int, String)] = []
        for c in candidates {
            let l = c.lowercased()
            if l == t { continue }
            if l.hasPrefix(t) {
                scored.append((0, c))
                continue
            }
            if l.contains(t) {
                scored.append((1, c))
                continue
            }
            let d = distance(Array(t), Array(l.prefix(t.count + most)))
            if d <= most { scored.append((2 + d, c)) }
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
    }

    /// `; did you mean a, b or c?`, or "" when there is nothing to suggest.
    public static func phrase(_ suggestions: [String]) -> String {
        switch suggestions.count {
        case 0: return ""
        case 1: return "; did you mean \(suggestions[0])?"
        default: return "; did you mean \(suggestions.dropLast().joined(separator: ", ")) or \(suggestions.last!)?"
        }
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Countries {
    /// The countries some text may have meant, as `KR (South Korea)`: every country whose name
    /// has it as a word ("Korea": KR and KP), else the nearest names and codes ("Japn": JP).
    public static func suggestions(for text: String, limit: Int = 4) -> [String] {
        let key = lookupKey(text)
        guard !key.isEmpty else { return [] }
        func label(_ c: Country) -> String { "\(c.code) (\(c.name))" }
        let byWord = all.filter { lookupKey($0.name).split(separator: " ").contains(Substring(key)) }
        if !byWord.isEmpty { return byWord.prefix(limit).map(label) }
        // Codes only for code-length text: "Japn" is a name misspelt, not two letters of one.
        let codes = key.count <= 3 ? all.map(\.code) : []
        let names = Suggest.nearest(key, among: all.map { lookupKey($0.name) } + codes, limit: limit)
        var out: [String] = []
        for n in names {
            guard let c = all.first(where: { lookupKey($0.name) == n || $0.code == n }) else { continue }
            if !out.contains(label(c)) { out.append(label(c)) }
        }
        return out
    }
}
