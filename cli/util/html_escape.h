/* html_escape.h: text written into HTML, with the characters HTML reads as markup escaped. */
#ifndef CQ_CLI_HTML_ESCAPE_H
#define CQ_CLI_HTML_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* Writes len bytes of text with &, <, >, " and ' written as character references, and control
 * characters shown as the sanitiser shows them (safe_text.h); newlines and tabs stay. */
void html_escape_n(FILE *out, const char *text, size_t len);

/* The same for a whole NUL-terminated string. */
void html_escape(FILE *out, const char *text);

#endif /* CQ_CLI_HTML_ESCAPE_H */
