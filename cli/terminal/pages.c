/* pages.c: text laid out for a pager's pages, so that no page ends on a heading. */

#include "pages.h"

#include <stdbool.h>
#include <string.h>

/* Columns a line takes on the screen: one per UTF-8 code point, none for an SGR escape
 * ("\033[1;36m"), the only escapes the results hold. *last is its last byte shown ('\0' when
 * none is). */
static size_t shown_width(const char *line, size_t len, char *last)
{
    size_t i = 0, width = 0;

    *last = '\0';
    while (i < len) {
        if (line[i] == '\033' && i + 1 < len && line[i + 1] == '[') {
            i += 2;
            while (i < len && !(line[i] >= '@' && line[i] <= '~'))
                i++;
            i++; /* the final byte ('m') */
            continue;
        }
        width += ((unsigned char)line[i] & 0xC0) != 0x80;
        *last = line[i++];
    }
    return width;
}

/* Screen rows a line takes: a blank line one, a long one as many as the terminal wraps it to. */
static size_t line_rows(size_t width, size_t columns)
{
    return width == 0 ? 1 : (width + columns - 1) / columns;
}

/* One line of the text: where it starts, its length and what it takes on the screen. */
struct line {
    size_t at, len, width;
    bool ends_colon; /* its text ends with ':': it introduces what follows */
};

/* The line that starts at text[at] (up to its '\n' or the end); false at the end of the text. */
static bool line_at(const char *text, size_t size, size_t at, struct line *l)
{
    const char *nl;
    char last;

    if (at >= size)
        return false;
    nl = memchr(text + at, '\n', size - at);
    l->at = at;
    l->len = nl ? (size_t)(nl - (text + at)) : size - at;
    l->width = shown_width(text + at, l->len, &last);
    l->ends_colon = last == ':';
    return true;
}

/* Start of the line after l. */
static size_t after(size_t size, const struct line *l)
{
    return l->at + l->len + (l->at + l->len < size);
}

/* Whether line l must stay on the page of the line after it: a heading or the first line of a
 * paragraph (after a blank line), or a line that ends with ':', with more text right after. */
static bool keeps_with_next(const char *text, size_t size, const struct line *l, bool after_blank)
{
    struct line next;

    return l->width > 0 && (after_blank || l->ends_colon) &&
           line_at(text, size, after(size, l), &next) && next.width > 0;
}

/* Rows that the run of lines kept together from l takes: l, each line after it that keeps with
 * the next, and the first line they introduce. */
static size_t kept_rows(const char *text, size_t size, struct line l, size_t columns)
{
    size_t rows = line_rows(l.width, columns);
    bool blank_before = true; /* only l itself may open the run as a block's first line */

    while (keeps_with_next(text, size, &l, blank_before)) {
        blank_before = false;
        line_at(text, size, after(size, &l), &l);
        rows += line_rows(l.width, columns);
    }
    return rows;
}

int pages_write(FILE *out, const char *text, size_t size, size_t page_rows, size_t columns)
{
    size_t at = 0, used = 0; /* rows of the current page taken */
    size_t total = 0;        /* rows written */
    size_t pad_end = 0;      /* the row after the last blank lines added (0: none were) */
    bool after_blank = true; /* the line before was blank (or there was none) */
    bool kept = false;       /* the line before keeps with this one */
    struct line l;

    if (page_rows < 2 || columns == 0)
        return fwrite(text, 1, size, out) == size ? 0 : -1;
    while (line_at(text, size, at, &l)) {
        size_t rows = line_rows(l.width, columns), need;
        bool keeps = keeps_with_next(text, size, &l, after_blank);

        /* A run that would leave its opening lines at the foot of a page goes to the next. */
        if (keeps && !kept && used > 0) {
            need = kept_rows(text, size, l, columns);
            if (used + need > page_rows && need <= page_rows) {
                for (; used < page_rows; used++, total++)
                    fputc('\n', out);
                used = 0;
                pad_end = total;
            }
        }
        at = after(size, &l);
        fwrite(text + l.at, 1, at - l.at, out);
        used = (used + rows) % page_rows;
        total += rows;
        after_blank = l.width == 0;
        kept = keeps;
    }
    /* At its end a pager shows the text's last page_rows rows, not a page from a break: blank
     * lines added on that screen would sit mid-screen, as a gap with no page break after it.
     * Filling the last page makes that screen the last page, its padding at a page's foot. */
    if (pad_end > 0 && total > page_rows && pad_end > total - page_rows && total % page_rows) {
        if (text[size - 1] != '\n')
            fputc('\n', out); /* ends the last line: no row of its own */
        for (; total % page_rows; total++)
            fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}
