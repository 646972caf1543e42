/* serve_results.c: results to take home: a finished quiz is stored under a code (with --db),
 * and the code shows it again: /r/CODE for people, /api/results for scripts.
 *
 * One SQLite connection serves every thread, one request at a time (its prepared inserts are
 * not shared safely otherwise). A result the database cannot take (locked past a short wait,
 * read-only, the disk full) is kept in a pending file under its code and stored later, by the
 * next result that gets through: a person never loses an answer to a busy database. */

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "html_escape.h"
#include "json_write.h"
#include "kiosk_code.h"
#include "diagnostics.h"
#include "serve.h"
#include "store_pending.h"

/* How long a request waits for another process's write before its result is kept for later:
 * a phone waiting longer than this looks broken. */
#define RESULTS_WAIT_MS 3000

struct serve_results {
    pthread_mutex_t lock;
    store *db;
    const char *path;            /* --db, for messages and pending files */
    const char *event;           /* --event, or NULL */
    bool kept;                   /* a result is in a pending file: store it with the next one */
    struct serve_events *events; /* told when the count changes; may be NULL */
    long long count;             /* the room's results count last published */
    long long version;           /* the database's data_version last seen */
};

/* Publishes the room's count to the live streams when it changed. After a write of this
 * connection the count is read at once; otherwise only when SQLite's data_version says that
 * another connection (a kiosk, a batch import, another server) committed. The caller holds the
 * lock. */
static void watch_locked(struct serve_results *results, bool own_write)
{
    long long version = 0, count = 0;
    struct store_error err;

    if (!own_write) {
        if (store_data_version(results->db, &version, &err) != CLI_EXIT_OK) {
            cli_error("%s", err.message);
            return;
        }
        if (version == results->version)
            return;
        results->version = version;
    }
    if (store_count(results->db, results->event, &count, &err) != CLI_EXIT_OK)
        cli_error("%s", err.message);
    else if (count != results->count) {
        results->count = count;
        serve_events_publish(results->events, (unsigned long)count);
    }
}

void serve_results_watch(struct serve_results *results)
{
    if (!results)
        return;
    pthread_mutex_lock(&results->lock);
    watch_locked(results, false);
    pthread_mutex_unlock(&results->lock);
}

static bool wait_briefly(void *ctx, long waited_ms)
{
    (void)ctx;
    return waited_ms < RESULTS_WAIT_MS;
}

int serve_results_open(const struct cli_options *options, struct serve_events *events,
                       struct serve_results **out)
{
    struct store_wait wait = {wait_briefly, NULL};
    struct serve_results *results = calloc(1, sizeof *results);

    *out = NULL;
    if (!results || pthread_mutex_init(&results->lock, NULL) != 0) {
        free(results);
        return cli_report(CQ_ERR_NOMEM, NULL);
    }
    results->path = options->db;
    results->event = options->event;
    results->events = events;
    results->count = -1; /* the first look publishes the count the streams start from */
    int code = results_open(options->db, &wait, &results->db);
    if (code != CLI_EXIT_OK) {
        pthread_mutex_destroy(&results->lock);
        free(results);
        return code;
    }
    watch_locked(results, false);
    *out = results;
    return CLI_EXIT_OK;
}

void serve_results_close(struct serve_results *results)
{
    if (!results)
        return;
    store_close(results->db);
    pthread_mutex_destroy(&results->lock);
    free(results);
}

enum store_outcome serve_results_store(struct serve_results *results, const cq_model *model,
                                       const cq_answers *answers, const cq_result *result,
                                       char *code)
{
    pthread_mutex_lock(&results->lock);
    enum store_outcome outcome = store_or_keep(results->db, CLI_EXIT_OK, results->path,
                                               results->event, model, answers, result, NULL, code);
    if (outcome == STORE_STORED && results->kept) {
        store_pending_flush(results->db); /* the database takes results again */
        results->kept = false;
    }
    results->kept = results->kept || outcome == STORE_KEPT;
    if (outcome == STORE_STORED)
        watch_locked(results, true);
    pthread_mutex_unlock(&results->lock);
    return outcome;
}

/* ---- a stored result, found again ---- */

