/* doc_html.c: the HTML document writer: one self-contained, printable page. */

#include <string.h>

#include "doc.h"
#include "html_escape.h"

/*
 * Everything the page needs is in it: styles inline, the chart an inline SVG, system fonts
 * only. Nothing is fetched, so the report opens offline and prints the same anywhere.
 */
const char doc_html_style[] =
    "body{margin:0;background:#f3f5f7;color:#1d2733;"
    "font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,"
    "sans-serif}\n"
    "main{max-width:54rem;margin:2rem auto;padding:2rem 2.5rem;background:#fff;"
    "border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}\n"
    "h1{font-size:1.7rem;margin:0 0 .3rem}\n"
    "h2{font-size:1.3rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid "
    "#d5e1ea}\n"
    "h3{font-size:1.08rem;margin:1.4rem 0 .4rem}\n"
    "p,li{max-width:46rem}\n"
    "li{margin:.25rem 0}\n"
    ".note{max-width:none;border-left:4px solid #d99a00;background:#fff7e0;padding:.6rem 1rem;"
    "margin:1rem 0}\n"
    ".detail{display:block;color:#56636f;font-size:.88rem}\n"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}\n"
    "th,td{border:1px solid #d5e1ea;padding:.35rem .55rem;text-align:left;vertical-align:top}\n"
    "th{background:#edf2f6}\n"
    ".r{text-align:right;white-space:nowrap}\n"
    "td ul{margin:0;padding-left:1.1rem}\n"
    "td li{margin:0 0 .2rem}\n"
    "svg.chart{display:block;width:100%;height:auto;margin:.4rem 0 1rem}\n"
    "svg.chart text{font-size:14px;fill:#1d2733}\n"
    "@media print{body{background:#fff;font-size:10.5pt}"
    "main{box-shadow:none;margin:0;padding:0;max-width:none}"
    ".note{background:none}"
    "h2,h3{break-after:avoid}"
    "tr,li,.note,svg.chart{break-inside:avoid}}\n";

static void html_begin(FILE *out, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    html_escape(out, title);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", doc_html_style);
}

static void html_end(FILE *out)
{
    fputs("</main>\n</body>\n</html>\n", out);
}

static void html_heading(FILE *out, int level, const char *text)
{
    fprintf(out, "<h%d>", level);
    html_escape(out, text);
    fprintf(out, "</h%d>\n", level);
}

static void html_paragraph(FILE *out, const char *text)
{
    fputs("<p>", out);
    html_escape(out, text);
    fputs("</p>\n", out);
}

static void html_note(FILE *out, const char *label, const char *text)
{
    fputs("<p class=\"note\"><strong>", out);
    html_escape(out, label);
    fputs(":</strong> ", out);
    html_escape(out, text);
    fputs("</p>\n", out);
}

static void html_list_begin(FILE *out, bool ordered)
{
    fputs(ordered ? "<ol>\n" : "<ul>\n", out);
}

static void html_item(FILE *out, bool ordered, const char *text, const char *detail)
{
    (void)ordered;
    fputs("<li>", out);
    html_escape(out, text);
    if (detail && detail[0]) {
        fputs("<span class=\"detail\">", out);
        html_escape(out, detail);
        fputs("</span>", out);
    }
    fputs("</li>\n", out);
}

static void html_list_end(FILE *out, bool ordered)
{
    fputs(ordered ? "</ol>\n" : "</ul>\n", out);
}

/* A table cell; the lines of a multi-line cell, or of a list column, are a list's items. A data
 * cell carries its column's header (label), which narrow screens show above it. */
static void cell(FILE *out, const char *tag, char align, const char *label, const char *text)
{
    const char *line, *end;

    fprintf(out, "<%s%s", tag, align == 'r' ? " class=\"r\"" : "");
    if (label) {
        fputs(" data-label=\"", out);
        html_escape(out, label);
        fputc('"', out);
    }
    fputc('>', out);
    if (strchr(text, '\n') || (align == 'L' && strcmp(tag, "td") == 0 && text[0])) {
        fputs("<ul>", out);
        for (line = text; *line; line = *end ? end + 1 : end) {
            end = strchr(line, '\n');
            if (!end)
                end = line + strlen(line);
            fputs("<li>", out);
            html_escape_n(out, line, (size_t)(end - line));
            fputs("</li>", out);
        }
        fputs("</ul>", out);
    } else {
        html_escape(out, text);
    }
    fprintf(out, "</%s>", tag);
}

static void html_table_begin(FILE *out, const char *kind, const char *const *headers,
                             const char *align, size_t columns)
{
    size_t i;

    fprintf(out, "<table class=\"%s\">\n<thead><tr>", kind);
    for (i = 0; i < columns; i++)
        cell(out, "th", align[i], NULL, headers[i]);
    fputs("</tr></thead>\n<tbody>\n", out);
}

static void html_row(FILE *out, const char *const *headers, const char *const *cells,
                     const char *align, size_t columns)
{
    size_t i;

    fputs("<tr>", out);
    for (i = 0; i < columns; i++)
        cell(out, "td", align[i], headers[i], cells[i]);
    fputs("</tr>\n", out);
}

static void html_table_end(FILE *out)
{
    fputs("</tbody>\n</table>\n", out);
}

/* Chart geometry, in SVG user units (the chart scales to the page width). */
#define CHART_WIDTH 720
#define CHART_LABEL 270 /* right edge of the role titles */
#define CHART_BAR_X 282
#define CHART_BAR_MAX 370 /* the bar of a score of 100 */
#define CHART_ROW 30
#define CHART_BAR 20

static void html_chart(FILE *out, const struct result_view *view)
{
    size_t rank, n = cq_result_rank_count(view->result);
    int height = (int)n * CHART_ROW + 10;

    fprintf(out,
            "<svg class=\"chart\" viewBox=\"0 0 %d %d\" "
            "role=\"img\" aria-labelledby=\"chart-title\">\n"
            "<title id=\"chart-title\">Scores of the ranked roles, best first</title>\n",
            CHART_WIDTH, height);
    for (rank = 0; rank < n; rank++) {
        size_t role = cq_result_role_at(view->result, rank);
        double score = cq_round1(cq_result_score(view->result, role));
        int y = (int)rank * CHART_ROW + 5;
        double width = score / 100.0 * CHART_BAR_MAX;

        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"%s>", CHART_LABEL, y + 15,
                rank == 0 ? " font-weight=\"bold\"" : "");
        html_escape(out, cq_role_title(view->model, role));
        fprintf(out,
                "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" "
                "fill=\"%s\"/>\n<text x=\"%.1f\" y=\"%d\">%.1f%%</text>\n",
                CHART_BAR_X, y, width, CHART_BAR, rank == 0 ? "#2b6c96" : "#9db8cc",
                CHART_BAR_X + width + 6, y + 15, score);
    }
    fputs("</svg>\n", out);
}

const struct doc_ops doc_html = {
    html_begin,      html_end,   html_heading,  html_paragraph,   html_note,
    html_list_begin, html_item,  html_list_end, html_table_begin, html_row,
    html_table_end,  html_chart, true,
};
