/// The `?` overlay's lines, drawn from `KeyMap`.
enum KeyHelp {
    /// The help overlay's sections, from the key map.
    static var sections: [(title: String, entries: [KeyBinding])] { KeyMap.sections.map { ($0.title, $0.bindings) } }

    /// The help as lines: section titles and `keys  action` rows.
    static var lines: [(keys: String, action: String, isTitle: Bool)] {
        var out: [(String, String, Bool)] = []
        for (i, s) in sections.enumerated() {
            if i > 0 { out.append(("", "", false)) }
            out.append((s.title, "", true))
            for e in s.entries { out.append((e.keys, e.help, false)) }
        }
        return out
    }
}
