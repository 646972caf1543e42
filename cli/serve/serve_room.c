/* serve_room.c: the room's results for the facilitator: the panel of the facilitator screen,
 * /api/stats (the JSON of `stats --json`), the CSV of `export`, and the watch on the database
 * that tells the live streams when a result arrives, from this server or another process. */

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "export.h"
#include "html_escape.h"
#include "diagnostics.h"
#include "serve.h"
#include "stats.h"

/* The filter of the room: the server's --event, or every result. */
static struct store_filter room_filter(const struct serve_app *app)
{
    struct store_filter filter = {app->env->options->event, NULL};
    return filter;
}

/* Collects the room's counts from the database (a connection of its own, reading only, so it
 * sees what other processes stored too). Returns an exit code; release both either way. */
static int room_stats(const struct serve_app *app, struct stats *st, struct stats_view *view)
{
    struct store_filter filter = room_filter(app);

    memset(st, 0, sizeof *st);
    memset(view, 0, sizeof *view);
    int code = stats_collect(st, app->env->options->db, &filter);
    if (code == CLI_EXIT_OK)
        code = stats_view_init(view, st, app->env->model);
    return code;
}

static void room_release(struct stats *st, struct stats_view *view)
{
    stats_view_release(view);
    stats_release(st); /* after the view, which borrows its strings */
}

void serve_facilitator_panel(const struct serve_app *app, FILE *out)
{
    struct stats st;
    struct stats_view view;

    if (!app->results) {
        fputs("<p class=\"notice\">This server keeps no results, so there is nothing to count: "
              "start it with <code>--db FILE</code> to see the room's results here.</p>\n",
              out);
        return;
    }
    if (room_stats(app, &st, &view) != CLI_EXIT_OK) {
        fputs("<p class=\"error\" role=\"alert\">The results database cannot be read just now; "
              "the screen tries again with the next result.</p>\n",
              out);
        room_release(&st, &view);
        return;
    }
    fprintf(out, "<p class=\"total\" id=\"total\" data-total=\"%lu\">%lu finished</p>\n",
            view.total, view.total);
    if (app->env->options->event) {
        fputs("<p>Event: ", out);
        html_escape(out, app->env->options->event);
        fputs("</p>\n", out);
    }
    fputs("<div class=\"room\">\n<h2>Recommended roles</h2>\n", out);
    stats_html_chart(out, "Recommended roles", view.roles, view.role_count, view.total, false);
    fputs("<h2>Answers per question</h2>\n", out);
    for (size_t q = 0; q < view.question_count; q++) {
        const struct stats_question *sq = &view.questions[q];
        fputs("<h3>", out);
        html_escape(out, sq->text);
        fprintf(out, "</h3>\n<p class=\"hint\">%lu answered</p>\n", sq->answered);
        stats_html_chart(out, sq->text, sq->rows, sq->row_count, view.total,
                         strcmp(sq->type, "scale") == 0);
    }
    fputs("</div>\n<p class=\"no-print\"><a class=\"button\" href=\"/facilitator/export.csv\" "
          "download>Download the results (CSV)</a></p>\n",
          out);
    room_release(&st, &view);
}

/* The key, or a 401 for the API; true when the request may go on. */
static bool key_checked(const struct serve_app *app, const struct serve_request *request,
                        struct serve_response *response)
{
    if (serve_key_given(app, request))
        return true;
    serve_json_error(response, 401, "the facilitator key is needed", NULL);
    response->authenticate = "Bearer realm=\"careerquiz facilitator\"";
    return false;
}

static bool results_kept(const struct serve_app *app, struct serve_response *response)
{
    if (app->results)
        return true;
    serve_json_error(response, 503, "this server keeps no results: start it with --db FILE", NULL);
    return false;
}

void serve_facilitator_fragment(const struct serve_app *app, const struct serve_request *request,
                                struct serve_response *response)
{
    if (!key_checked(app, request, response))
        return;
    FILE *out = serve_body_open(response, 200, "text/html; charset=utf-8");
    if (!out)
        return;
    serve_facilitator_panel(app, out);
    serve_body_close(out, response);
}

void serve_api_stats(const struct serve_app *app, const struct serve_request *request,
                     struct serve_response *response)
{
    struct stats st;
    struct stats_view view;

    if (!key_checked(app, request, response) || !results_kept(app, response))
        return;
    if (room_stats(app, &st, &view) != CLI_EXIT_OK) {
        serve_json_error(response, 503, "the results database cannot be read just now", NULL);
        response->retry_after = 5;
    } else {
        FILE *out = serve_body_open(response, 200, "application/json");
        if (out) {
            stats_write_json(out, &view);
            serve_body_close(out, response);
        }
    }
    room_release(&st, &view);
}

void serve_export_csv(const struct serve_app *app, const struct serve_request *request,
                      struct serve_response *response)
{
    struct store_filter filter = room_filter(app);
    store *s = NULL;

    if (!key_checked(app, request, response) || !results_kept(app, response))
        return;
    struct store_error err;
    int code = store_open_existing(app->env->options->db, &s, &err);
    FILE *out =
        code == CLI_EXIT_OK ? serve_body_open(response, 200, "text/csv; charset=utf-8") : NULL;
    if (code != CLI_EXIT_OK)
        cli_error("%s", err.message);
    if (out) {
        /* One read transaction: the rows and their scores come from the same moment. */
        if ((code = store_read_begin(s, &err)) != CLI_EXIT_OK)
            cli_error("%s", err.message);
        else
            code = export_write_csv(&s, 1, &filter, out);
        if (code == CLI_EXIT_OK) {
            serve_body_close(out, response);
            response->disposition = "attachment; filename=\"careerquiz-results.csv\"";
        } else {
            fclose(out);
        }
    }
    store_close(s);
    if (code != CLI_EXIT_OK) {
        free(response->body);
        response->body = NULL;
        response->body_size = 0;
        serve_json_error(response, 503, "the results database cannot be read just now", NULL);
    }
}
