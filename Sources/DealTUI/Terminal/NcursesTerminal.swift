import CNcursesw
import DealKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal, through ncursesw: started with `newterm`, given back with `endwin` on every exit path.
@MainActor
final class NcursesTerminal: Terminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let colors: Bool
    private var painted: CellGrid?
    private var closed = false
    /// Whether leaving restores what was on screen before; if not, the screen is cleared instead.
    private let alternateScreen: Bool

    private(set) var rows: Int
    private(set) var cols: Int

    /// Starts curses on standard input and output; throws (with the terminal untouched) if it cannot.
    init(color: Bool, mouse: Bool) throws {
        guard let screen = sov_newterm() else {
            let term = ProcessEnvironment.term
            throw DashboardError(
                description: term.isEmpty
                    ? "TERM is not set, so the dashboard cannot drive this terminal (try TERM=xterm-256color)"
                    : "unknown terminal type \"\(term)\" (TERM); try TERM=xterm-256color, or use `sovtrack summary`")
        }
        // A terminal that cannot move the cursor (TERM=dumb) would show a blank screen.
        guard sov_has_capability("cup") != 0 else {
            endwin()
            delscreen(screen)
            let term = ProcessEnvironment.term
            throw DashboardError(
                description:
                    "terminal type \"\(term)\" cannot move the cursor; use `sovtrack summary` or `sovtrack list` there")
        }
        self.screen = screen
        window = sov_stdscr()
        alternateScreen = sov_has_capability("smcup") != 0
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, 100)
        curs_set(0)
        leaveok(window, true)
        var useColor = false
        if color && has_colors() {
            start_color()
            use_default_colors()
            useColor = sov_colors() >= 8
        }
        colors = useColor
        if useColor { NcursesTerminal.definePairs() }
        if mouse {
            mousemask(
                sov_button1_pressed() | sov_button1_clicked() | sov_button1_double_clicked()
                    | sov_button4_pressed() | sov_button5_pressed(), nil)
            mouseinterval(0)
        }
        rows = Int(getmaxy(window))
        cols = Int(getmaxx(window))
        Signals.installCrashHandlers()
    }

    /// Gives the terminal back: normal screen, cursor, echo, no mouse reporting.
    func close() {
        guard !closed else { return }
        closed = true
        Signals.removeCrashHandlers()
        mousemask(0, nil)
        if !alternateScreen {
            // Without an alternate screen (vt100) the dashboard would stay behind the prompt.
            werase(window)
            wrefresh(window)
        }
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    func invalidate() {
        painted = nil
        clearok(window, true)
    }

    func read() -> InputEvent? {
        var ch: wint_t = 0
        let r = wget_wch(window, &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(Int32(ch) - KEY_F0))
            case KEY_RESIZE:
                rows = Int(getmaxy(window))
                cols = Int(getmaxx(window))
                painted = nil
                return .resize(rows: rows, cols: cols)
            case KEY_MOUSE: return mouseEvent()
            default: return nil
            }
        }
        switch ch {
        case 27: return escapeSequence()
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(ch) + 96)))
        default:
            guard ch >= 32, let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// After an `ESC`: a key terminfo did not list (`ESC [1~` Home under tmux), the Esc key, or
    /// nothing for a sequence to drop whole. Characters that are not part of a sequence go back
    /// to curses, to be read as keys of their own.
    private func escapeSequence() -> InputEvent? {
        var tail: [Character] = []
        // What follows an ESC in one key arrives at once; 30 ms covers a slow link, and a person
        // typing Esc then [ is slower than that.
        wtimeout(window, 30)
        defer { wtimeout(window, 100) }
        while true {
            switch tail.isEmpty ? .incomplete : KeySequence.parse(tail) {
            case .key(let e, let n):
                unread(tail[n...])
                return e
            case .unknown(let n):
                unread(tail[n...])
                return nil
            case .escape:
                unread(tail[0...])
                return .escape
            case .incomplete:
                break
            }
            var ch: wint_t = 0
            let r = wget_wch(window, &ch)
            // Cut short: a lone ESC is the Esc key; a sequence begun but not finished is dropped.
            guard r != ERR else { return tail.isEmpty ? .escape : nil }
            if r == KEY_CODE_YES || ch > 0x7E {
                // A key curses decoded, or a non-ASCII character: not part of a sequence.
                if r == KEY_CODE_YES { ungetch(Int32(ch)) } else { unget_wch(wchar_t(ch)) }
                if tail.isEmpty { return .escape }
                return nil
            }
            tail.append(Character(Unicode.Scalar(UInt8(ch))))
            if tail.count == 1 && tail[0] != "[" && tail[0] != "O" {
                unread(tail[0...])
                return .escape
            }
        }
    }

    /// Gives characters back to curses, first one read first.
    private func unread(_ chars: ArraySlice<Character>) {
        for c in chars.reversed() {
            if let v = c.unicodeScalars.first?.value { unget_wch(wchar_t(v)) }
        }
    }

    private func mouseEvent() -> InputEvent? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        let y = Int(ev.y)
        let x = Int(ev.x)
        if ev.bstate & sov_button4_pressed() != 0 { return .wheelUp(y: y, x: x) }
        if sov_button5_pressed() != 0 && ev.bstate & sov_button5_pressed() != 0 { return .wheelDown(y: y, x: x) }
        if ev.bstate & (sov_button1_pressed() | sov_button1_clicked() | sov_button1_double_clicked()) != 0 {
            return .click(y: y, x: x)
        }
        return nil
    }

    func paint(_ g: CellGrid) {
        let full = painted.map { $0.rows != g.rows || $0.cols != g.cols } ?? true
        if full { werase(window) }
        var buffer = [wchar_t](repeating: 0, count: 8)
        for y in 0..<g.rows {
            for x in 0..<g.cols {
                let cell = g[y, x]
                if cell.isContinuation { continue }
                if !full, let old = painted, old[y, x] == cell,
                    cell.width != 2 || (x + 1 < g.cols && old[y, x + 1] == g[y, x + 1])
                {
                    continue
                }
                draw(cell, y: y, x: x, buffer: &buffer)
            }
        }
        wnoutrefresh(window)
        doupdate()
        painted = g
    }

    /// Sends one cell; a glyph whose width the C library sees differently from `DisplayWidth` is replaced,
    /// since curses would then shift the rest of the row.
    private func draw(_ cell: Cell, y: Int, x: Int, buffer: inout [wchar_t]) {
        let (attrs, pair) = attributes(cell.style)
        var n = 0
        for s in cell.text.unicodeScalars where n < 5 {
            buffer[n] = wchar_t(bitPattern: s.value)
            n += 1
        }
        buffer[n] = 0
        let w = n > 0 ? sov_wcwidth(buffer[0]) : -1
        if n == 0 || w != Int32(cell.width) {
            buffer[0] = wchar_t(UInt8(ascii: "?"))
            buffer[1] = 0
            _ = sov_put_cell(window, Int32(y), Int32(x), buffer, attrs, pair)
            if cell.width == 2 {
                buffer[0] = wchar_t(UInt8(ascii: " "))
                _ = sov_put_cell(window, Int32(y), Int32(x + 1), buffer, attrs, pair)
            }
            return
        }
        _ = sov_put_cell(window, Int32(y), Int32(x), buffer, attrs, pair)
    }

    // MARK: - Colours

    /// The colour each role takes (an ncurses colour number, -1 for the terminal's own), and whether it is dimmed without colour.
    private static func color(_ r: Role) -> Int16 {
        switch r {
        case .normal, .footerBar, .tabInactive, .headerBar, .tabActive, .dim: return -1
        case .title, .columnHeader, .key, .bar: return Int16(COLOR_CYAN)
        case .message, .statusOperational, .confidenceConfirmed, .milestoneDone: return Int16(COLOR_GREEN)
        case .error, .statusCancelled, .today: return Int16(COLOR_RED)
        case .border, .statusAnnounced: return Int16(COLOR_BLUE)
        case .search, .statusUnderConstruction, .confidenceReported, .milestonePending: return Int16(COLOR_YELLOW)
        case .statusPlanned: return Int16(COLOR_CYAN)
        case .confidenceAspirational: return Int16(COLOR_MAGENTA)
        }
    }

    private static func definePairs() {
        for r in Role.allCases where color(r) >= 0 {
            init_pair(Int16(r.rawValue) + 1, color(r), -1)
        }
    }

    private func attributes(_ s: Style) -> (attr_t, Int16) {
        var a = sov_a_normal()
        if s.bold { a |= sov_a_bold() }
        if s.reverse { a |= sov_a_reverse() }
        if s.underline { a |= sov_a_underline() }
        switch s.role {
        case .dim: a |= sov_a_dim()
        case .border where !colors: a |= sov_a_dim()
        case .statusCancelled where !colors: a |= sov_a_dim()
        default: break
        }
        guard colors, NcursesTerminal.color(s.role) >= 0 else { return (a, 0) }
        return (a, Int16(s.role.rawValue) + 1)
    }
}
