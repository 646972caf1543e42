/* html_escape.c: escaping text for HTML reports and pages (shared by doc_html and stats_html). */
#include "html_escape.h"

#include <string.h>

#include "safe_text.h"

void html_escape_n(FILE *out, const char *text, size_t len)
{
    char shown[SAFE_SHOWN_MAX];

    for (size_t i = 0, n; i < len; i += n) {
        n = safe_unit(text + i, len - i, SAFE_LINES, shown);
        if (shown[0]) { /* "\x1b" and the like hold nothing HTML reads as markup */
            fputs(shown, out);
            continue;
        }
        if (n > 1) {
            fwrite(text + i, 1, n, out);
            continue;
        }
        switch (text[i]) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&#39;", out);
            break;
        default:
            fputc(text[i], out);
        }
    }
}

void html_escape(FILE *out, const char *text)
{
    html_escape_n(out, text, strlen(text));
}
