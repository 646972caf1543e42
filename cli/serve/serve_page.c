/* serve_page.c: the frame of every page careerquiz serve sends, and its result page.
 *
 * Pages load their stylesheets and script from /assets/ only, never inline, so that the
 * Content-Security-Policy can forbid everything that is not the server's own. */

#include "doc.h"
#include "exitcode.h"
#include "html_escape.h"
#include "serve.h"

void serve_page_begin(FILE *out, const char *title, const char *script)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    html_escape(out, title);
    fputs(" - careerquiz</title>\n"
          "<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\">\n"
          "<link rel=\"stylesheet\" href=\"/assets/report.css\">\n"
          "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n",
          out);
    if (script)
        fprintf(out, "<script src=\"%s\" defer></script>\n", script);
    fputs("</head>\n<body>\n<header class=\"site\"><a href=\"/quiz\">careerquiz</a></header>\n"
          "<main>\n",
          out);
}

void serve_page_end(FILE *out)
{
    fputs("</main>\n</body>\n</html>\n", out);
}

/* The report's own document frame is the page's: these write nothing. */
static void no_begin(FILE *out, const char *title)
{
    (void)out;
    (void)title;
}

static void no_end(FILE *out)
{
    (void)out;
}

/* The ranking chart drawn for a narrow screen: each role's title above its bar, so that the
 * text keeps its size on a phone (the report's chart puts titles beside the bars). In SVG user
 * units; the page scales it to its width. */
#define PHONE_CHART_WIDTH 360
#define PHONE_CHART_ROW 46
#define PHONE_CHART_BAR_MAX 300

static void phone_chart(FILE *out, const struct result_view *view)
{
    size_t n = cq_result_rank_count(view->result);

    fprintf(out,
            "<svg class=\"phone-chart\" viewBox=\"0 0 %d %zu\" role=\"img\" "
            "aria-labelledby=\"chart-title\">\n"
            "<title id=\"chart-title\">Scores of the ranked roles, best first</title>\n",
            PHONE_CHART_WIDTH, n * PHONE_CHART_ROW + 4);
    for (size_t rank = 0; rank < n; rank++) {
        size_t role = cq_result_role_at(view->result, rank);
        double score = cq_round1(cq_result_score(view->result, role));
        size_t y = rank * PHONE_CHART_ROW;
        double width = score / 100.0 * PHONE_CHART_BAR_MAX;

        fprintf(out, "<text x=\"0\" y=\"%zu\"%s>", y + 16,
                rank == 0 ? " font-weight=\"bold\"" : "");
        html_escape(out, cq_role_title(view->model, role));
        fprintf(out,
                "</text>\n<rect x=\"0\" y=\"%zu\" width=\"%.1f\" height=\"16\" rx=\"3\" "
                "fill=\"%s\"/>\n<text x=\"%.1f\" y=\"%zu\">%.1f%%</text>\n",
                y + 23, width, rank == 0 ? "#2b6c96" : "#9db8cc", width + 6, y + 36, score);
    }
    fputs("</svg>\n", out);
}

int serve_page_report(const struct serve_app *app, const cq_result *result, FILE *out)
{
    struct doc_ops inside = doc_html;
    inside.begin = no_begin;
    inside.end = no_end;
    inside.chart = phone_chart;
    inside.names_commands = false;

    int code = report_result_with(&inside, app->env, result, out);
    fputs("<p class=\"actions no-print\"><a class=\"button\" href=\"/quiz\">Take the quiz "
          "again</a></p>\n",
          out);
    return code;
}
