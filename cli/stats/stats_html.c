/* stats_html.c: stats as one self-contained HTML page with inline SVG bar charts (no scripts,
 * fonts, images or network), for a facilitator to show or print after a workshop. */

#include <string.h>

#include "exitcode.h"
#include "html_escape.h"
#include "stats.h"

/* Chart geometry, in SVG user units (pixels). */
#define CHART_WIDTH 720
#define LABEL_WIDTH 300 /* the labels' column; longer labels are cut */
#define LABEL_CHARS 44
#define BAR_WIDTH 300 /* a bar for 100% of the results */
#define ROW_HEIGHT 24
#define BAR_HEIGHT 16

/* Writes text escaped for HTML, cut to `chars` code points (0: no cut) with an ellipsis. */
static void put_escaped(FILE *out, const char *text, size_t chars)
{
    size_t used = 0, len = 0;
    bool cut = chars > 0 && term_width(text) > chars;

    if (!cut) {
        html_escape(out, text);
        return;
    }
    for (const char *p = text; *p; p++, len++)
        if (((unsigned char)*p & 0xC0) != 0x80 && ++used > chars - 1)
            break;
    html_escape_n(out, text, len);
    fputs("\xe2\x80\xa6", out); /* … */
}

void stats_html_chart(FILE *out, const char *title, const struct stats_row *rows, size_t count,
                      unsigned long total, bool scale)
{
    size_t height = count * ROW_HEIGHT + 8;

    fprintf(out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%zu\" "
            "viewBox=\"0 0 %d %zu\" role=\"img\"><title>",
            CHART_WIDTH, height, CHART_WIDTH, height);
    put_escaped(out, title, 0);
    fputs("</title>\n", out);
    for (size_t i = 0; i < count; i++) {
        double share = stats_share(rows[i].count, total);
        size_t y = i * ROW_HEIGHT + 4;
        int width = (int)(share * BAR_WIDTH + 0.5);

        fprintf(out, "<g><title>");
        put_escaped(out, rows[i].text, 0);
        fprintf(out, ": %lu (%.1f%%)</title><text x=\"0\" y=\"%zu\">", rows[i].count, share * 100.0,
                y + 13);
        if (scale && rows[i].text != rows[i].id) {
            put_escaped(out, rows[i].id, 0);
            fputs(" ", out);
        }
        put_escaped(out, rows[i].text, LABEL_CHARS);
        fprintf(out,
                "</text><rect x=\"%d\" y=\"%zu\" width=\"%d\" height=\"%d\" class=\"bar\"/>"
                "<rect x=\"%d\" y=\"%zu\" width=\"%d\" height=\"%d\" class=\"track\"/>"
                "<text x=\"%d\" y=\"%zu\">%lu (%.1f%%)</text></g>\n",
                LABEL_WIDTH, y, width, BAR_HEIGHT, LABEL_WIDTH + width, y, BAR_WIDTH - width,
                BAR_HEIGHT, LABEL_WIDTH + BAR_WIDTH + 8, y + 13, rows[i].count, share * 100.0);
    }
    fputs("</svg>\n", out);
}

int stats_write_html(const struct stats_view *view, const struct cli_options *options)
{
    FILE *out = stdout;

    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<title>careerquiz results</title>\n<style>\n"
          "body { font-family: sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em; "
          "color: #222; }\n"
          "svg { display: block; margin: 0.5em 0 1.5em; max-width: 100%; height: auto; }\n"
          "svg text { font-size: 13px; fill: #222; }\n"
          ".bar { fill: #2f6f9f; } .track { fill: #e6eef4; }\n"
          "@media print { body { margin: 0; } h2 { break-after: avoid; } }\n"
          "</style>\n</head>\n<body>\n<h1>careerquiz results</h1>\n",
          out);
    fprintf(out, "<p>%lu results; %lu close calls (%.1f%%).", view->total, view->close_calls,
            stats_share(view->close_calls, view->total) * 100.0);
    if (options->event) {
        fputs(" Event: ", out);
        put_escaped(out, options->event, 0);
        fputs(".", out);
    }
    if (options->since)
        fprintf(out, " Since %s (UTC).", options->since);
    fputs("</p>\n<h2>Recommended roles</h2>\n", out);
    stats_html_chart(out, "Recommended roles", view->roles, view->role_count, view->total, false);
    for (size_t q = 0; q < view->question_count; q++) {
        const struct stats_question *sq = &view->questions[q];

        fputs("<h2>", out);
        put_escaped(out, sq->text, 0);
        fprintf(out, "</h2>\n<p>%s, %lu answered (", sq->type, sq->answered);
        put_escaped(out, sq->id, 0);
        fputs(")</p>\n", out);
        stats_html_chart(out, sq->text, sq->rows, sq->row_count, view->total,
                         strcmp(sq->type, "scale") == 0);
    }
    fputs("</body>\n</html>\n", out);
    return CLI_EXIT_OK;
}
