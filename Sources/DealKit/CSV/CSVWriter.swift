import Foundation

/// Writes RFC 4180 CSV that a spreadsheet opens as data, never as formulas.
public enum CSVWriter {
    /// True for `'` repeated one or more times and then a formula character: a cell that
    /// `field` has marked (or that, written as is, would read back as marked).
    static func isMarked(_ s: String) -> Bool { isMarked(s.utf8) }

    /// `isMarked` of a cell's bytes.
    static func isMarked<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var quotes = 0
        for b in bytes {
            if b == 0x27 {
                quotes += 1
                continue
            }
            return quotes > 0 && isFormulaStart(b)
        }
        return false
    }

    /// A cell made inert (a leading `'` before a formula character) and quoted where needed.
    ///
    /// Bytes, not Characters, decide: "\r\n=1" is one Character but starts with a CR.
    public static func field(_ s: String) -> String {
        var out: [UInt8] = []
        append(field: s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `field(s)`'s bytes, appended to `out`: what every cell written goes through.
    static func append(field s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append(field: $0, to: &out) }
    }

    /// `append(field:to:)` of a cell given as bytes (`DealCSV` builds list cells so).
    static func append(field cell: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard !cell.isEmpty else { return }
        let marked = needsMark(cell)
        let quoted = cell.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if quoted { out.append(0x22) }
        if marked { out.append(0x27) }
        guard quoted else { return out.append(contentsOf: cell) }
        for c in cell {
            if c == 0x22 { out.append(0x22) }
            out.append(c)
        }
        out.append(0x22)
    }

    /// Whether text starting with these bytes gets a leading `'`: a formula's start, or a look of being marked.
    static func needsMark<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        guard let first = bytes.first else { return false }
        return isFormulaStart(first) || (first == 0x27 && isMarked(bytes))
    }

    /// A byte that makes a spreadsheet treat a cell as a formula when it starts it: = + - @ tab CR.
    @inline(__always) static func isFormulaStart(_ b: UInt8) -> Bool {
        b == 0x3D || b == 0x2B || b == 0x2D || b == 0x40 || b == 0x09 || b == 0x0D
    }

    /// The text with a leading `'` if a spreadsheet would read it as a formula (or it looks marked).
    static func neutralised(_ s: String) -> String {
        // A cell already looking marked gets one more `'`, so `restore` gives it back exactly.
        needsMark(s.utf8) ? "'" + s : s
    }

    /// The cell for a list: its items joined by `;`, each after the first neutralised as a
    /// cell is (the first is the cell's start, which `field` neutralises when it writes it).
    ///
    /// A spreadsheet whose separator is `;` splits `NVIDIA;=1+1` into two cells, and would
    /// run the second as a formula: so every item, not only the first, gets the `'`.
    /// `DealCSV.list` undoes it item by item.
    public static func list(_ items: [String]) -> String {
        items.enumerated().map { $0.offset == 0 ? $0.element : neutralised($0.element) }.joined(separator: ";")
    }

    /// One record, ending in CRLF as RFC 4180 says.
    ///
    /// With `forDisplay` (standard output that is a terminal or a pipe, not a file), each
    /// cell is first made safe for a terminal (`SafeText.sanitize`): controls, bidi
    /// overrides and invisible characters become visible placeholders. Written to a file,
    /// the cells keep their data.
    public static func line(_ fields: [String], forDisplay: Bool = false) -> String {
        var out: [UInt8] = []
        append(line: fields, forDisplay: forDisplay, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `line`'s bytes, appended to `out` (no `String` made per cell or per line).
    public static func append(line fields: [String], forDisplay: Bool = false, to out: inout [UInt8]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            append(field: forDisplay ? SafeText.sanitize(f) : f, to: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// Undoes `field`'s neutralisation of a cell read back: drops one `'` from a marked cell.
    public static func restore(_ s: String) -> String {
        isMarked(s) ? String(s.unicodeScalars.dropFirst()) : s
    }
}
