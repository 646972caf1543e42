/* term.h: how text output looks: colour only on a real terminal, bars, wrapped paragraphs. */
#ifndef CQ_CLI_TERM_H
#define CQ_CLI_TERM_H

#include <stdbool.h>
#include <stdio.h>

/* Text is wrapped to this many columns whatever the terminal, so output is reproducible. */
#define TERM_TEXT_WIDTH 80

enum term_style { TERM_BOLD, TERM_DIM, TERM_ACCENT, TERM_GOOD, TERM_WARN };

struct term {
    bool color; /* emit ANSI escapes */
    bool utf8;  /* the locale's character set is UTF-8: block characters for bars */
};

/*
 * Decides once how output looks. Colour needs all of: no --no-color, NO_COLOR unset or
 * empty, TERM set and not "dumb", and stdout a terminal. UTF-8 is read from the locale
 * (LC_ALL, LC_CTYPE, LANG); only LC_CTYPE is set, so numbers always print with a '.'.
 */
void term_init(struct term *term, bool no_color);

/* The escape that starts a style, or "" without colour. term_end closes any style. */
const char *term_begin(const struct term *term, enum term_style style);
const char *term_end(const struct term *term);

/* Display width of UTF-8 text as term_wrap and term_pad show it: one column per code point,
 * and the width of the visible form (safe_text.h) of a control character. */
size_t term_width(const char *text);

/*
 * Writes text as a paragraph wrapped to TERM_TEXT_WIDTH: the first line starts with
 * `first`, later ones with `rest` (plain text, no escapes). Runs of white space, newlines
 * included, become one space; a word longer than a line gets a line of its own. Every text
 * passes the sanitiser (safe_text.h): control characters in it are shown, never sent.
 */
void term_wrap(FILE *out, const char *first, const char *rest, const char *text);

/* term_wrap to `columns` instead of TERM_TEXT_WIDTH (the quiz wraps to the terminal). */
void term_wrap_width(FILE *out, size_t columns, const char *first, const char *rest,
                     const char *text);

/* term_wrap_width in a style: each line opens the style and closes it before its newline, so
 * no style runs past a line's end (a pager shows a line alone right; see term_begin). */
void term_wrap_style(FILE *out, const struct term *term, enum term_style style, size_t columns,
                     const char *first, const char *rest, const char *text);

/* Writes `text` (sanitised) and pads it with spaces to `width` columns. */
void term_pad(FILE *out, const char *text, size_t width);

/*
 * Writes a bar of `cells` columns filled to fraction (clamped to 0..1): block characters
 * with eighths in UTF-8, '#' otherwise, then spaces. Deterministic for a given term.
 */
void term_bar(FILE *out, const struct term *term, double fraction, size_t cells);

#endif /* CQ_CLI_TERM_H */
