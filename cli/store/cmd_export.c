/* cmd_export.c: the export command: every stored result as a CSV row or a JSON line. */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "export.h"
#include "exitcode.h"
#include "json_write.h"
#include "output.h"
#include "diagnostics.h"

/* The result's own columns, before one score column per role. */
static const char *const row_columns[] = {"id",           "taken_at",    "event",
                                          "bank_version", "bank_digest", "recommended",
                                          "margin",       "close_call",  "answers"};
#define ROW_COLUMNS (sizeof row_columns / sizeof row_columns[0])

struct roles {
    char **ids;
    size_t count;
};

static void roles_release(struct roles *roles)
{
    for (size_t i = 0; i < roles->count; i++)
        free(roles->ids[i]);
    free(roles->ids);
}

/* store_read_roles's callback: keeps the role id, a score column, in byte order, once (the
 * databases merged may share roles). */
static int add_role(void *ctx, const char *id)
{
    struct roles *roles = ctx;
    size_t at = 0;
    char **grown;

    while (at < roles->count && strcmp(roles->ids[at], id) < 0)
        at++;
    if (at < roles->count && strcmp(roles->ids[at], id) == 0)
        return CLI_EXIT_OK;
    grown = realloc(roles->ids, (roles->count + 1) * sizeof *grown);
    if (grown)
        roles->ids = grown;
    if (!grown)
        return cli_report(CQ_ERR_NOMEM, NULL);
    memmove(grown + at + 1, grown + at, (roles->count - at) * sizeof *grown);
    if (!(grown[at] = strdup(id))) {
        memmove(grown + at, grown + at + 1, (roles->count - at) * sizeof *grown);
        return cli_report(CQ_ERR_NOMEM, NULL);
    }
    roles->count++;
    return CLI_EXIT_OK;
}

/* Where the CSV rows go, and the score columns. */
struct csv_out {
    FILE *out;
    const struct roles *roles;
};

/* Whether writing to out failed (stdout's failure is reported when it is closed). */
static bool out_failed(FILE *out)
{
    return out == stdout ? cli_stdout_failed() : ferror(out) != 0;
}

/* store_read_results's callback: one CSV row, a score cell per role column (empty when the
 * result has no such role). */
static int write_csv_row(void *ctx, const struct store_result *r)
{
    const struct csv_out *c = ctx;
    char id[32], close_call[8];
    size_t column = 0;

    snprintf(id, sizeof id, "%lld", r->id);
    snprintf(close_call, sizeof close_call, "%d", r->close_call);
    csv_field(c->out, true, id);
    csv_field(c->out, false, r->taken_at);
    csv_field(c->out, false, r->event ? r->event : "");
    csv_field(c->out, false, r->bank_version);
    csv_field(c->out, false, r->bank_digest);
    csv_field(c->out, false, r->recommended);
    csv_number(c->out, false, r->margin, 1); /* one decimal, as stored */
    csv_field(c->out, false, close_call);
    csv_field(c->out, false, r->answers);
    for (size_t i = 0; i < r->score_count; i++) {
        const char *role = r->scores[i].role;

        for (; column < c->roles->count && strcmp(c->roles->ids[column], role) < 0; column++)
            csv_field(c->out, false, "");
        if (column < c->roles->count && strcmp(c->roles->ids[column], role) == 0) {
            csv_number(c->out, false, r->scores[i].score, 1);
            column++;
        }
    }
    for (; column < c->roles->count; column++)
        csv_field(c->out, false, "");
    csv_end(c->out);
    return out_failed(c->out) ? CLI_EXIT_IO : CLI_EXIT_OK;
}

int export_write_csv(store *const *stores, size_t count, const struct store_filter *filter,
                     FILE *out)
{
    struct roles roles = {NULL, 0};
    struct csv_out c = {out, &roles};
    struct store_error err;
    char heading[32];
    int code = CLI_EXIT_OK;

    err.message[0] = '\0';
    for (size_t i = 0; code == CLI_EXIT_OK && i < count; i++)
        code = store_read_roles(stores[i], add_role, &roles, &err);

    if (code == CLI_EXIT_OK) {
        for (size_t i = 0; i < ROW_COLUMNS; i++)
            csv_field(out, i == 0, row_columns[i]);
        for (size_t i = 0; i < roles.count; i++) {
            snprintf(heading, sizeof heading, "score:%s", roles.ids[i]);
            csv_field(out, false, heading);
        }
        csv_end(out);
    }
    for (size_t i = 0; code == CLI_EXIT_OK && i < count; i++)
        code = store_read_results(stores[i], filter, write_csv_row, &c, &err);
    if (code != CLI_EXIT_OK && err.message[0])
        cli_error("%s", err.message);
    roles_release(&roles);
    return code;
}

