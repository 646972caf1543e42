/* doc.h: a document writer (Markdown or HTML) that the reports are built through. */
#ifndef CQ_CLI_DOC_H
#define CQ_CLI_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "result_view.h"

/*
 * One output format. Every text argument is plain UTF-8 text that the writer escapes; in table
 * cells a '\n' separates the lines of a multi-line cell (the items of a list).
 */
struct doc_ops {
    void (*begin)(FILE *out, const char *title);
    void (*end)(FILE *out);
    void (*heading)(FILE *out, int level, const char *text);
    void (*paragraph)(FILE *out, const char *text);
    /* A highlighted remark ("Close call", "Note"). */
    void (*note)(FILE *out, const char *label, const char *text);
    void (*list_begin)(FILE *out, bool ordered);
    /* An item of the list begun with the same `ordered`; detail (may be NULL) is shown
     * smaller, after the item's text. */
    void (*item)(FILE *out, bool ordered, const char *text, const char *detail);
    void (*list_end)(FILE *out, bool ordered);
    /* align holds a letter per column: 'l' left, 'r' right, 'L' a list of items (one per
     * line, a list even when there is one). kind names the table ("ranking", "comparison",
     * "ledger") for styles; each row gets the headers again, so that a cell can carry its own. */
    void (*table_begin)(FILE *out, const char *kind, const char *const *headers, const char *align,
                        size_t columns);
    void (*row)(FILE *out, const char *const *headers, const char *const *cells, const char *align,
                size_t columns);
    void (*table_end)(FILE *out);
    /* The ranking as a chart (HTML draws an SVG bar chart; Markdown has the table only). */
    void (*chart)(FILE *out, const struct result_view *view);
    /* Whether the reader has the careerquiz command, so that the report may name a command
     * that shows more (a web page's reader has only the page). */
    bool names_commands;
};

extern const struct doc_ops doc_markdown;
extern const struct doc_ops doc_html;
/* The HTML report's stylesheet, which its pages hold inline (and careerquiz serve serves). */
extern const char doc_html_style[];

/* The report of a result written through doc (report_result picks doc by the format; the web
 * server writes the same report into its own pages). Returns an exit code. */
int report_result_with(const struct doc_ops *doc, const struct cli_env *env,
                       const cq_result *result, FILE *out);

#endif /* CQ_CLI_DOC_H */
