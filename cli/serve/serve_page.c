/* serve_page.c: the frame of every page careerquiz serve sends, and its result page.
 *
 * Pages load their stylesheets and script from /assets/ only, never inline, so that the
 * Content-Security-Policy can forbid everything that is not the server's own. */

#include "doc.h"
#include "exitcode.h"
#include "html_escape.h"
#include "serve.h"

void serve_page_begin(FILE *out, const char *title, bool script)
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
        fputs("<script src=\"/assets/quiz.js\" defer></script>\n", out);
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

int serve_page_result(const struct serve_app *app, const cq_result *result, FILE *out)
{
    struct doc_ops inside = doc_html;
    inside.begin = no_begin;
    inside.end = no_end;

    serve_page_begin(out, "Your results", false);
    int code = report_result_with(&inside, app->env, result, out);
    fputs("<p class=\"actions no-print\"><a class=\"button\" href=\"/quiz\">Take the quiz "
          "again</a></p>\n",
          out);
    serve_page_end(out);
    return code;
}