/* A stored number as SQLite's JSON writes a real: 15 digits, and ".0" on a whole number, so
 * that a score reads as a score ("12.0"). */
static void put_real(FILE *out, double value)
{
    char text[40];

    if (!isfinite(value)) { /* JSON has no infinity; SQLite keeps 1e999 as one */
        fputs("null", out);
        return;
    }
    snprintf(text, sizeof text, "%.15g", value + 0.0); /* + 0.0 turns -0 into 0 */
    fputs(text, out);
    if (!strpbrk(text, ".eEni"))
        fputs(".0", out);
}

/* store_read_results's callback: the result as one JSON object on a line; answers and scores
 * are nested JSON, not strings. Database values are outside input: every string is escaped
 * for a terminal as for JSON. */
struct json_out {
    FILE *out;
    const store *s;
};

static int write_json_line(void *ctx, const struct store_result *r)
{
    const struct json_out *j = ctx;
    FILE *out = j->out;

    if (!r->answers_valid) { /* it would not be JSON Lines */
        cli_error("cannot export result %lld: its answers are not JSON: %s", r->id,
                  store_path(j->s));
        return CLI_EXIT_DATA;
    }
    fprintf(out, "{\"id\":%lld,\"taken_at\":", r->id);
    json_put_string(out, r->taken_at);
    json_put_member(out, ",\"event\":", r->event);
    json_put_member(out, ",\"bank_version\":", r->bank_version);
    json_put_member(out, ",\"bank_digest\":", r->bank_digest);
    json_put_member(out, ",\"recommended\":", r->recommended);
    fputs(",\"margin\":", out);
    put_real(out, r->margin);
    fprintf(out, ",\"close_call\":%s,\"answers\":", r->close_call == 1 ? "true" : "false");
    json_write_safe(out, r->answers, strlen(r->answers));
    fputs(",\"scores\":{", out);
    for (size_t i = 0; i < r->score_count; i++) {
        if (i > 0)
            putc(',', out);
        json_put_string(out, r->scores[i].role);
        putc(':', out);
        put_real(out, r->scores[i].score);
    }
    fputs("}}\n", out);
    return out_failed(out) ? CLI_EXIT_IO : CLI_EXIT_OK;
}

int cmd_export(struct cli_env *env, int argc, char **argv)
{
    const struct cli_options *o = env->options;
    struct store_filter filter = {o->event, o->since};
    struct store_error err;
    store *stores[CLI_MAX_DBS] = {NULL};
    size_t count = o->db_count ? o->db_count : 1, opened = 0;
    int code = CLI_EXIT_OK;

    (void)argc;
    (void)argv;
    if (o->format == CLI_FORMAT_JSON) {
        cli_error("export writes csv or jsonl, not json (use --format jsonl)");
        return CLI_EXIT_USAGE;
    }
    /* Every database first (without --db, the default one), each in one read transaction:
     * the rows and their scores come from the same moment. */
    err.message[0] = '\0';
    for (; code == CLI_EXIT_OK && opened < count; opened++) {
        code = store_open_existing(o->db_count ? o->dbs[opened] : NULL, &stores[opened], &err);
        if (code == CLI_EXIT_OK)
            code = store_read_begin(stores[opened], &err);
    }
    if (code == CLI_EXIT_OK && o->table == CLI_TABLE_JSONL) {
        for (size_t i = 0; code == CLI_EXIT_OK && i < count; i++) {
            struct json_out j = {stdout, stores[i]};
            code = store_read_results(stores[i], &filter, write_json_line, &j, &err);
        }
    } else if (code == CLI_EXIT_OK) {
        code = export_write_csv(stores, count, &filter, stdout); /* reports its own failure */
        err.message[0] = '\0';
    }
    if (code != CLI_EXIT_OK && err.message[0])
        cli_error("%s", err.message);
    for (size_t i = 0; i < opened; i++)
        store_close(stores[i]);
    return code;
}
