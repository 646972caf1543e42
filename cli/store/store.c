/* store.c: the results store's front: picks the backend for a database name, hands each call to
 * it, and makes the row a finished quiz becomes. Nothing here speaks SQL or prints. */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exitcode.h"
#include "module.h"
#include "store_backend.h"
#include "xdg_dir.h"

int store_error_set(struct store_error *err, int code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

/* store_default_path, returning the exit code of a failure too. */
static int default_path(char **out, struct store_error *err)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

    *out = xdg_path("XDG_DATA_HOME", ".local/share", STORE_DEFAULT_NAME);
    if (*out)
        return CLI_EXIT_OK;
    if ((xdg && xdg[0] == '/') || (home && home[0]))
        return store_error_set(err, CLI_EXIT_SOFTWARE, "out of memory");
    return store_error_set(err, CLI_EXIT_CANTCREAT,
                           "no place for the results database (set HOME or XDG_DATA_HOME, or "
                           "use --db)");
}

char *store_default_path(struct store_error *err)
{
    char *path;

    default_path(&path, err);
    return path;
}

bool store_is_server(const char *name)
{
    return strncmp(name, "postgresql://", 13) == 0 || strncmp(name, "postgres://", 11) == 0;
}

char *store_server_name(const char *uri)
{
    const char *host = strstr(uri, "://") + 3, *end = host + strcspn(host, "/?#");
    const char *at = NULL, *colon, *query;
    char *name = malloc(strlen(uri) + 1), *p;

    if (!name)
        return NULL;
    for (const char *c = host; c < end; c++) /* the last @ before the path ends the user part */
        if (*c == '@')
            at = c;
    colon = at ? memchr(host, ':', (size_t)(at - host)) : NULL;
    p = name;
    if (colon) { /* user:password@host: keep "user@host" */
        memcpy(p, uri, (size_t)(colon - uri));
        p += colon - uri;
        strcpy(p, at);
    } else {
        strcpy(p, uri);
    }
    /* A password=... parameter goes whole, with the & or ? before it when one follows. */
    query = strchr(name, '?');
    while (query && (p = strstr(query, "password=")) != NULL) {
        char *stop = p + strcspn(p, "&#");
        if (p[-1] != '?' && p[-1] != '&') {
            query = p + 1;
            continue;
        }
        memmove(p, *stop == '&' ? stop + 1 : stop, strlen(*stop == '&' ? stop + 1 : stop) + 1);
        if (p[-1] == '?' || p[-1] == '&')
            if (*p == '\0' || *p == '#')
                memmove(p - 1, p, strlen(p) + 1);
    }
    return name;
}

/* Opens a database server's database: PostgreSQL, when the build has libpq. The server makes
 * writers wait for each other itself, so `wait` is for files only. */
static int open_server(const char *uri, bool create, store **out, struct store_error *err)
{
#ifndef CQ_HAVE_PG
    char *name = store_server_name(uri);
    int code = store_error_set(err, CLI_EXIT_USAGE,
                               "this careerquiz was built without PostgreSQL support (install "
                               "libpq-dev and build again): %s",
                               name ? name : "--db");

    (void)create;
    (void)out;
    free(name);
    return code;
#else
    /* libpq is in the PostgreSQL module (careerquiz-pg.so): only a run that uses it links it. */
    char why[512];
    int (*open_pg)(const char *, bool, store **, struct store_error *) =
        (int (*)(const char *, bool, store **, struct store_error *))cli_module_find_function(
            "pg", "store_pg_open", why, sizeof why);

    if (!open_pg)
        return store_error_set(err, CLI_EXIT_SOFTWARE, "cannot open a PostgreSQL database: %s",
                               why);
    return open_pg(uri, create, out, err);
#endif
}

/* The work of store_open and store_open_existing: the default path, then the backend. */
static int open_store(const char *path, bool create, const struct store_wait *wait, store **out,
                      struct store_error *err)
{
    char *fallback = NULL;
    int code;

    err->message[0] = '\0';
    if (!path && (code = default_path(&fallback, err)) != CLI_EXIT_OK)
        return code;
    if (!path)
        path = fallback;
    code = store_is_server(path) ? open_server(path, create, out, err)
                                 : store_sqlite_open(path, create, wait, out, err);
    free(fallback);
    return code;
}

int store_open(const char *path, const struct store_wait *wait, store **out,
               struct store_error *err)
{
    return open_store(path, true, wait, out, err);
}

int store_open_existing(const char *path, store **out, struct store_error *err)
{
    return open_store(path, false, NULL, out, err);
}

void store_close(store *s)
{
    if (s)
        s->ops->close(s);
}

const char *store_path(const store *s)
{
    return s->path;
}

int store_add_row(store *s, struct store_row *row, struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->add_row(s, row, err);
}

int store_begin(store *s, struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->begin(s, err);
}

int store_commit(store *s, struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->commit(s, err);
}

int store_read_begin(store *s, struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->read_begin(s, err);
}