/* What a code leads to. */
enum lookup {
    LOOKUP_FOUND,
    LOOKUP_NONE,   /* not a code, no such result, or no database */
    LOOKUP_FAILED, /* the database could not be read */
    LOOKUP_BAD,    /* stored answers this question bank does not take */
};

struct found_result {
    char code[KIOSK_CODE_SIZE];
    struct store_found row;
    cq_result *result;
    bool same_bank; /* scored with the question bank this server has */
};

/* Finds the result under text (a code as typed) and scores its answers again. */
static enum lookup look_up(const struct serve_app *app, const char *text, struct found_result *f)
{
    const cq_model *model = app->env->model;
    bool found = false;
    cq_answers *answers = NULL;
    cq_error err;

    memset(f, 0, sizeof *f);
    if (!app->results || !kiosk_code_parse(text, f->code))
        return LOOKUP_NONE;
    pthread_mutex_lock(&app->results->lock);
    struct store_error store_err;
    int code = store_find_code(app->results->db, f->code, &found, &f->row, &store_err);
    pthread_mutex_unlock(&app->results->lock);
    if (code != CLI_EXIT_OK) {
        cli_error("%s", store_err.message);
        return LOOKUP_FAILED;
    }
    if (!found)
        return LOOKUP_NONE;
    cq_error_clear(&err);
    /* The stored answers are scored again: the scores are the same as long as the bank is. */
    if (cq_answers_parse(model, "the stored answers", f->row.answers, strlen(f->row.answers),
                         &answers, &err) != CQ_OK ||
        cq_score(model, answers, &f->result, &err) != CQ_OK) {
        cq_answers_free(answers);
        return LOOKUP_BAD;
    }
    cq_answers_free(answers);
    f->same_bank = strcmp(f->row.bank_digest, cq_model_digest(model)) == 0;
    return LOOKUP_FOUND;
}

static void found_release(struct found_result *f)
{
    cq_result_free(f->result);
    store_found_release(&f->row);
}

/* The address of a result: --public-url's, or this site's own path. */
static void result_address(const struct serve_app *app, const char *code, char *buf, size_t size)
{
    snprintf(buf, size, "%s/r/%s", app->public_url ? app->public_url : "", code);
}

void serve_result_page(const struct serve_app *app, const cq_result *result, const char *code,
                       const char *notice, struct serve_response *response)
{
    FILE *out = serve_body_open(response, 200, "text/html; charset=utf-8");
    if (!out)
        return;
    serve_page_begin(out, "Your results", NULL);
    if (code) {
        char address[600];
        result_address(app, code, address, sizeof address);
        fprintf(out,
                "<p class=\"take-home\">Your code: <strong class=\"code\">%s</strong>. This "
                "page stays at <a href=\"/r/%s\">",
                code, code);
        html_escape(out, address);
        fputs("</a>: keep the address, or print the page.</p>\n", out);
    }
    if (notice) {
        fputs("<p class=\"notice\" role=\"status\">", out);
        html_escape(out, notice);
        fputs("</p>\n", out);
    }
    int written = serve_page_report(app, result, out);
    serve_page_end(out);
    if (written != CLI_EXIT_OK) {
        fclose(out);
        serve_html_error(response, 500, "Something went wrong",
                         "The results page could not be written.");
        return;
    }
    serve_body_close(out, response);
}

void serve_result_by_code(const struct serve_app *app, const char *code,
                          struct serve_response *response)
{
    struct found_result f;

    switch (look_up(app, code, &f)) {
    case LOOKUP_FOUND:
        serve_result_page(app, f.result, f.code,
                          f.same_bank ? NULL
                                      : "This result was scored again with this server's "
                                        "questions, which changed since it was taken: the scores "
                                        "may differ from the ones first shown.",
                          response);
        break;
    case LOOKUP_NONE:
        serve_html_error(response, 404, "No result under this code",
                         "Check the code: it has eight letters and digits, such as K7Q2-XM4P.");
        break;
    case LOOKUP_FAILED:
        serve_html_error(response, 503, "The results cannot be read just now",
                         "The results database is busy or cannot be read. Please try again in "
                         "a moment.");
        response->retry_after = 5;
        break;
    case LOOKUP_BAD:
        serve_html_error(response, 409, "This result cannot be shown",
                         "It was taken with questions this server no longer asks.");
        break;
    }
    found_release(&f);
}

