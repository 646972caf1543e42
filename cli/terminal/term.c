/* term.c: how text output looks: colour only on a real terminal, bars, wrapped paragraphs. */

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "safe_text.h"
#include "term.h"

void term_init(struct term *term, bool no_color)
{
    const char *no_color_env = getenv("NO_COLOR");
    const char *term_env = getenv("TERM");
    const char *codeset;

    term->color = !no_color && !(no_color_env && no_color_env[0] != '\0') && term_env &&
                  term_env[0] != '\0' && strcmp(term_env, "dumb") != 0 && isatty(STDOUT_FILENO);

    term->utf8 = false;
    if (setlocale(LC_CTYPE, "")) {
        codeset = nl_langinfo(CODESET);
        term->utf8 = codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
    }
}

const char *term_begin(const struct term *term, enum term_style style)
{
    if (!term->color)
        return "";
    switch (style) {
    case TERM_BOLD:
        return "\033[1m";
    case TERM_DIM:
        return "\033[2m";
    case TERM_ACCENT:
        return "\033[1;36m";
    case TERM_GOOD:
        return "\033[32m";
    case TERM_WARN:
        return "\033[33m";
    }
    return "";
}

const char *term_end(const struct term *term)
{
    return term->color ? "\033[0m" : "";
}

size_t term_width(const char *text)
{
    return safe_width(text, strlen(text), 0);
}

/* Width (as shown) and byte length of the word starting at s (up to the next white space). */
static size_t word_length(const char *s, size_t *width)
{
    size_t len = strcspn(s, " \t\r\n\f\v");

    *width = safe_width(s, len, 0);
    return len;
}

void term_wrap(FILE *out, const char *first, const char *rest, const char *text)
{
    term_wrap_width(out, TERM_TEXT_WIDTH, first, rest, text);
}

/* The wrapping itself: every line opens with `begin` and closes with `end` before its newline,
 * so a style never spans a line break (a pager that shows a line alone shows it right). */
static void wrap_styled(FILE *out, size_t columns, const char *begin, const char *end,
                        const char *first, const char *rest, const char *text)
{
    size_t column = term_width(first);
    size_t indent = term_width(rest);
    bool line_empty = true;
    const char *p = text;

    fputs(begin, out);
    safe_puts(first, out);
    for (;;) {
        size_t len, width;

        while (*p && strchr(" \t\r\n\f\v", *p))
            p++;
        if (!*p)
            break;
        len = word_length(p, &width);
        if (!line_empty && column + 1 + width > columns) {
            fprintf(out, "%s\n%s", end, begin);
            safe_puts(rest, out);
            column = indent;
            line_empty = true;
        }
        if (!line_empty) {
            fputc(' ', out);
            column++;
        }
        safe_write(out, p, len, 0);
        column += width;
        line_empty = false;
        p += len;
    }
    fprintf(out, "%s\n", end);
}

void term_wrap_width(FILE *out, size_t columns, const char *first, const char *rest,
                     const char *text)
{
    wrap_styled(out, columns, "", "", first, rest, text);
}

void term_wrap_style(FILE *out, const struct term *term, enum term_style style, size_t columns,
                     const char *first, const char *rest, const char *text)
{
    wrap_styled(out, columns, term_begin(term, style), term_end(term), first, rest, text);
}

void term_pad(FILE *out, const char *text, size_t width)
{
    size_t used = term_width(text);

    safe_puts(text, out);
    for (; used < width; used++)
        fputc(' ', out);
}

void term_bar(FILE *out, const struct term *term, double fraction, size_t cells)
{
    /* UTF-8 of the left eighth blocks U+258F (one eighth) to U+2589 (seven eighths); U+2588 is
     * the full block. Spelled as bytes so the execution character set does not matter. */
    static const char *const eighths[8] = {
        "",
        "\xe2\x96\x8f",
        "\xe2\x96\x8e",
        "\xe2\x96\x8d",
        "\xe2\x96\x8c",
        "\xe2\x96\x8b",
        "\xe2\x96\x8a",
        "\xe2\x96\x89",
    };
    size_t units, full, i, used;

    if (!(fraction > 0.0))
        fraction = 0.0;
    if (fraction > 1.0)
        fraction = 1.0;

    if (term->utf8) {
        units = (size_t)(fraction * (double)(cells * 8) + 0.5);
        full = units / 8;
        for (i = 0; i < full; i++)
            fputs("\xe2\x96\x88", out);
        used = full;
        if (units % 8) {
            fputs(eighths[units % 8], out);
            used++;
        }
    } else {
        full = (size_t)(fraction * (double)cells + 0.5);
        for (i = 0; i < full; i++)
            fputc('#', out);
        used = full;
    }
    for (; used < cells; used++)
        fputc(' ', out);
}