int store_read_roles(store *s, store_role_fn each, void *ctx, struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->read_roles(s, each, ctx, err);
}

int store_read_results(store *s, const struct store_filter *filter, store_result_fn each, void *ctx,
                       struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->read_results(s, filter, each, ctx, err);
}

int store_read_counts(store *s, const struct store_filter *filter, struct store_counts *counts,
                      struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->read_counts(s, filter, counts, err);
}

int store_find_code(store *s, const char *code, bool *found, struct store_found *out,
                    struct store_error *err)
{
    memset(out, 0, sizeof *out);
    *found = false;
    err->message[0] = '\0';
    return s->ops->find_code(s, code, found, out, err);
}

void store_found_release(struct store_found *out)
{
    free(out->taken_at);
    free(out->event);
    free(out->bank_digest);
    free(out->answers);
    memset(out, 0, sizeof *out);
}

int store_count(store *s, const char *event, long long *count, struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->count(s, event, count, err);
}

int store_data_version(store *s, long long *version, struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->data_version(s, version, err);
}

enum store_pending_result store_add_pending(store *s, const char *text, const char *database,
                                            struct store_error *err)
{
    err->message[0] = '\0';
    return s->ops->add_pending(s, text, database, err);
}

/* ---- the row a finished quiz becomes ------------------------------------------------------ */

/*
 * Copies the valid JSON text in[0..len) to out without the whitespace between its tokens, as
 * SQLite's json() keeps it, so that every backend stores the same compact answers. Returns the
 * length written (out is NUL-terminated; it needs len + 1 bytes).
 */
static size_t compact_json(char *out, const char *in, size_t len)
{
    size_t n = 0;
    bool quoted = false, escaped = false;

    for (size_t i = 0; i < len; i++) {
        char c = in[i];

        if (quoted) {
            quoted = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            continue;
        } else {
            quoted = c == '"';
        }
        out[n++] = c;
    }
    out[n] = '\0';
    return n;
}

int store_row_make(struct store_row *row, const char *event, const cq_model *model,
                   const cq_answers *answers, const cq_result *result, struct store_error *err)
{
    size_t roles = cq_model_role_count(model), ranked = cq_result_rank_count(result), rank;
    time_t now = time(NULL);
    struct tm utc;
    cq_error e;
    cq_status status;
    char *json = NULL, text[CQ_ERROR_TEXT + CQ_ERROR_NAME + 64];

    memset(row, 0, sizeof *row);
    err->message[0] = '\0';
    if (!gmtime_r(&now, &utc) ||
        strftime(row->taken_at, sizeof row->taken_at, "%Y-%m-%dT%H:%M:%SZ", &utc) == 0)
        return store_error_set(err, CLI_EXIT_SOFTWARE, "cannot read the clock to date the result");
    if (!kiosk_code_random(row->code))
        return store_error_set(err, CLI_EXIT_SOFTWARE,
                               "cannot make a result code: the system gives no random numbers "
                               "(getrandom, /dev/urandom)");
    cq_error_clear(&e);
    status = cq_answers_to_json(answers, &json, &row->answers_size, &e);
    if (status != CQ_OK)
        return store_error_set(err, cli_exit_for_status(status), "%s",
                               e.message[0] ? cq_error_format(&e, text, sizeof text)
                                            : cq_strerror(status));
    /* A compact copy the row owns, so that it outlives the model's context if it must. */
    row->answers = malloc(row->answers_size + 1);
    if (row->answers)
        row->answers_size = compact_json(row->answers, json, row->answers_size);
    cq_free(cq_model_context(model), json);
    if (!row->answers)
        return store_error_set(err, CLI_EXIT_SOFTWARE, "%s", cq_strerror(CQ_ERR_NOMEM));
    row->event = event;
    row->bank_version = cq_model_version(model);
    row->bank_digest = cq_model_digest(model);
    row->recommended = cq_role_id(model, cq_result_role_at(result, 0));
    row->margin = cq_round1(cq_result_margin(result));
    row->close_call = cq_result_close_count(result) > 1;
    row->role_count = roles < CQ_MAX_ROLES ? roles : CQ_MAX_ROLES;
    for (size_t role = 0; role < row->role_count; role++) {
        for (rank = 0; rank < ranked && cq_result_role_at(result, rank) != role; rank++)
            ;
        row->scores[role].role = cq_role_id(model, role);
        row->scores[role].score = cq_round1(cq_result_score(result, role));
        row->scores[role].rank = rank < ranked ? (long)rank + 1 : 0;
    }
    return CLI_EXIT_OK;
}

void store_row_release(struct store_row *row)
{
    free(row->answers);
    row->answers = NULL;
}

int store_add(store *s, const char *event, const cq_model *model, const cq_answers *answers,
              const cq_result *result, struct store_error *err)
{
    struct store_row row;
    int code = store_row_make(&row, event, model, answers, result, err);

    if (code == CLI_EXIT_OK)
        code = store_add_row(s, &row, err);
    store_row_release(&row);
    return code;
}