/* Writes {"code": ..., ..., "result": <score --json>} for a result. */
static void result_json(const struct serve_app *app, unsigned status, const char *code,
                        const struct store_found *row, bool same_bank, bool pending,
                        const cq_result *result, struct serve_response *response)
{
    char *json = NULL, address[600];
    size_t size = 0;
    cq_error err;

    cq_error_clear(&err);
    cq_status st = cq_result_to_json(app->env->model, result, &json, &size, &err);
    if (st != CQ_OK) {
        serve_engine_json(response, app->env->ctx, st, json, size, &err);
        return;
    }
    while (size > 0 && json[size - 1] == '\n')
        size--;
    FILE *out = serve_body_open(response, status, "application/json");
    if (out) {
        result_address(app, code, address, sizeof address);
        fputs("{\"code\":", out);
        json_put_string(out, code);
        fputs(",\"url\":", out);
        json_put_string(out, address);
        if (row) {
            fputs(",\"taken_at\":", out);
            json_put_string(out, row->taken_at);
            fputs(",\"event\":", out);
            json_put_string_or_null(out, row->event);
            fprintf(out, ",\"same_bank\":%s", same_bank ? "true" : "false");
        }
        if (pending)
            fputs(",\"pending\":true", out);
        fputs(",\"result\":", out);
        json_write_safe(out, json, size);
        fputs("}\n", out);
        serve_body_close(out, response);
    }
    cq_free(app->env->ctx, json);
}

void serve_api_result_get(const struct serve_app *app, const char *code,
                          struct serve_response *response)
{
    struct found_result f;

    switch (look_up(app, code, &f)) {
    case LOOKUP_FOUND:
        result_json(app, 200, f.code, &f.row, f.same_bank, false, f.result, response);
        break;
    case LOOKUP_NONE:
        serve_json_error(response, 404,
                         app->results ? "no result under this code"
                                      : "this server keeps no results (no --db)",
                         NULL);
        break;
    case LOOKUP_FAILED:
        serve_json_error(response, 503, "the results database cannot be read just now", NULL);
        response->retry_after = 5;
        break;
    case LOOKUP_BAD:
        serve_json_error(response, 409, "the stored answers do not fit this server's questions",
                         NULL);
        break;
    }
    found_release(&f);
}

void serve_api_result_post(const struct serve_app *app, const struct serve_request *request,
                           struct serve_response *response)
{
    const cq_model *model = app->env->model;
    cq_answers *answers = NULL;
    cq_result *result = NULL;
    char code[KIOSK_CODE_SIZE];
    cq_error err;

    if (!app->results) {
        serve_json_error(response, 503, "this server keeps no results: start it with --db FILE",
                         NULL);
        return;
    }
    cq_error_clear(&err);
    cq_status status =
        cq_answers_parse(model, "request body", request->body, request->body_size, &answers, &err);
    if (status == CQ_OK)
        status = cq_score(model, answers, &result, &err);
    if (status != CQ_OK) {
        serve_engine_json(response, app->env->ctx, status, NULL, 0, &err);
    } else {
        switch (serve_results_store(app->results, model, answers, result, code)) {
        case STORE_STORED:
            result_json(app, 201, code, NULL, true, false, result, response);
            serve_set_location(response, code);
            break;
        case STORE_KEPT: /* accepted: stored under this code as soon as the database can */
            result_json(app, 202, code, NULL, true, true, result, response);
            break;
        case STORE_LOST:
            serve_json_error(response, 503,
                             "the result could not be stored: the results database and the "
                             "folder for pending results refused it (see the server's log)",
                             NULL);
            break;
        }
    }
    cq_result_free(result);
    cq_answers_free(answers);
}

void serve_set_location(struct serve_response *response, const char *code)
{
    size_t size = sizeof "/r/" + strlen(code);
    response->location_owned = malloc(size);
    if (response->location_owned)
        snprintf(response->location_owned, size, "/r/%s", code);
}
