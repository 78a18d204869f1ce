/// The escape sequences terminals send for special keys, read whatever terminfo says.
///
/// curses knows only the sequences the `TERM` entry lists: under tmux with
/// `TERM=xterm-256color` Home arrives as `ESC [1~` while terminfo says `ESC OH`, and curses
/// hands over `ESC`, `[`, `1`, `~` one by one (`1` switched views, `~` was typed into the
/// form). This reads the usual VT/xterm/rxvt forms itself and swallows any other complete
/// sequence, so the tail of a key it does not know is never taken as text.
enum KeySequence {
    /// What the characters after an `ESC` are.
    enum Outcome: Equatable {
        /// A key, made of the first `consumed` characters.
        case key(InputEvent, consumed: Int)
        /// A sequence this does not know (or a mouse report curses did not take), to drop whole.
        case unknown(consumed: Int)
        /// The sequence has begun but its final character has not come yet.
        case incomplete
        /// No sequence: the Esc key itself; the characters after it are keys of their own.
        case escape
    }

    /// Reads the characters that followed an `ESC`.
    static func parse(_ tail: [Character]) -> Outcome {
        guard let introducer = tail.first else { return .escape }
        switch introducer {
        case "[":
            // CSI: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, then one final byte 0x40-0x7E.
            var i = 1
            while i < tail.count, let v = tail[i].asciiValue, (0x20...0x3F).contains(v) { i += 1 }
            guard i < tail.count else { return tail.count > 24 ? .unknown(consumed: tail.count) : .incomplete }
            guard let final = tail[i].asciiValue, (0x40...0x7E).contains(final) else { return .unknown(consumed: i) }
            let params = String(tail[1..<i])
            // X10 mouse report: ESC [ M and three bytes.
            if final == 0x4D && params.isEmpty {
                return tail.count >= i + 4 ? .unknown(consumed: i + 4) : .incomplete
            }
            return csi(params, Character(UnicodeScalar(final))).map { .key($0, consumed: i + 1) }
                ?? .unknown(consumed: i + 1)
        case "O":
            // SS3: one final character (xterm's application mode: ESC O H is Home).
            guard tail.count > 1 else { return .incomplete }
            return ss3(tail[1]).map { .key($0, consumed: 2) } ?? .unknown(consumed: 2)
        default:
            return .escape
        }
    }

    /// A CSI sequence's key: `~` codes (`1~` Home, `4~` End, `3~` Delete, `15~` F5...) and letters (`A` up, `H` Home...).
    private static func csi(_ params: String, _ final: Character) -> InputEvent? {
        let first = params.split(separator: ";").first.flatMap { Int($0) }
        switch final {
        case "~":
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case 11, 12, 13, 14, 15: return .function(first! - 10)
            case 17, 18, 19, 20, 21: return .function(first! - 11)
            case 23, 24: return .function(first! - 12)
            default: return nil
            }
        case "Z": return .backTab
        default: return letter(final)
        }
    }

    private static func ss3(_ c: Character) -> InputEvent? { c == "M" ? .enter : letter(c) }

    /// The final letters CSI and SS3 share: arrows, Home, End, F1-F4.
    private static func letter(_ c: Character) -> InputEvent? {
        switch c {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "P", "Q", "R", "S": return .function(Int(c.asciiValue! - Character("P").asciiValue!) + 1)
        default: return nil
        }
    }
}
