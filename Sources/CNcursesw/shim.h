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

/// memmem is a GNU extension that the Glibc module does not declare without _GNU_SOURCE.
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

#if defined(__SSE2__)
#include <emmintrin.h>
#include <string.h>
#endif

/// Whether `needle` occurs in `hay`: the dashboard's search, run on every deal's text per keystroke.
///
/// glibc's memmem costs about 100 ns on a 100-byte text with a two-byte needle (it starts a
/// general algorithm each call); with SSE2 sixteen positions are tested at once for the
/// needle's first and last byte, and only those that match both are compared in full.
static inline int sov_contains_bytes(const void *hay, size_t hayLength, const void *needle, size_t needleLength) {
#if defined(__SSE2__)
    const unsigned char *h = (const unsigned char *)hay, *n = (const unsigned char *)needle;
    if (needleLength == 0) return 1;
    if (needleLength > hayLength) return 0;
    if (needleLength == 1) return memchr(h, n[0], hayLength) != NULL;
    const size_t lastAt = needleLength - 1;
    const __m128i first = _mm_set1_epi8((char)n[0]), last = _mm_set1_epi8((char)n[lastAt]);
    size_t i = 0;
    for (; i + lastAt + 16 <= hayLength; i += 16) {
        const __m128i atFirst = _mm_loadu_si128((const __m128i *)(h + i));
        const __m128i atLast = _mm_loadu_si128((const __m128i *)(h + i + lastAt));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(atFirst, first), _mm_cmpeq_epi8(atLast, last)));
        while (mask != 0) {
            const unsigned at = (unsigned)__builtin_ctz(mask);
            if (memcmp(h + i + at + 1, n + 1, needleLength - 2) == 0) return 1;
            mask &= mask - 1;
        }
    }
    for (; i + needleLength <= hayLength; i++) {
        if (h[i] == n[0] && memcmp(h + i, n, needleLength) == 0) return 1;
    }
    return 0;
#else
    return memmem(hay, hayLength, needle, needleLength) != NULL;
#endif
}

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
