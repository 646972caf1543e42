/* doc_markdown.c: the Markdown document writer (CommonMark with GitHub tables). */

#include <string.h>

#include "doc.h"
#include "safe_text.h"

/* Writes one character of text, or the visible form of a control character, with a backslash
 * before what Markdown reads as markup. */
static void escape_chars(FILE *out, const char *text, size_t len, bool in_table)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            fputs("<br>", out);
            continue;
        }
        if (strchr("\\`*_[]<>#~&!", text[i]) || (in_table && text[i] == '|'))
            fputc('\\', out);
        fputc(text[i], out);
    }
}

/*
 * Writes text with every character Markdown could read as markup escaped by a backslash,
 * which CommonMark allows before any ASCII punctuation. A list marker at the start of a block
 * is escaped too. Newlines become <br> (inside a table cell a line break can only be
 * written as HTML); `in_table` also escapes the pipe that would end the cell. Control
 * characters are shown as the sanitiser shows them ("\x1b", itself escaped: "\\x1b").
 */
static void escape(FILE *out, const char *text, bool in_table)
{
    const char *p = text;

    /* "1. Python" or "- R" at the start of a block would become a list (a marker needs a space
     * or the end after it); inside a table cell nothing can. */
    while (!in_table && *p >= '0' && *p <= '9')
        p++;
    if (p > text && (*p == '.' || *p == ')') && (p[1] == ' ' || p[1] == '\0')) {
        fwrite(text, 1, (size_t)(p - text), out);
        text = p;
        fputc('\\', out);
    } else if (!in_table && (*text == '-' || *text == '+') && (text[1] == ' ' || !text[1])) {
        fputc('\\', out);
    }
    size_t len = strlen(text);
    char shown[SAFE_SHOWN_MAX];

    for (size_t i = 0, n; i < len; i += n) {
        n = safe_unit(text + i, len - i, SAFE_LINES, shown);
        if (shown[0])
            escape_chars(out, shown, strlen(shown), in_table);
        else
            escape_chars(out, text + i, n, in_table);
    }
}

static void md_begin(FILE *out, const char *title)
{
    (void)out;
    (void)title;
}

static void md_end(FILE *out)
{
    (void)out;
}

static void md_heading(FILE *out, int level, const char *text)
{
    fprintf(out, "%.*s ", level, "######");
    escape(out, text, false);
    fputs("\n\n", out);
}

static void md_paragraph(FILE *out, const char *text)
{
    escape(out, text, false);
    fputs("\n\n", out);
}

static void md_note(FILE *out, const char *label, const char *text)
{
    fputs("> **", out);
    escape(out, label, false);
    fputs(":** ", out);
    escape(out, text, false);
    fputs("\n\n", out);
}

static void md_list_begin(FILE *out, bool ordered)
{
    (void)out;
    (void)ordered;
}

/* Items are numbered "1." each time: Markdown numbers an ordered list itself. */
static void md_item(FILE *out, bool ordered, const char *text, const char *detail)
{
    fputs(ordered ? "1. " : "- ", out);
    escape(out, text, false);
    if (detail && detail[0]) {
        fputs(" *(", out);
        escape(out, detail, false);
        fputs(")*", out);
    }
    fputc('\n', out);
}

static void md_list_end(FILE *out, bool ordered)
{
    (void)ordered;
    fputc('\n', out);
}

static void md_cells(FILE *out, const char *const *cells, const char *align, size_t columns)
{
    size_t i;

    (void)align; /* the separator row under the header aligns the columns */
    fputc('|', out);
    for (i = 0; i < columns; i++) {
        fputc(' ', out);
        escape(out, cells[i], true);
        fputs(" |", out);
    }
    fputc('\n', out);
}

static void md_row(FILE *out, const char *const *headers, const char *const *cells,
                   const char *align, size_t columns)
{
    (void)headers; /* the header row names the columns */
    md_cells(out, cells, align, columns);
}

static void md_table_begin(FILE *out, const char *kind, const char *const *headers,
                           const char *align, size_t columns)
{
    size_t i;

    (void)kind;
    md_cells(out, headers, align, columns);
    fputc('|', out);
    for (i = 0; i < columns; i++)
        fputs(align[i] == 'r' ? " ---: |" : " --- |", out);
    fputc('\n', out);
}

static void md_table_end(FILE *out)
{
    fputc('\n', out);
}

static void md_chart(FILE *out, const struct result_view *view)
{
    (void)out;
    (void)view;
}

const struct doc_ops doc_markdown = {
    md_begin,    md_end,         md_heading, md_paragraph, md_note,  md_list_begin, md_item,
    md_list_end, md_table_begin, md_row,     md_table_end, md_chart, true,
};
