// A thin shim over ncursesw: declares the wide-character API (SwiftPM drops the
// -D flags pkg-config gives) and exports as functions the macros Swift cannot import.
#ifndef SOVTRACK_CNCURSESW_SHIM_H
#define SOVTRACK_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// The terminal's own globals, which Swift 6 refuses to read directly (not concurrency-safe).
static inline WINDOW *sov_stdscr(void) { return stdscr; }
/// newterm on the process's standard output and input; NULL for an unknown TERM (initscr would exit).
static inline SCREEN *sov_newterm(void) { return newterm(NULL, stdout, stdin); }
/// Whether the terminal description has a string capability (e.g. "cup", "smcup"); tigetstr answers -1 for "not a string".
static inline int sov_has_capability(const char *name) {
    const char *s = tigetstr(name);
    return s != NULL && s != (const char *)-1 && *s != 0;
}
static inline mmask_t sov_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline int sov_wcwidth(wchar_t c) { return wcwidth(c); }

static inline attr_t sov_a_bold(void) { return A_BOLD; }
static inline attr_t sov_a_reverse(void) { return A_REVERSE; }
static inline attr_t sov_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sov_a_dim(void) { return A_DIM; }
static inline attr_t sov_a_normal(void) { return A_NORMAL; }
static inline attr_t sov_color_pair(int n) { return COLOR_PAIR(n); }
static inline int sov_key_f(int n) { return KEY_F(n); }
static inline mmask_t sov_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t sov_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t sov_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t sov_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t sov_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t sov_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t sov_button5_pressed(void) { return 0; }
#endif
static inline int sov_colors(void) { return COLORS; }
static inline int sov_color_pairs(void) { return COLOR_PAIRS; }

/// Draws one grapheme cluster (up to a few code points) with attributes and a colour pair.
static inline int sov_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cc);
}

#endif
