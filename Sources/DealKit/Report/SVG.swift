/// A small SVG document builder: every text and attribute value goes through `Markup.escape`.
struct SVG {
    private(set) var body = ""
    let width: Int
    let height: Int
    let title: String

    init(width: Int, height: Int, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// A number as SVG wants it: at most two decimals, no exponent.
    ///
    /// A figure from a feed may be as large as 1e308 MW, and a coordinate scaled from it
    /// infinite: it is clamped to ±1e9 (far off any chart) rather than trapping in `Int`.
    static func n(_ v: Double) -> String {
        let v = v.isNaN ? 0 : min(max(v, -1e9), 1e9)
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(format2(r))
    }

    private static func format2(_ v: Double) -> String {
        let cents = Int((abs(v) * 100).rounded())
        return (v < 0 ? "-" : "") + "\(cents / 100)." + (cents % 100 < 10 ? "0" : "") + "\(cents % 100)"
    }

    mutating func rect(x: Double, y: Double, w: Double, h: Double, fill: String, extra: String = "") {
        body +=
            "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(max(0, w)))\" height=\"\(SVG.n(h))\" fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, dash: Bool = false) {
        body +=
            "<line x1=\"\(SVG.n(x1))\" y1=\"\(SVG.n(y1))\" x2=\"\(SVG.n(x2))\" y2=\"\(SVG.n(y2))\" stroke=\"\(stroke)\"\(dash ? " stroke-dasharray=\"4 3\"" : "")/>\n"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil) {
        body +=
            "<circle cx=\"\(SVG.n(cx))\" cy=\"\(SVG.n(cy))\" r=\"\(SVG.n(r))\" fill=\"\(fill)\"\(stroke.map { " stroke=\"\($0)\"" } ?? "")/>\n"
    }

    /// Text from anywhere (feed names included), escaped; `anchor` is start, middle or end.
    mutating func text(
        _ s: String, x: Double, y: Double, anchor: String = "start", size: Int = 12,
        fill: String = "#222", bold: Bool = false
    ) {
        body +=
            "<text x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(fill)\"\(bold ? " font-weight=\"bold\"" : "")>\(Markup.escape(s))</text>\n"
    }

    /// The whole document; scales to its container's width (`viewBox`, no fixed size).
    var document: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">\n"
            + "<title>\(Markup.escape(title))</title>\n" + body + "</svg>\n"
    }

    /// `s` cut to `max` characters with "…".
    static func cut(_ s: String, _ max: Int) -> String {
        s.count <= max ? s : String(s.prefix(max - 1)) + "…"
    }
}
