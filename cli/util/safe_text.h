/* safe_text.h: the one gate that text from outside passes before it is shown: control
 * characters become visible (\x1b), so no file, argument, answer, database value or typed line
 * can send an escape sequence to a terminal, or raw control bytes into a report or a message. */
#ifndef CQ_CLI_SAFE_TEXT_H
#define CQ_CLI_SAFE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Room for the visible form of one unit, with its NUL: "\u202e" is the longest. */
#define SAFE_SHOWN_MAX 8

/* Flags. Without SAFE_LINES a newline or tab is shown as \n or \t: a message, a label or a
 * typed line is one line, and a newline in a file name must not start a forged one. */
enum { SAFE_LINES = 1 /* newline and tab pass as they are (a report's multi-line text) */ };

/*
 * Looks at the next unit of text (len > 0 bytes): one character of UTF-8, or one byte that is
 * not valid UTF-8. Returns how many bytes it takes. When the unit may be written as it is,
 * shown is set to ""; otherwise to its visible form:
 *   - C0 controls and DEL: \xNN (\n, \r and \t by name);
 *   - C1 controls (U+0080..U+009F, an 8-bit terminal's CSI and OSC among them) and the
 *     bidirectional overrides and isolates that make text read other than it is: \uNNNN;
 *   - a byte that is not part of valid UTF-8 (a terminal may read it as C1): \xNN.
 * Everything else, printable UTF-8 of any script, passes. This is the only place the decision
 * is made; every writer below and the JSON, HTML, Markdown and CSV writers ask it.
 */
size_t safe_unit(const char *text, size_t len, unsigned flags, char shown[SAFE_SHOWN_MAX]);

/* Writes len bytes of text to out, each unit as safe_unit says. */
void safe_write(FILE *out, const char *text, size_t len, unsigned flags);

/* Writes a NUL-terminated string as one line (newlines and tabs shown). */
void safe_puts(const char *text, FILE *out);

/* Whether len bytes of text would be written unchanged. */
bool safe_is_plain(const char *text, size_t len, unsigned flags);

/* The columns the text takes once shown: one per character, as many as its visible form for
 * a unit that is shown. */
size_t safe_width(const char *text, size_t len, unsigned flags);

#endif /* CQ_CLI_SAFE_TEXT_H */
